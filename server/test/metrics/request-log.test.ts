import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const CREATE = `mutation { createPortalSession { url } }`;

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  t = await startTestApp({ LOG_LEVEL: 'info' }, undefined, { log: createLogger('info', stream) });
});
afterAll(() => t?.close());

const requestLines = () => lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request' || l.msg === 'request failed');

describe('the request log', () => {
  it('never holds a Credits-page link token, whatever the case of the path', async () => {
    const customer = await t.account();
    const tokens: string[] = [];
    for (const spelling of ['/credits/portal/', '/Credits/PORTAL/']) {
      const { url } = (await t.gql(CREATE, {}, customer.key)).data.createPortalSession;
      const token = new URL(url).pathname.split('/').pop()!;
      tokens.push(token);
      const res = await fetch(`${t.url}${spelling}${token}?x=1`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/^cm_portal=/); // the link worked: it was a live token
    }
    const portal = requestLines().filter((l) => /\/portal\//i.test(l.path));
    expect(portal.map((l) => [l.path, l.status])).toEqual([
      ['/credits/portal/[redacted]', 303],
      ['/Credits/PORTAL/[redacted]', 303],
    ]);
    const text = lines.join('\n');
    for (const token of tokens) expect(text).not.toContain(token);
  });

  it('keeps ordinary paths as they were, without the query string', async () => {
    await fetch(`${t.url}/statements/2026-01.csv?token=abc`);
    expect(requestLines().some((l) => l.path === '/statements/2026-01.csv')).toBe(true);
    expect(lines.join('\n')).not.toContain('token=abc');
  });
});
