import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

/** This machine's first non-loopback IPv4 address: a caller that is not on loopback. */
const externalAddress = () =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('/metrics in production without METRICS_TOKEN', () => {
  let t: TestApp;
  let wide: http.Server;
  let widePort = 0;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', FINANCE_JOBS: 'false', GRANT_EXPIRY_INTERVAL_MS: 0, INTRO_BONUS_MILLICREDITS: '0' });
    // The same app, also reachable on every interface (the harness listens on loopback only).
    wide = http.createServer(t.app.express);
    await new Promise<void>((resolve) => wide.listen(0, '0.0.0.0', resolve));
    widePort = (wide.address() as AddressInfo).port;
  });
  afterAll(async () => {
    wide?.closeAllConnections();
    await new Promise((resolve) => wide?.close(resolve));
    await t?.close();
  });

  it('answers a loopback caller', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# TYPE');
  });

  it('refuses a caller on another address, and a loopback proxy relaying one', async () => {
    const address = externalAddress();
    expect(address, 'this machine needs a non-loopback interface').toBeDefined();
    const res = await fetch(`http://${address}:${widePort}/metrics`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/METRICS_TOKEN/);
    expect((await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
  });

  it('serves the token holder from anywhere once METRICS_TOKEN is set', async () => {
    const guarded = await startTestApp({ NODE_ENV: 'production', METRICS_TOKEN: 'scrape-me', FINANCE_JOBS: 'false', GRANT_EXPIRY_INTERVAL_MS: 0 });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-me', 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
