import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { connectWs } from '../support/ws-client.js';
import { Browser, VIEWER, staffUser } from './support.js';

// Issue 17, defects 2 and 6: a principal is checked on every operation, not once at connect.
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await staffUser(t, 'ADMIN'); // so that another ADMIN may be disabled (the last active one stays)
});
afterAll(() => t?.close());

const ADJUST = `mutation($a: ID!, $m: String!) { adjustBalance(input: { accountId: $a, amountMillicredits: $m, reason: "test" }) { id } }`;
const CREATE_ADMIN_KEY = `mutation($a: ID!) { createApiKey(accountId: $a, role: ADMIN) { id } }`;
const BALANCE = `subscription($a: ID) { balanceUpdated(accountId: $a) { balanceMillicredits } }`;
const UPDATE_STAFF = `mutation($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { id } }`;
const CHARGE = `mutation($k: String!) { recordUsage(input: { model: "cheap-model", inputTokens: 1000, outputTokens: 0, idempotencyKey: $k }) { chargedMillicredits } }`;
const CREATE_LINK = `mutation { createPortalSession { url } }`;
const MY_KEYS = `{ apiKeys { id } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`;
const REVOKE_PORTAL = `mutation($a: ID!) { revokePortalSessions(accountId: $a) }`;
const CLOSE_WITHIN_MS = 2_000;

const balanceOf = async (accountId: string) =>
  (
    await t.gql(
      `query($id: ID!) { account(id: $id) { balance { balanceMillicredits } } }`,
      { id: accountId },
      (await t.account(0n, 'ADMIN')).key,
    )
  ).data.account.balance.balanceMillicredits;
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

async function signedInStaff(role: 'SUPPORT' | 'ADMIN') {
  const user = await staffUser(t, role);
  const browser = new Browser(t);
  expect((await browser.signIn(user.email, user.password)).errors).toBeUndefined();
  return { user, browser };
}

/** A Credits page session opened through a portal link that `key` asked for. */
async function portalBrowser(key: string) {
  const { url } = (await t.gql(CREATE_LINK, {}, key)).data.createPortalSession;
  const browser = new Browser(t);
  expect((await browser.get(new URL(url).pathname)).headers.get('location')).toBe('/credits');
  return browser;
}

describe('defect 2: a console socket ends with its session', () => {
  it('closes an ADMIN socket with 4403 when the user is disabled, and no mutation gets through it after', async () => {
    const { user, browser } = await signedInStaff('ADMIN');
    const customer = await t.account(0n);
    const ws = await connectWs(t.url, { cookie: browser.cookieHeader });
    expect(codeOf(await ws.run(ADJUST, { a: customer.id, m: '100' }))).toBe('OK');

    const admin = await t.account(0n, 'ADMIN');
    expect(codeOf(await t.gql(UPDATE_STAFF, { input: { id: user.id, disabled: true } }, admin.key))).toBe('OK');
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    await expect(ws.run(ADJUST, { a: customer.id, m: '100' })).rejects.toBeTruthy();
    await expect(ws.run(CREATE_ADMIN_KEY, { a: customer.id })).rejects.toBeTruthy();
    // The cookie opens no new socket either, and HTTP knows it no more.
    await expect(connectWs(t.url, { cookie: browser.cookieHeader })).rejects.toMatchObject({ code: 4403 });
    expect((await browser.gql(VIEWER)).data.viewer).toBeNull();
    expect(await balanceOf(customer.id)).toBe('100');
    await ws.dispose();
  });

  it('closes the socket on sign-out: the balance stream stops', async () => {
    const { browser } = await signedInStaff('SUPPORT');
    const customer = await t.account(5_000n);
    const ws = await connectWs(t.url, { cookie: browser.cookieHeader });
    const stream = ws.subscribe(BALANCE, { a: customer.id });
    expect(codeOf(await ws.run(VIEWER))).toBe('OK');
    expect((await browser.gql(`mutation { signOut }`)).data.signOut).toBe(true);
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    const seen = stream.events.length;
    await t.gql(CHARGE, { k: 'after-sign-out' }, customer.key);
    expect(await balanceOf(customer.id)).toBe('4900'); // the charge happened; the closed socket streams nothing
    expect(stream.events).toHaveLength(seen);
    await ws.dispose();
  });

  it('closes the socket when an admin changes the password', async () => {
    const { user, browser } = await signedInStaff('ADMIN');
    const ws = await connectWs(t.url, { cookie: browser.cookieHeader });
    const admin = await t.account(0n, 'ADMIN');
    expect(codeOf(await t.gql(UPDATE_STAFF, { input: { id: user.id, password: 'another long passphrase 42' } }, admin.key))).toBe('OK');
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    await ws.dispose();
  });

  it('serves a demoted user with the new role on the same socket', async () => {
    const { user, browser } = await signedInStaff('ADMIN');
    const customer = await t.account(0n);
    const ws = await connectWs(t.url, { cookie: browser.cookieHeader });
    const admin = await t.account(0n, 'ADMIN');
    expect(codeOf(await t.gql(UPDATE_STAFF, { input: { id: user.id, role: 'SUPPORT' } }, admin.key))).toBe('OK');
    expect(codeOf(await ws.run(ADJUST, { a: customer.id, m: '100' }))).toBe('FORBIDDEN');
    expect((await ws.run(VIEWER)).data.viewer.role).toBe('SUPPORT');
    expect(await balanceOf(customer.id)).toBe('0');
    await ws.dispose();
  });
});

describe('signOutEverywhere', () => {
  it('ends every console session of the caller, closes their sockets, and is audited; keys and portals are refused', async () => {
    const { user, browser } = await signedInStaff('SUPPORT');
    const laptop = new Browser(t, '198.51.100.77');
    await laptop.signIn(user.email, user.password);
    const ws = await connectWs(t.url, { cookie: laptop.cookieHeader });
    const other = await signedInStaff('SUPPORT');

    const out = await browser.gql(`mutation { signOutEverywhere }`);
    expect(out.data.signOutEverywhere).toBe(2);
    expect(browser.lastSetCookies.some((c) => c.startsWith('cm_staff=;'))).toBe(true);
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    expect((await laptop.gql(VIEWER)).data.viewer).toBeNull();
    expect((await other.browser.gql(VIEWER)).data.viewer?.staffUser.id).toBe(other.user.id); // someone else's stays
    const audit = await t.db.query<{ actor_staff_user_id: string; after: unknown }>(
      `select actor_staff_user_id, after from audit_log where action = 'staff.signOutEverywhere' and target_id = $1`,
      [user.id],
    );
    expect(audit).toEqual([{ actor_staff_user_id: user.id, after: { sessionsRevoked: 2 } }]);

    const customer = await t.account(0n);
    expect(codeOf(await t.gql(`mutation { signOutEverywhere }`, {}, customer.key))).toBe('FORBIDDEN');
    expect(codeOf(await (await portalBrowser(customer.key)).gql(`mutation { signOutEverywhere }`))).toBe('FORBIDDEN');
    expect(codeOf(await new Browser(t).gql(`mutation { signOutEverywhere }`))).toBe('UNAUTHENTICATED');
    await ws.dispose();
  });
});

describe('defect 6: a Credits page session ends with the key that opened it', () => {
  it('stops answering and charging, over HTTP and over its socket, once the key is revoked', async () => {
    const customer = await t.account(10_000n);
    const page = await portalBrowser(customer.key);
    expect((await page.gql(`{ me { id } }`)).data.me.id).toBe(customer.id);
    expect(codeOf(await page.gql(CHARGE, { k: 'before' }))).toBe('OK');
    const ws = await connectWs(t.url, { cookie: page.cookieHeader });
    const unused = (await t.gql(CREATE_LINK, {}, customer.key)).data.createPortalSession.url;

    const [key] = (await t.gql(MY_KEYS, {}, customer.key)).data.apiKeys;
    expect(codeOf(await t.gql(REVOKE_KEY, { id: key.id }, customer.key))).toBe('OK');

    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    expect(codeOf(await page.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await page.gql(CHARGE, { k: 'after' }))).toBe('UNAUTHENTICATED');
    expect(await balanceOf(customer.id)).toBe('9900');
    // A link the key asked for before opens nothing now.
    const late = new Browser(t);
    expect((await late.get(new URL(unused).pathname)).headers.get('location')).toBe('/credits?portal=expired');
    expect(late.jar.size).toBe(0);
    await ws.dispose();
  });

  it('ends a development key sign-in (signInWithKey) with its key too', async () => {
    const customer = await t.account(0n);
    const page = new Browser(t);
    expect((await page.gql(`mutation($k: String!) { signInWithKey(key: $k) { kind } }`, { k: customer.key })).data.signInWithKey.kind).toBe(
      'PORTAL',
    );
    expect((await page.gql(`{ me { id } }`)).data.me.id).toBe(customer.id);
    const [key] = (await t.gql(MY_KEYS, {}, customer.key)).data.apiKeys;
    expect(codeOf(await t.gql(REVOKE_KEY, { id: key.id }, customer.key))).toBe('OK');
    expect(codeOf(await page.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
  });
});

/** Opens a portal link in a fresh browser: the browser when it got a session, else null. */
async function open(url: string) {
  const browser = new Browser(t);
  const res = await browser.get(new URL(url).pathname);
  return res.headers.get('location') === '/credits' && browser.jar.size ? browser : null;
}
const linkFrom = async (page: Browser) => (await page.gql(CREATE_LINK)).data.createPortalSession.url as string;

describe('defect 6: links a Credits page session creates end with the key behind it', () => {
  it('ends a whole chain of sessions and links (key → S1 → S2 → unused link) with its first key', async () => {
    const victim = await t.account(10_000n);
    const s1 = await portalBrowser(victim.key);
    const s2 = (await open(await linkFrom(s1)))!;
    expect((await s2.gql(`{ me { id } }`)).data.me.id).toBe(victim.id);
    const kept = await linkFrom(s2);
    const ws = await connectWs(t.url, { cookie: s2.cookieHeader });

    const [key] = (await t.gql(MY_KEYS, {}, victim.key)).data.apiKeys;
    const fresh = await t.services.auth.createKey(null, victim.id);
    expect(codeOf(await t.gql(REVOKE_KEY, { id: key.id }, victim.key))).toBe('OK');
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    for (const page of [s1, s2]) expect(codeOf(await page.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect((await t.gql(REVOKE_PORTAL, { a: victim.id }, fresh.key)).data.revokePortalSessions).toBe(0); // the key ended them all

    expect(await open(kept)).toBeNull();
    expect(codeOf(await s2.gql(CHARGE, { k: 'after' }))).toBe('UNAUTHENTICATED');
    expect(await balanceOf(victim.id)).toBe('10000');
    await ws.dispose();
  });

  it('revokePortalSessions voids unused links too: a key’s, and a chain from a staff-opened session (tied to no key)', async () => {
    const customer = await t.account(0n);
    const byKey = (await t.gql(CREATE_LINK, {}, customer.key)).data.createPortalSession.url;
    const { browser: staff } = await signedInStaff('ADMIN');
    const staffLink = (await staff.gql(`mutation($a: ID) { createPortalSession(accountId: $a) { url } }`, { a: customer.id })).data
      .createPortalSession.url;
    const opened = (await open(staffLink))!;
    const fromOpened = await linkFrom(opened);

    expect((await t.gql(REVOKE_PORTAL, { a: customer.id }, customer.key)).data.revokePortalSessions).toBe(1);
    expect(codeOf(await opened.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect(await open(byKey)).toBeNull();
    expect(await open(fromOpened)).toBeNull();
    const [audit] = await t.db.query<{ after: unknown }>(
      `select after from audit_log where action = 'portalSession.revokeAll' and target_id = $1`,
      [customer.id],
    );
    expect(audit.after).toEqual({ sessionsRevoked: 1, linksVoided: 2 });
    expect(await open((await t.gql(CREATE_LINK, {}, customer.key)).data.createPortalSession.url)).not.toBeNull(); // new links work
  });
});

describe('revokePortalSessions', () => {
  it('lets the account end its Credits page sessions (audited), and an ADMIN any account’s; nobody else', async () => {
    const customer = await t.account(0n);
    const second = (await t.services.auth.createKey(null, customer.id)).key;
    const pages = [await portalBrowser(customer.key), await portalBrowser(customer.key)];
    const ws = await connectWs(t.url, { cookie: pages[0].cookieHeader });
    // A session its key's revocation ended already is not counted again.
    const third = await t.services.auth.createKey(null, customer.id);
    await portalBrowser(third.key);
    expect(codeOf(await t.gql(REVOKE_KEY, { id: third.id }, customer.key))).toBe('OK');

    const stranger = await t.account(0n);
    expect(codeOf(await t.gql(REVOKE_PORTAL, { a: customer.id }, stranger.key))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REVOKE_PORTAL, { a: 'not-an-id' }, customer.key))).toBe('BAD_USER_INPUT');
    expect((await pages[1].gql(`{ me { id } }`)).data.me.id).toBe(customer.id);

    expect((await t.gql(REVOKE_PORTAL, { a: customer.id }, second)).data.revokePortalSessions).toBe(2);
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    for (const page of pages) expect(codeOf(await page.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ me { id } }`, {}, customer.key)).data.me.id).toBe(customer.id); // the keys stay
    const audit = await t.db.query<{ action: string; after: unknown }>(
      `select action, after from audit_log where action = 'portalSession.revokeAll' and target_id = $1`,
      [customer.id],
    );
    expect(audit).toEqual([{ action: 'portalSession.revokeAll', after: { sessionsRevoked: 2, linksVoided: 0 } }]);

    const again = await portalBrowser(customer.key);
    const admin = await t.account(0n, 'ADMIN');
    expect((await t.gql(REVOKE_PORTAL, { a: customer.id }, admin.key)).data.revokePortalSessions).toBe(1);
    expect(codeOf(await again.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    await ws.dispose();
  });
});

describe('every WebSocket operation re-checks its principal, even when no invalidation arrives', () => {
  let uncached: TestApp;
  beforeAll(async () => {
    uncached = await startTestApp({ CACHE_TTL_MS: 0 }, t.db);
  });
  afterAll(() => uncached?.close());

  it('refuses the next operation of a session ended behind its back and closes the socket with 4403', async () => {
    const user = await staffUser(uncached, 'ADMIN');
    const browser = new Browser(uncached);
    await browser.signIn(user.email, user.password);
    const customer = await uncached.account(0n);
    const ws = await connectWs(uncached.url, { cookie: browser.cookieHeader });
    expect(codeOf(await ws.run(VIEWER))).toBe('OK');
    // As if the sign-out had happened on an instance whose invalidation never arrived.
    await t.db.query(`update sessions set revoked_at = now() where staff_user_id = $1`, [user.id]);
    const refused = await ws.run(ADJUST, { a: customer.id, m: '100' }).catch((err: unknown) => ({ closed: err }));
    expect(refused).not.toHaveProperty('data.adjustBalance');
    expect(await ws.closed(CLOSE_WITHIN_MS)).toBe(4403);
    expect(await balanceOf(customer.id)).toBe('0');
    await ws.dispose();
  });

  it('closes a socket that only streams once its session ended unheard, at the next sweep (CACHE_TTL_MS, at least 1 s)', async () => {
    const user = await staffUser(uncached, 'SUPPORT');
    const browser = new Browser(uncached);
    await browser.signIn(user.email, user.password);
    const ws = await connectWs(uncached.url, { cookie: browser.cookieHeader });
    ws.subscribe(BALANCE, { a: (await uncached.account(0n)).id });
    expect(codeOf(await ws.run(VIEWER))).toBe('OK');
    await t.db.query(`update sessions set revoked_at = now() where staff_user_id = $1`, [user.id]);
    expect(await ws.closed(5_000)).toBe(4403);
    await ws.dispose();
  });
});
