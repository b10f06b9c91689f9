import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/shared/errors.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ HOLD_EXPIRY_INTERVAL_MS: 0 });
});
afterAll(async () => t?.close());

const place = (accountId: string, amount: bigint) =>
  t.services.holds.place({ accountId, amount, model: 'test-model', apiKeyId: null, ttlSeconds: 60 });

const holdItem = (accountId: string, amount: bigint, holdId = randomUUID()) => ({
  op: 'hold',
  hold_id: holdId,
  account_id: accountId,
  amount: amount.toString(),
  model: 'test-model',
  ttl: 60,
});

async function balanceOf(accountId: string) {
  const [row] = await t.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [accountId]);
  return { posted: BigInt(row.posted), pending: BigInt(row.pending) };
}

async function heldOf(accountId: string) {
  const [row] = await t.db.query<{ n: string; sum: string }>(
    `select count(*) as n, coalesce(sum(amount), 0) as sum from holds where account_id = $1 and state = 'HELD'`,
    [accountId],
  );
  return { n: Number(row.n), sum: BigInt(row.sum) };
}

describe('holds through group commit', () => {
  it('200 racing holds on room for 50 land exactly 50, batched and single calls mixed', async () => {
    const user = await t.account(50n * 1_000n);
    const before = t.services.engine.batchStats;
    // 150 through this instance's group commit; 50 as single-item calls on their own connections
    // (another instance's, or one with no company), all at once.
    const singles = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const c = new pg.Client({ connectionString: t.db.url });
        await c.connect();
        return c;
      }),
    );
    try {
      const batched = Array.from({ length: 150 }, () => place(user.id, 1_000n));
      const single = singles.map((c) =>
        c.query<{ status: string }>(`select status from creditmeter_batch($1::jsonb)`, [JSON.stringify([holdItem(user.id, 1_000n)])]),
      );
      const [b, s] = await Promise.all([Promise.allSettled(batched), Promise.all(single)]);
      const batchedOk = b.filter((r) => r.status === 'fulfilled').length;
      const singleOk = s.filter((r) => r.rows[0].status === 'OK').length;
      expect(batchedOk + singleOk).toBe(50);
      const refused = b.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused.every((r) => r.reason instanceof DomainError && r.reason.code === 'INSUFFICIENT_CREDITS')).toBe(true);
      expect(s.filter((r) => r.rows[0].status !== 'OK').every((r) => r.rows[0].status === 'INSUFFICIENT')).toBe(true);
      // The 150 shared far fewer engine calls than items.
      const after = t.services.engine.batchStats;
      expect(after.items - before.items).toBe(150);
      expect(after.calls - before.calls).toBeLessThan(150);
    } finally {
      await Promise.all(singles.map((c) => c.end()));
    }
    expect(await balanceOf(user.id)).toEqual({ posted: 50_000n, pending: 50_000n });
    expect(await heldOf(user.id)).toEqual({ n: 50, sum: 50_000n });
  });

  it('a hold id repeated inside one batch holds once, and a retried batch replays its holds', async () => {
    const user = await t.account(10_000n);
    const id = randomUUID();
    const items = [holdItem(user.id, 3_000n, id), holdItem(user.id, 3_000n, id), holdItem(user.id, 1_000n)];
    const first = await t.db.query<{ status: string; hold_id: string; h_amount: string }>(
      `select status, hold_id, h_amount from creditmeter_batch($1::jsonb) order by ord`,
      [JSON.stringify(items)],
    );
    expect(first.map((r) => r.status)).toEqual(['OK', 'REPLAY', 'OK']);
    expect(first[0].hold_id).toBe(id);
    expect(first[1]).toMatchObject({ hold_id: id, h_amount: '3000' });
    expect(await balanceOf(user.id)).toEqual({ posted: 10_000n, pending: 4_000n });
    // The same batch again (a retry after a lost answer): every hold is found, none placed twice.
    const again = await t.db.query<{ status: string }>(`select status from creditmeter_batch($1::jsonb) order by ord`, [
      JSON.stringify(items),
    ]);
    expect(again.map((r) => r.status)).toEqual(['REPLAY', 'REPLAY', 'REPLAY']);
    expect(await heldOf(user.id)).toEqual({ n: 2, sum: 4_000n });
    // A hold id is its account's: another account naming it is refused, and nothing moves.
    const other = await t.account(10_000n);
    const [conflict] = await t.db.query<{ status: string }>(`select status from creditmeter_batch($1::jsonb)`, [
      JSON.stringify([holdItem(other.id, 1_000n, id)]),
    ]);
    expect(conflict.status).toBe('CONFLICT');
    expect(await balanceOf(other.id)).toEqual({ posted: 10_000n, pending: 0n });
  });

  it("one account's 500 concurrent holds, settles and voids cost a handful of engine calls, not a thousand", async () => {
    const user = await t.account(10_000_000n);
    const rate = await t.services.rateCards.rateFor('cheap-model');
    const before = t.services.engine.batchStats;
    const holds = await Promise.all(Array.from({ length: 500 }, () => place(user.id, 1_000n)));
    await Promise.all(
      holds.map((h, i) =>
        i % 5 === 0
          ? t.services.holds.void(h)
          : t.services.holds.settle(h, {
              rate,
              tokens: { inputTokens: 1_000n, cachedInputTokens: 0n, outputTokens: 0n },
              charged: 100n,
              costMicroUsd: 50n,
              idempotencyKey: `proxy:${h.id}`,
              requestHash: 'h',
              actorKeyId: null,
              source: 'PROXY',
            }),
      ),
    );
    const after = t.services.engine.batchStats;
    expect(after.items - before.items).toBe(1_000);
    expect(after.calls - before.calls).toBeLessThanOrEqual(20);
    expect(await balanceOf(user.id)).toEqual({ posted: 10_000_000n - 400n * 100n, pending: 0n });
    const [states] = await t.db.query<{ settled: string; voided: string }>(
      `select count(*) filter (where state = 'SETTLED') as settled, count(*) filter (where state = 'VOIDED') as voided
         from holds where account_id = $1`,
      [user.id],
    );
    expect(states).toEqual({ settled: '400', voided: '100' });
  });

  it('a settle that must be capped shares its batch with plain ones, each decided in order', async () => {
    const user = await t.account(10_000n);
    const rate = await t.services.rateCards.rateFor('cheap-model');
    const [h1, h2, h3] = [await place(user.id, 1_000n), await place(user.id, 5_000n), await place(user.id, 1_000n)];
    const settle = (h: typeof h1, charged: bigint) =>
      t.services.holds.settle(h, {
        rate,
        tokens: { inputTokens: charged * 10n, cachedInputTokens: 0n, outputTokens: 0n },
        charged,
        costMicroUsd: charged / 2n,
        idempotencyKey: `proxy:${h.id}`,
        requestHash: `h-${h.id}`,
        actorKeyId: null,
        source: 'PROXY',
      });
    const before = t.services.engine.batchStats;
    // h2's call cost more than its hold, and the account cannot cover it all: capped at the hold.
    const [s1, s2, s3] = await Promise.all([settle(h1, 500n), settle(h2, 9_000n), settle(h3, 800n)]);
    expect(t.services.engine.batchStats.calls - before.calls).toBe(1);
    expect([s1.charged, s2.charged, s3.charged]).toEqual([500n, 5_000n, 800n]);
    expect(await balanceOf(user.id)).toEqual({ posted: 10_000n - 6_300n, pending: 0n });
    const rows = await t.db.query<{ charged: string }>(`select charged from usage_records where account_id = $1 order by seq`, [user.id]);
    expect(rows.map((r) => r.charged)).toEqual(['500', '5000', '800']);
    const holds = await t.db.query<{ id: string; state: string; charged: string }>(
      `select id, state, charged from holds where account_id = $1`,
      [user.id],
    );
    expect(Object.fromEntries(holds.map((h) => [h.id, `${h.state} ${h.charged}`]))).toEqual({
      [h1.id]: 'SETTLED 500',
      [h2.id]: 'SETTLED 5000',
      [h3.id]: 'SETTLED 800',
    });
  });
});
