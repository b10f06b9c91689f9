import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { documentedRoutes, expectDocumentedBody, registeredRoutes, type OpenApiDoc } from './openapi-support.js';

let t: TestApp;
let doc: OpenApiDoc;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as OpenApiDoc;
});
afterAll(async () => t?.close());

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(JSON.stringify(validator.resolveRefs())).not.toContain('"$ref"');
    expect(doc.servers).toEqual([{ url: 'https://app.example.test' }]);
  });

  it('is public and cacheable: no key, a shared cache may keep it, and a revalidation is a 304', async () => {
    const first = await fetch(`${t.url}/openapi.json`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toMatch(/\bpublic\b.*max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // A cache-control of our own: with a conditional header alone, fetch would add `no-cache` and force a full answer.
    const again = await fetch(`${t.url}/openapi.json`, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
  });

  it('documents every route the app registers, with its method, and no path that is not a route', () => {
    const routes = registeredRoutes(t.app.express);
    const documented = documentedRoutes(doc);
    // Sanity: the walk sees the router (these exist on main whatever else is added).
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['post /v1/chat/completions', 'get /v1/models', 'post /webhooks/stripe', 'get /openapi.json']),
    );

    const undocumented = routes
      .filter((route) => !documented.some((d) => (route.method === '*' || d.method === route.method) && route.matches(d.sample)))
      .map((r) => `${r.method} ${r.path}`);
    expect(undocumented, 'registered on the app but missing from /openapi.json').toEqual([]);

    const notRoutes = documented
      .filter((d) => !routes.some((route) => (route.method === '*' || d.method === route.method) && route.matches(d.sample)))
      .map((d) => `${d.method} ${d.path}`);
    expect(notRoutes, 'in /openapi.json but no route answers it').toEqual([]);
  });

  it('names the security of every operation, the gateway headers and the error bodies', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    expect(schemes).toEqual(expect.arrayContaining(['bearerKey', 'apiKeyHeader', 'staffSession', 'stripeSignature']));
    for (const d of documentedRoutes(doc)) expect(d.operation.security, `${d.method} ${d.path}`).toBeDefined();
    const chat = doc.paths['/v1/chat/completions'].post;
    expect(Object.keys(chat.responses)).toEqual(expect.arrayContaining(['200', '402', '403', '404', '429', '503']));
    expect(Object.keys(chat.responses['200'].headers)).toEqual(
      expect.arrayContaining(['x-creditmeter-charged-millicredits', 'x-creditmeter-balance-millicredits', 'Server-Timing']),
    );
    const insufficient = doc.components.schemas.InsufficientCreditsError.properties.error;
    expect(insufficient.required).toEqual(
      expect.arrayContaining(['credits_url', 'required_millicredits', 'available_millicredits', 'max_output_tokens_assumed']),
    );
    expect(Object.keys(doc.components.responses.RateLimited.headers)).toContain('Retry-After');
    // The Anthropic SDK's x-api-key is accepted on /v1/messages and /v1/key only.
    for (const [path, op] of documentedRoutes(doc).map((d) => [d.path, d.operation] as const)) {
      const header = (op.security as Record<string, string[]>[]).some((s) => 'apiKeyHeader' in s);
      expect(header, path).toBe(path === '/v1/messages' || path === '/v1/key');
    }
    expect(doc.paths['/v1/messages'].post.responses['402'].$ref).toBe('#/components/responses/AnthropicPaymentRequired');
  });

  it("describes the gateway's real answers: the bodies it sends validate against their documented schemas", async () => {
    const { key } = await t.account(0n);
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const models = await fetch(`${t.url}/v1/models`, { headers: auth });
    expectDocumentedBody(doc, 'get', '/v1/models', models.status, await models.json());
    const unknown = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(unknown.status).toBe(404);
    expectDocumentedBody(doc, 'post', '/v1/chat/completions', 404, await unknown.json());
    const anonymous = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expectDocumentedBody(doc, 'post', '/v1/chat/completions', anonymous.status, await anonymous.json());
    const refused = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(refused.status).toBe(402); // the account has nothing
    expectDocumentedBody(doc, 'post', '/v1/chat/completions', 402, await refused.json());
    const health = await fetch(`${t.url}/healthz`);
    expectDocumentedBody(doc, 'get', '/healthz', health.status, await health.json());
  });
});
