import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PER_MINUTE = 4;
let db: TestDatabase;
let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  db = await freshDatabase();
  one = await startTestApp({ REDIS_URL, RATE_LIMIT_PER_MINUTE: PER_MINUTE, CACHE_TTL_MS: 600_000 }, db);
  two = await startTestApp({ REDIS_URL, RATE_LIMIT_PER_MINUTE: PER_MINUTE, CACHE_TTL_MS: 600_000 }, db);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await db?.close();
});

/** The admin key valid now: each start rotates the bootstrap key, so it is the last-started app's. */
const admin = () => two.adminKey;
const me = (app: TestApp, key: string) => app.gql(`{ me { id } }`, {}, key);
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

describe('two instances sharing Redis', () => {
  it('count one key against one requests-per-minute budget, whichever instance it calls', async () => {
    const user = await one.account(0n);
    const codes: unknown[] = [];
    // Alternating: either instance alone has seen at most half the budget when the other refuses.
    for (let i = 0; i < PER_MINUTE + 2; i++) codes.push(codeOf(await me(i % 2 === 0 ? one : two, user.key)));
    expect(codes).toEqual([...Array(PER_MINUTE).fill('OK'), 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT_EXCEEDED']);
    // Another key has its own budget on both.
    const other = await two.account(0n);
    expect(codeOf(await me(one, other.key))).toBe('OK');
  });

  it('a key revoked through revokeApiKey on instance one is refused at once on instance two', async () => {
    const user = await one.account(0n);
    const [key] = (await two.gql(`query($a: ID) { apiKeys(accountId: $a) { id } }`, { a: user.id }, admin())).data.apiKeys;
    expect(codeOf(await me(two, user.key))).toBe('OK'); // cached as valid on instance two (TTL 10 minutes)
    const heard = new Promise<void>((resolve) => two.services.events.on('cacheInvalidated', (scope) => scope === 'apiKeys' && resolve()));
    const revoked = await one.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id: key.id }, admin());
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    await heard;
    expect(codeOf(await me(two, user.key))).toBe('UNAUTHENTICATED');
    expect((await fetch(`${two.url}/v1/models`, { headers: { authorization: `Bearer ${user.key}` } })).status).toBe(401);
  });
});

describe('rate limits while Redis is unreachable', () => {
  let lone: TestApp;
  beforeAll(async () => {
    lone = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: 2 });
  });
  afterAll(() => lone?.close());

  it('degrade to this instance’s own count instead of failing or letting everything through', async () => {
    const user = await lone.account(0n);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(codeOf(await me(lone, user.key)));
    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMIT_EXCEEDED']);
  });
});
