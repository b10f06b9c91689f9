import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheScope } from '../../src/shared/events/channels.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let db: TestDatabase;
let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  db = await freshDatabase();
  // A TTL far longer than the test: only the invalidation can make instance two see a change.
  one = await startTestApp({ REDIS_URL, CACHE_TTL_MS: 600_000, CACHE_MAX_AGE_MS: 600_000 }, db);
  two = await startTestApp({ REDIS_URL, CACHE_TTL_MS: 600_000, CACHE_MAX_AGE_MS: 600_000 }, db);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await db?.close();
});

/** Resolves when `app` has heard an invalidation of `scope` (the signal, not a sleep). */
const heard = (app: TestApp, scope: CacheScope) =>
  new Promise<void>((resolve) => app.services.events.on('cacheInvalidated', (s) => s === scope && resolve()));

const charge = (key: string, idempotencyKey: string) =>
  `mutation { recordUsage(input: { model: "cheap-model", inputTokens: 1000, outputTokens: 0, idempotencyKey: "${idempotencyKey}" }) { chargedMillicredits } }`;

/**
 * Switched on instance one, with the admin key that is valid now: each start rotates the bootstrap
 * key, so instance two's start revoked the key instance one was given.
 */
const switchModel = (enabled: boolean) =>
  one.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: ${enabled}) { enabled } }`, {}, two.adminKey);

describe('caches invalidated on every instance through Redis', () => {
  it('a model switched off on instance one is refused at once on instance two', async () => {
    const user = await one.account(50_000n);
    expect((await two.gql(charge(user.key, 'warm'), {}, user.key)).errors).toBeUndefined();
    const signal = heard(two, 'rateCards');
    expect((await switchModel(false)).errors).toBeUndefined();
    await signal;
    const refused = await two.gql(charge(user.key, 'after-switch'), {}, user.key);
    expect(refused.errors?.[0]?.extensions?.code).toBe('MODEL_DISABLED');
    const back = heard(two, 'rateCards');
    expect((await switchModel(true)).errors).toBeUndefined();
    await back;
    expect((await two.gql(charge(user.key, 'after-back'), {}, user.key)).errors).toBeUndefined();
  });

  it('a revoked key stops working at once on instance two', async () => {
    const user = await one.account(50_000n);
    expect((await two.gql(`{ me { id } }`, {}, user.key)).errors).toBeUndefined();
    const signal = heard(two, 'apiKeys');
    await db.query(`update api_keys set revoked_at = now() where account_id = $1`, [user.id]);
    one.services.auth.keysChanged();
    await signal;
    const refused = await two.gql(`{ me { id } }`, {}, user.key);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
