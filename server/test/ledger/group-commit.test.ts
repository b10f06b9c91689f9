import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/shared/errors.js';
import type { UsageCharge } from '../../src/ledger/ledger.types.js';
import { requestHash } from '../../src/shared/request-hash.js';
import { planBurn } from '../../src/grants/grants.rules.js';
import type { Grant } from '../../src/grants/grants.types.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

/** A usage charge of exactly `amount` millicredits on cheap-model (0.100 credits per 1k input tokens). */
async function charge(accountId: string, amount: bigint, key: string = randomUUID()): Promise<UsageCharge> {
  const rate = await t.services.rateCards.rateFor('cheap-model');
  const tokens = { inputTokens: amount * 10n, cachedInputTokens: 0n, outputTokens: 0n };
  return {
    accountId,
    rate,
    tokens,
    charged: amount,
    costMicroUsd: amount / 2n,
    idempotencyKey: key,
    requestHash: requestHash({ model: rate.model, input: tokens.inputTokens }),
    actorKeyId: null,
  };
}

async function balanceOf(accountId: string) {
  const [row] = await t.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [accountId]);
  return { posted: BigInt(row.posted), pending: BigInt(row.pending) };
}

async function usageCount(accountId: string) {
  const [row] = await t.db.query<{ n: string }>(`select count(*) as n from usage_records where account_id = $1`, [accountId]);
  return Number(row.n);
}

/** Every ledger invariant the engine must keep, over the whole database. */
async function expectBooksBalanced() {
  const [sums] = await t.db.query<{ total: string; drift: string; grant_drift: string; unbalanced: string }>(
    `select (select coalesce(sum(amount), 0) from ledger_postings) as total,
            (select count(*) from accounts a where posted <> (select coalesce(sum(amount), 0) from ledger_postings p where p.account_id = a.id)
                                             and kind = 'CUSTOMER') as drift,
            (select count(*) from accounts a where kind = 'CUSTOMER'
                and greatest(posted, 0) <> (select coalesce(sum(remaining), 0) from grants g where g.account_id = a.id)) as grant_drift,
            (select count(*) from (select transaction_id from ledger_postings group by transaction_id having sum(amount) <> 0) x) as unbalanced`,
  );
  expect(sums).toEqual({ total: '0', drift: '0', grant_drift: '0', unbalanced: '0' });
}

describe('group commit: charges coalesced into one call each decided on its own', () => {
  it('lands exactly 10 of 40 racing charges against room for 10, in fewer calls than charges', async () => {
    const user = await t.account(1_000n);
    const before = t.services.engine.batchStats;
    const charges = await Promise.all(Array.from({ length: 40 }, () => charge(user.id, 100n)));
    const results = await Promise.allSettled(charges.map((c) => t.services.ledger.charge(c)));
    const after = t.services.engine.batchStats;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(30);
    expect(refused.every((r) => r.reason instanceof DomainError && r.reason.code === 'INSUFFICIENT_CREDITS')).toBe(true);
    expect(after.items - before.items).toBe(40);
    expect(after.calls - before.calls).toBeLessThan(40);
    expect(await balanceOf(user.id)).toEqual({ posted: 0n, pending: 0n });
    expect(await usageCount(user.id)).toBe(10);
    await expectBooksBalanced();
  });

  it('charges a key repeated inside one batch and across batches once', async () => {
    const user = await t.account(10_000n);
    const c = await charge(user.id, 100n, 'repeat-me');
    const inOne = await t.services.ledger.chargeAll([c, c, c, await charge(user.id, 50n)]);
    const firstId = (inOne[0] as { usage: { id: string } }).usage.id;
    expect(inOne.slice(0, 3).map((r) => (r as { usage: { id: string } }).usage.id)).toEqual([firstId, firstId, firstId]);
    expect(inOne.map((r) => ('replayed' in r ? r.replayed : null))).toEqual([false, true, true, false]);
    const across = await Promise.all([t.services.ledger.charge(c), t.services.ledger.chargeAll([c, c])]);
    expect(across[0].usage.id).toBe(firstId);
    expect(across[1].map((r) => (r as { usage: { id: string } }).usage.id)).toEqual([firstId, firstId]);
    expect(await balanceOf(user.id)).toEqual({ posted: 9_850n, pending: 0n });
    expect(await usageCount(user.id)).toBe(2);
  });

  it('refuses a row on its own without failing its neighbours, in order', async () => {
    const user = await t.account(250n);
    const other = await t.account(1_000n);
    const conflicting = await charge(other.id, 10n, 'taken');
    await t.services.ledger.charge(conflicting);
    const rows = [
      await charge(user.id, 100n),
      await charge(randomUUID(), 100n), // no such account
      await charge(user.id, 100n),
      { ...(await charge(other.id, 20n, 'taken')) }, // same key, another payload
      await charge(user.id, 100n), // no longer fits: 50 left
      await charge(user.id, 50n), // fits exactly
      await charge(other.id, 30n),
    ];
    const results = await t.services.ledger.chargeAll(rows);
    const codes = results.map((r) => (r instanceof DomainError ? r.code : 'OK'));
    expect(codes).toEqual(['OK', 'NOT_FOUND', 'OK', 'IDEMPOTENCY_CONFLICT', 'INSUFFICIENT_CREDITS', 'OK', 'OK']);
    expect((results[4] as DomainError).details).toMatchObject({ requiredMillicredits: '100', availableMillicredits: '50' });
    expect(await balanceOf(user.id)).toEqual({ posted: 0n, pending: 0n });
    expect(await balanceOf(other.id)).toEqual({ posted: 960n, pending: 0n });
    await expectBooksBalanced();
  });

  it('burns the right grants when one batch crosses a grant boundary', async () => {
    const user = await t.account(0n);
    await t.services.ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 2_000n, counterparty: 'sales' });
    await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 1_000n, counterparty: 'promotions' });
    const grants = await t.services.grants.list(user.id);
    const charges = [await charge(user.id, 600n), await charge(user.id, 600n), await charge(user.id, 600n), await charge(user.id, 1_500n)];
    const results = await t.services.ledger.chargeAll(charges);
    expect(results.map((r) => (r instanceof DomainError ? r.code : 'OK'))).toEqual(['OK', 'OK', 'OK', 'INSUFFICIENT_CREDITS']);

    // What a one-by-one burn (the rules' planBurn) says each accepted charge takes.
    let remaining: Grant[] = grants;
    const expected: { grantId: string; amount: bigint }[][] = [];
    for (const c of charges.slice(0, 3)) {
      const plan = planBurn(remaining, c.charged);
      expect(plan.unfunded).toBe(0n);
      expected.push(plan.takes);
      remaining = remaining.map((g) => ({ ...g, remaining: g.remaining - (plan.takes.find((x) => x.grantId === g.id)?.amount ?? 0n) }));
    }
    const promo = grants.find((g) => g.kind === 'PROMO')!;
    expect(expected[1].map((x) => x.grantId)).toEqual([promo.id, grants.find((g) => g.kind === 'PURCHASE')!.id]);
    for (const [i, r] of results.slice(0, 3).entries()) {
      const allocations = await t.services.grants.allocations({
        transactionId: (r as { usage: { transactionId: string } }).usage.transactionId,
      });
      expect(allocations.map((a) => ({ grantId: a.grantId, amount: a.amount }))).toEqual(expected[i]);
    }
    const after = await t.services.grants.list(user.id, true);
    expect(Object.fromEntries(after.map((g) => [g.kind, g.remaining]))).toEqual({ PROMO: 0n, PURCHASE: 1_200n });
    await expectBooksBalanced();
  });

  it('loses no acknowledged charge and doubles none when its connection is killed mid-batch', async () => {
    const user = await t.account(10_000_000n);
    const charges = await Promise.all(Array.from({ length: 1000 }, (_, i) => charge(user.id, 7n, `crash-${i}`)));
    const killer = new pg.Client({ connectionString: t.db.url });
    await killer.connect();
    try {
      let killed = false;
      const pending = t.services.ledger.chargeAll(charges).then(
        (results) => ({ results, error: null }),
        (error: unknown) => ({ results: null, error }),
      );
      let settled = false;
      void pending.then(() => (settled = true));
      // Watch for the batch's backend and terminate it while the call runs.
      while (!killed && !settled) {
        const rows = await killer.query<{ killed: boolean }>(
          `select pg_terminate_backend(pid) as killed from pg_stat_activity
            where datname = current_database() and state = 'active' and query like '%creditmeter_batch%' and pid <> pg_backend_pid()`,
        );
        killed = rows.rows.some((r) => r.killed);
      }
      const { results, error } = await pending;
      expect(killed).toBe(true);
      // Acknowledged charges are exactly the rows the database holds, each once.
      const acknowledged = results ? results.filter((r) => !(r instanceof DomainError)).length : 0;
      if (error) expect(acknowledged).toBe(0);
      const [rows] = await killer
        .query<{ n: string; keys: string }>(
          `select count(*) as n, count(distinct idempotency_key) as keys from usage_records where account_id = $1`,
          [user.id],
        )
        .then((r) => r.rows);
      expect(Number(rows.n)).toBe(Number(rows.keys));
      expect(Number(rows.n)).toBeGreaterThanOrEqual(acknowledged);
      // The engine retried the lost call, so every charge was acknowledged once.
      expect(acknowledged).toBe(1000);
      expect(await balanceOf(user.id)).toEqual({ posted: 10_000_000n - 7_000n, pending: 0n });
      // A retry by the caller charges nothing more.
      const again = await t.services.ledger.chargeAll(charges.slice(0, 10));
      expect(again.every((r) => !(r instanceof DomainError) && r.replayed)).toBe(true);
      expect(await usageCount(user.id)).toBe(1000);
      await expectBooksBalanced();
    } finally {
      await killer.end();
    }
  });
});

describe('property: any interleaving of batched and single charges keeps the books', () => {
  it('postings sum to zero and cached balances equal the sum of postings', async () => {
    const users = await Promise.all([t.account(5_000n), t.account(3_000n), t.account(800n)]);
    const op = fc.record({
      batch: fc.boolean(),
      rows: fc.array(
        fc.record({
          user: fc.integer({ min: 0, max: 2 }),
          amount: fc.bigInt({ min: 1n, max: 700n }),
          key: fc.integer({ min: 0, max: 25 }),
        }),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1_000_000 }), async (ops, run) => {
        const before = await Promise.all(users.map((u) => balanceOf(u.id)));
        const work = ops.map(async (o) => {
          // A key is reused only with its own amount, so a repeat is a true replay.
          const rows = await Promise.all(
            o.rows.map((r) => charge(users[r.user].id, BigInt(r.key % 7) * 50n + 25n, `p${run}-${r.user}-${r.key}`)),
          );
          if (o.batch) return t.services.ledger.chargeAll(rows);
          return Promise.all(rows.map((c) => t.services.ledger.charge(c).catch((e: unknown) => e)));
        });
        const answers = (await Promise.all(work)).flat();
        await expectBooksBalanced();
        const after = await Promise.all(users.map((u) => balanceOf(u.id)));
        for (const [i, b] of after.entries()) {
          // What each account lost is exactly what was acknowledged as newly charged to it.
          const charged = answers
            .filter(
              (a): a is { usage: { accountId: string; chargedMillicredits: bigint }; replayed: boolean } =>
                !(a instanceof Error) && !!a && 'usage' in (a as object),
            )
            .filter((a) => !a.replayed && a.usage.accountId === users[i].id)
            .reduce((sum, a) => sum + a.usage.chargedMillicredits, 0n);
          expect(b.pending).toBe(0n);
          expect(b.posted).toBeGreaterThanOrEqual(0n);
          expect(before[i].posted - b.posted).toBe(charged);
        }
      }),
      { numRuns: 15 },
    );
  });
});
