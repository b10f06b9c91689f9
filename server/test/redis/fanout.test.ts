import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { subscribe } from '../support/ws.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let db: TestDatabase;
let one: TestApp;
let two: TestApp;

beforeAll(async () => {
  db = await freshDatabase();
  one = await startTestApp({ REDIS_URL }, db);
  two = await startTestApp({ REDIS_URL }, db);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await db?.close();
});

describe('balance events across two instances through Redis', () => {
  it('a charge on instance two reaches a subscriber on instance one', async () => {
    const user = await one.account(50_000n);
    const sub = subscribe(one.url, user.key, `subscription { balanceUpdated { accountId balanceMillicredits } }`);
    expect(await sub.waitFor(1)).toEqual([{ balanceUpdated: { accountId: user.id, balanceMillicredits: '50000' } }]);
    const res = await two.gql(
      `mutation { recordUsage(input: { model: "cheap-model", inputTokens: 1000, outputTokens: 0, idempotencyKey: "cross" }) { chargedMillicredits } }`,
      {},
      user.key,
    );
    expect(res.errors).toBeUndefined();
    // Speed is the benchmark's to measure (bench: live fan-out); here the event must arrive at all.
    const events = (await sub.waitFor(2, 20_000)).slice(1);
    expect(events[0]).toEqual({ balanceUpdated: { accountId: user.id, balanceMillicredits: '49900' } });
    await sub.close();
  });

  it('a subscriber on instance two does not see events of other accounts published on instance one', async () => {
    const a = await one.account(50_000n);
    const b = await one.account(50_000n);
    const sub = subscribe(two.url, b.key, `subscription { balanceUpdated { accountId balanceMillicredits } }`);
    await sub.waitFor(1);
    await one.gql(
      `mutation { recordUsage(input: { model: "cheap-model", inputTokens: 1000, outputTokens: 0, idempotencyKey: "x" }) { id } }`,
      {},
      a.key,
    );
    await one.gql(
      `mutation { recordUsage(input: { model: "cheap-model", inputTokens: 2000, outputTokens: 0, idempotencyKey: "y" }) { id } }`,
      {},
      b.key,
    );
    // a's change is published first: had it leaked, it would arrive before b's.
    const events = (await sub.waitFor(2, 20_000)).slice(1);
    expect(sub.events).toHaveLength(2);
    expect(events[0]).toEqual({ balanceUpdated: { accountId: b.id, balanceMillicredits: '49800' } });
    await sub.close();
  });
});
