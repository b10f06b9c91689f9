import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, staffUser } from '../sessions/support.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { connectWs } from '../support/ws-client.js';

// Issue 17: open sockets of an ended principal are closed with 4403 on every instance.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let db: TestDatabase;
let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  db = await freshDatabase();
  // A long cache TTL: only the invalidation through Redis can end the socket on instance two in time.
  one = await startTestApp({ REDIS_URL, CACHE_TTL_MS: 600_000 }, db);
  two = await startTestApp({ REDIS_URL, CACHE_TTL_MS: 600_000 }, db);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await db?.close();
});

const BALANCE = `subscription($a: ID) { balanceUpdated(accountId: $a) { balanceMillicredits } }`;

describe('two instances sharing Redis', () => {
  it('sign-out on instance one closes the console socket held on instance two within a second (4403)', async () => {
    const user = await staffUser(one, 'SUPPORT');
    const browser = new Browser(one);
    expect((await browser.signIn(user.email, user.password)).errors).toBeUndefined();
    const customer = await two.account(0n);
    const ws = await connectWs(two.url, { cookie: browser.cookieHeader });
    ws.subscribe(BALANCE, { a: customer.id });
    expect((await ws.run(`{ viewer { kind } }`)).data).toEqual({ viewer: { kind: 'STAFF' } }); // cached as live on two

    expect((await browser.gql(`mutation { signOut }`)).data.signOut).toBe(true);
    expect(await ws.closed(1_000)).toBe(4403);
    await ws.dispose();
  });

  it('revoking a key on instance one closes, on instance two, the Credits page socket that key opened', async () => {
    const customer = await one.account(0n);
    const { url } = (await one.gql(`mutation { createPortalSession { url } }`, {}, customer.key)).data.createPortalSession;
    const page = new Browser(two);
    await page.get(new URL(url).pathname);
    const ws = await connectWs(two.url, { cookie: page.cookieHeader });
    expect((await ws.run(`{ me { id } }`)).data).toEqual({ me: { id: customer.id } });

    const [key] = (await one.gql(`{ apiKeys { id } }`, {}, customer.key)).data.apiKeys;
    expect((await one.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }, customer.key)).errors).toBeUndefined();
    expect(await ws.closed(1_000)).toBe(4403);
    await ws.dispose();
  });
});
