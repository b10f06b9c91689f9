import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';

const lines: Array<Record<string, unknown>> = [];
let db: TestDatabase;
let app: App;
let url: string;

beforeAll(async () => {
  db = await freshDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).trim().split('\n')) lines.push(JSON.parse(text));
      done();
    },
  });
  const config = loadConfig({}, { NODE_ENV: 'test', DATABASE_URL: db.url, LOG_LEVEL: 'info' });
  app = await createApp({ config, orm: db.orm, log: createLogger('info', stream) });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The request line for `path`, once the response has finished (it is written on 'finish'). */
async function requestLine(path: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const found = lines.find((l) => l.msg === 'request' && l.path === path);
    if (found) return found;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`no request line for ${path}`);
}

describe('request log', () => {
  it('logs a GraphQL request with its real path and operation name, and never its key or query string', async () => {
    const res = await fetch(`${url}/graphql?debug=secret-query-value`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer cm_not_a_real_key_123456' },
      body: JSON.stringify({ query: 'query CreditPacksForLog { creditPacks { id } }', operationName: 'CreditPacksForLog' }),
    });
    expect(res.status).toBe(200);
    const line = await requestLine('/graphql');
    expect(line).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operationName: 'CreditPacksForLog', level: 30 });
    expect(typeof line.ms).toBe('number');
    const all = JSON.stringify(lines);
    expect(all).not.toContain('cm_not_a_real_key_123456');
    expect(all).not.toContain('secret-query-value');
  });

  it('never logs a Credits-page link token, whatever the case of the path', async () => {
    const account = await app.services.accounts.create(null, { email: 'portal-log@example.test' });
    const tokens: string[] = [];
    for (const spelling of ['/credits/portal/', '/Credits/PORTAL/']) {
      const link = await app.services.portal.createLink({ keyId: null, accountId: account.id, role: 'USER' }, account.id, null);
      const token = new URL(link.url).pathname.split('/').pop()!;
      tokens.push(token);
      const res = await fetch(`${url}${spelling}${token}?x=1`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/^cm_portal=/); // a live token: the link worked
      expect(await requestLine(`${spelling}[redacted]`)).toMatchObject({ method: 'GET', status: 303 });
    }
    const all = JSON.stringify(lines);
    for (const token of tokens) expect(all).not.toContain(token);
  });

  it('answers a malformed JSON body with a typed 400, not an HTML page', async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it('sends helmet security headers with a strict same-origin script policy', async () => {
    const res = await fetch(`${url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // HSTS only in production
  });
});
