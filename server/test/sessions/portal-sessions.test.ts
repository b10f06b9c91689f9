import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { Browser, VIEWER, manualClock, staffUser } from './support.js';

const time = manualClock();
let t: TestApp;

const CREATE = `mutation($a: ID, $r: String) { createPortalSession(accountId: $a, returnTo: $r) { url expiresAt } }`;

beforeAll(async () => {
  t = await startTestApp({ PORTAL_LINK_TTL_SECONDS: 300 }, undefined, { clock: time.clock });
});
afterAll(() => t?.close());

const pathOf = (url: string) => new URL(url).pathname;

describe('portal sessions', () => {
  it("opens the Credits page once, on the key's own account, and clears the token from the address", async () => {
    const customer = await t.account(7_000n);
    const created = await t.gql(CREATE, {}, customer.key);
    expect(created.errors).toBeUndefined();
    const { url, expiresAt } = created.data.createPortalSession;
    expect(url).toMatch(/^https:\/\/app\.example\.test\/credits\/portal\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - time.clock().getTime()).toBe(300_000);

    const browser = new Browser(t);
    const opened = await browser.get(pathOf(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/credits');
    expect(opened.headers.get('cache-control')).toBe('no-store');
    const cookie = browser.lastSetCookies.find((c) => c.startsWith('cm_portal='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const viewer = await browser.gql(VIEWER, {}, { 'x-creditmeter-session': 'portal' });
    expect(viewer.data.viewer).toMatchObject({
      kind: 'PORTAL',
      role: 'USER',
      accountId: customer.id,
      staffUser: null,
      account: { id: customer.id },
    });
    expect((await browser.gql(`{ me { id balance { balanceMillicredits } } }`)).data.me).toEqual({
      id: customer.id,
      balance: { balanceMillicredits: '7000' },
    });

    // Single use: a second visit (another browser, or the same one) gets no session.
    const again = new Browser(t);
    const reused = await again.get(pathOf(url));
    expect(reused.status).toBe(303);
    expect(reused.headers.get('location')).toBe('/credits?portal=expired');
    expect(again.jar.size).toBe(0);
  });

  it('authorises that one account as USER only', async () => {
    const customer = await t.account(1_000n);
    const other = await t.account(1_000n);
    const { url } = (await t.gql(CREATE, {}, customer.key)).data.createPortalSession;
    const browser = new Browser(t);
    await browser.get(pathOf(url));
    expect((await browser.gql(`query($id: ID!) { account(id: $id) { id } }`, { id: other.id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await browser.gql(`query($id: ID!) { account(id: $id) { id } }`, { id: customer.id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const adjust = await browser.gql(
      `mutation($a: ID!) { adjustBalance(input: { accountId: $a, amountMillicredits: "1", reason: "x" }) { id } }`,
      { a: customer.id },
    );
    expect(adjust.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await browser.gql(`{ accounts { totalCount } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await browser.gql(CREATE, { a: other.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('audits what the account does on its Credits page as that account (actorKind ACCOUNT), not as the system', async () => {
    const customer = await t.account(1_000n);
    const { url } = (await t.gql(CREATE, {}, customer.key)).data.createPortalSession;
    const browser = new Browser(t);
    await browser.get(pathOf(url));
    const created = await browser.gql(
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: ["*"] }) { endpoint { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    const endpointId = created.data.createWebhookEndpoint.endpoint.id;
    const log = await t.gql(
      `query($a: String!) { auditLog(filter: { actor: $a, action: "webhookEndpoint.create" }) { edges { node { actorKind actorAccountId actorKeyId actorStaffUserId targetId } } } }`,
      { a: customer.id },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data.auditLog.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { actorKind: 'ACCOUNT', actorAccountId: customer.id, actorKeyId: null, actorStaffUserId: null, targetId: endpointId },
    ]);
    // The key that asked for the link is still an API_KEY actor.
    const link = await t.gql(
      `query($a: String!) { auditLog(filter: { actor: $a, action: "portalSession.create" }) { edges { node { actorKind } } } }`,
      { a: customer.id },
    );
    expect(link.data.auditLog.edges.map((e: { node: { actorKind: string } }) => e.node.actorKind)).toContain('API_KEY');
  });

  it('expires unused links after the configured minutes', async () => {
    const customer = await t.account();
    const { url } = (await t.gql(CREATE, {}, customer.key)).data.createPortalSession;
    time.advanceMinutes(5);
    const browser = new Browser(t);
    expect((await browser.get(pathOf(url))).headers.get('location')).toBe('/credits?portal=expired');
    expect(browser.jar.size).toBe(0);
  });

  it('sends an expired link back towards the app that made it, for a new one', async () => {
    const customer = await t.account();
    const made = await t.gql(CREATE, { r: '/billing' }, customer.key);
    expect(made.errors).toBeUndefined();
    time.advanceMinutes(5);
    const browser = new Browser(t);
    expect((await browser.get(pathOf(made.data.createPortalSession.url))).headers.get('location')).toBe(
      `/credits?portal=expired&returnTo=${encodeURIComponent('/billing')}`,
    );
    expect(browser.jar.size).toBe(0);
  });

  it('lets an ADMIN key open any account, refuses a USER key for another, and sanitises returnTo', async () => {
    const customer = await t.account();
    const stranger = await t.account();
    expect((await t.gql(CREATE, { a: customer.id }, stranger.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { a: customer.id, r: 'https://evil.example/steal' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(CREATE, { a: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const made = await t.gql(CREATE, { a: customer.id, r: 'https://app.example.test/dashboard?tab=usage' });
    const browser = new Browser(t);
    const opened = await browser.get(pathOf(made.data.createPortalSession.url));
    expect(opened.headers.get('location')).toBe(`/credits?returnTo=${encodeURIComponent('/dashboard?tab=usage')}`);
    expect((await browser.gql(VIEWER)).data.viewer.accountId).toBe(customer.id);
    const [audit] = await t.db.query<{ actor_key_id: string | null }>(
      `select actor_key_id from audit_log where action = 'portalSession.create' and target_id = $1`,
      [customer.id],
    );
    expect(audit.actor_key_id).not.toBeNull();
  });

  it('lets a staff ADMIN session open a portal, and prefers the cookie the page asks for', async () => {
    const admin = await staffUser(t, 'ADMIN');
    const customer = await t.account();
    const browser = new Browser(t);
    await browser.signIn(admin.email, admin.password);
    const made = await browser.gql(CREATE, { a: customer.id });
    await browser.get(pathOf(made.data.createPortalSession.url));
    expect((await browser.gql(VIEWER)).data.viewer.kind).toBe('STAFF');
    expect((await browser.gql(VIEWER, {}, { 'x-creditmeter-session': 'portal' })).data.viewer).toMatchObject({
      kind: 'PORTAL',
      accountId: customer.id,
    });
    // Signing out of the Credits page leaves the console session alone.
    expect((await browser.gql(`mutation { signOut }`, {}, { 'x-creditmeter-session': 'portal' })).data.signOut).toBe(true);
    expect(browser.jar.has('cm_portal')).toBe(false);
    expect((await browser.gql(VIEWER)).data.viewer.kind).toBe('STAFF');
  });

  it('trades a key for a Credits page session outside production only', async () => {
    const customer = await t.account(3_000n);
    const browser = new Browser(t);
    const signed = await browser.gql(`mutation($k: String!) { signInWithKey(key: $k) { kind role accountId } }`, { k: customer.key });
    expect(signed.data.signInWithKey).toEqual({ kind: 'PORTAL', role: 'USER', accountId: customer.id });
    expect((await browser.gql(`{ me { id } }`)).data.me.id).toBe(customer.id);
    expect((await new Browser(t).gql(`mutation { signInWithKey(key: "cm_nope") { kind } }`)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    const prod = await startTestApp({ NODE_ENV: 'production' }, t.db);
    try {
      const refused = await new Browser(prod).gql(`mutation($k: String!) { signInWithKey(key: $k) { kind } }`, { k: customer.key });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const link = await prod.gql(CREATE, {}, customer.key);
      const opened = await new Browser(prod).get(pathOf(link.data.createPortalSession.url));
      expect(opened.headers.getSetCookie().find((c) => c.startsWith('cm_portal='))).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });
});
