import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { SIGN_IN_FAILED } from '../../src/sessions/sign-in.service.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { Browser, staffUser } from '../sessions/support.js';

// The test client connects from 127.0.0.1: with TRUSTED_PROXIES naming some other proxy, it is an
// untrusted peer, and whatever X-Forwarded-For it sends must not become its address.
const limits = { SIGNIN_MAX_FAILURES_PER_EMAIL: 100, SIGNIN_MAX_FAILURES_PER_ADDRESS: 3 };

async function exhaustAddressThenSignIn(t: TestApp) {
  const user = await staffUser(t, 'SUPPORT');
  for (let i = 0; i < 3; i++) await new Browser(t, `203.0.113.${i + 1}`).signIn(`guess${i}@staff.example.test`, 'wrong password');
  return new Browser(t, '203.0.113.200').signIn(user.email, user.password);
}

describe('trusted proxies decide the client address used for per-address limits', () => {
  let untrusted: TestApp;
  let trusted: TestApp;
  beforeAll(async () => {
    untrusted = await startTestApp({ ...limits, TRUSTED_PROXIES: '10.0.0.0/8' });
    trusted = await startTestApp({ ...limits }, untrusted.db); // default: loopback is trusted
  });
  afterAll(async () => {
    await trusted?.app.close();
    await untrusted?.close();
  });

  it('a spoofed X-Forwarded-For from an untrusted peer does not change the address: its limit still applies', async () => {
    const refused = await exhaustAddressThenSignIn(untrusted);
    expect(refused.errors?.[0].message).toBe(SIGN_IN_FAILED);
  });

  it('a trusted proxy (loopback by default) relays the client address: each client has its own limit', async () => {
    const signed = await exhaustAddressThenSignIn(trusted);
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.signIn.kind).toBe('STAFF');
  });
});

describe('TRUSTED_PROXIES configuration', () => {
  it('defaults to loopback, accepts none, addresses, CIDRs and names, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.1, 172.16.0.0/12 ,uniquelocal,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      'uniquelocal',
      '::1',
    ]);
    for (const bad of ['*', 'true', '10.0.0.0/33', 'example.com', '10.0.0.1/8/2'])
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
  });
});
