import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  // The real bundles (built only when their sources changed since the last build).
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../../admin/scripts/build-if-stale.mjs')], { stdio: 'ignore' });
  t = await startTestApp();
}, 180_000);
afterAll(async () => t?.close());

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the web pages', () => {
  it('serves the home page, the console and the Credits page with their client-side routes', async () => {
    for (const [url, marker] of [
      ['/', 'href="/admin/"'],
      ['/admin', '<title>Console'],
      ['/admin/accounts/42/show', '<title>Console'],
      ['/credits', '<title>Credits'],
      ['/credits?checkout=success&purchase=x', '<title>Credits'],
    ] as const) {
      const res = await fetch(`${t.url}${url}`, { headers: html });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain(marker);
    }
  });

  it('answers a browser GET /graphql with the bundled GraphiQL, from this origin only', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: html });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<title>GraphiQL');
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src, 'no script or style from another origin').toMatch(/^(\/assets\/|data:)/);
    expect(page).not.toMatch(/<script>(?!<\/script>)/); // no inline script: the CSP forbids them
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = sources.find((s) => s.endsWith('.js'))!;
    const asset = await fetch(`${t.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves every other GraphQL request to the GraphQL server', async () => {
    const post = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers 404 for an asset that does not exist', async () => {
    expect((await fetch(`${t.url}/assets/nope-123.js`)).status).toBe(404);
  });
});
