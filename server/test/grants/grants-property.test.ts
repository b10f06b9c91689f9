import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/shared/errors.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectGrantInvariants, grantsOf, postedOf } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const ADMIN = { keyId: '00000000-0000-4000-8000-000000000001', accountId: '00000000-0000-4000-8000-000000000002', role: 'ADMIN' as const };

type Op =
  | { op: 'credit'; type: 'PURCHASE' | 'PROMO' | 'BONUS' | 'ADJUSTMENT'; amount: bigint; expiry: 'none' | 'past' | 'future' }
  | { op: 'charge'; amount: bigint }
  | { op: 'meter'; inputTokens: number }
  | { op: 'refund'; pick: number; share: number }
  | { op: 'debitAdjust'; amount: bigint }
  | { op: 'expire' }
  | { op: 'void'; pick: number }
  | { op: 'reverse'; pick: number };

const amount = fc.bigInt({ min: 1n, max: 20_000n });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('credit' as const),
      type: fc.constantFrom('PURCHASE' as const, 'PROMO' as const, 'BONUS' as const, 'ADJUSTMENT' as const),
      amount,
      expiry: fc.constantFrom('none' as const, 'past' as const, 'future' as const),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('charge' as const), amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('meter' as const), inputTokens: fc.integer({ min: 1, max: 5_000 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('debitAdjust' as const), amount }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
);

/** Refusals the rules allow (too few credits, already reversed, nothing left): anything else fails the test. */
const expected = (err: unknown) => err instanceof DomainError && ['INSUFFICIENT_CREDITS', 'CONFLICT', 'BAD_USER_INPUT'].includes(err.code);

async function apply(accountId: string, op: Op, purchases: { id: string; amount: bigint }[], txIds: string[]) {
  const { ledger, grants, usage } = t.services;
  switch (op.op) {
    case 'credit': {
      const counterparty = op.type === 'PURCHASE' ? 'sales' : op.type === 'ADJUSTMENT' ? 'adjustments' : 'promotions';
      const entry = await ledger.post({ accountId, type: op.type, delta: op.amount, counterparty });
      if (op.type === 'PURCHASE') purchases.push({ id: entry.id, amount: op.amount });
      txIds.push(entry.id);
      if (op.expiry !== 'none') {
        await t.db.query(`update grants set expires_at = now() + ($2 || ' hours')::interval where source_transaction_id = $1`, [
          entry.id,
          op.expiry === 'past' ? '-1' : '24',
        ]);
      }
      return;
    }
    case 'charge':
      txIds.push((await ledger.post({ accountId, type: 'USAGE', delta: -op.amount, counterparty: 'consumption' })).id);
      return;
    case 'meter':
      txIds.push(
        (
          await usage.record(null, accountId, {
            model: 'test-model',
            inputTokens: op.inputTokens,
            outputTokens: 0,
            idempotencyKey: randomUUID(),
          })
        ).transactionId,
      );
      return;
    case 'refund': {
      const p = purchases[op.pick % Math.max(purchases.length, 1)];
      if (!p) return;
      const refund = (p.amount * BigInt(op.share) + 99n) / 100n;
      txIds.push(
        (await ledger.post({ accountId, type: 'REFUND', delta: -refund, counterparty: 'refunds', reversalOfId: p.id, allowNegative: true }))
          .id,
      );
      return;
    }
    case 'debitAdjust':
      txIds.push((await ledger.adjustBalance(ADMIN, { accountId, amountMillicredits: (-op.amount).toString(), reason: 'property' })).id);
      return;
    case 'expire':
      await grants.expireDue();
      return;
    case 'void': {
      const open = (await grantsOf(t, accountId)).filter((g) => g.remaining !== '0' && !g.voided_at && !g.expired_at);
      const g = open[op.pick % Math.max(open.length, 1)];
      if (g) await grants.voidGrant(ADMIN, g.id, 'property');
      return;
    }
    case 'reverse': {
      const id = txIds[op.pick % Math.max(txIds.length, 1)];
      if (id) await ledger.reverseTransaction(ADMIN, id, 'property');
    }
  }
}

describe('grant invariants under random sequences', () => {
  it('after every step: remainders sum to max(balance, 0), each grant = amount - allocations, each debit allocated what was fundable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const user = await t.account(0n);
        const purchases: { id: string; amount: bigint }[] = [];
        const txIds: string[] = [];
        for (const op of ops) {
          try {
            await apply(user.id, op, purchases, txIds);
          } catch (err) {
            if (!expected(err)) throw err;
          }
          await expectGrantInvariants(t, user.id);
        }
        // Expired grants leave nothing behind once the sweep has run.
        await t.services.grants.expireDue();
        const [{ n }] = await t.db.query<{ n: string }>(
          `select count(*)::text as n from grants where account_id = $1 and remaining > 0 and expires_at <= now()`,
          [user.id],
        );
        expect(n).toBe('0');
        await expectGrantInvariants(t, user.id);
      }),
      { numRuns: 30 },
    );
  });

  it('holds under a real race of credits, charges, refunds, expiries and voids on one account', async () => {
    const user = await t.account(0n);
    const seeded = await Promise.all(
      [30_000n, 20_000n, 10_000n].map((a) =>
        t.services.ledger.post({ accountId: user.id, type: 'PURCHASE', delta: a, counterparty: 'sales' }),
      ),
    );
    const promo = await t.services.ledger.post({ accountId: user.id, type: 'PROMO', delta: 15_000n, counterparty: 'promotions' });
    await t.db.query(`update grants set expires_at = now() - interval '1 second' where source_transaction_id = $1`, [promo.id]);
    const voidable = (await grantsOf(t, user.id)).find((g) => g.source_transaction_id === seeded[2].id)!;
    const tasks: Promise<unknown>[] = [
      ...Array.from({ length: 12 }, (_, i) =>
        t.services.ledger.post({ accountId: user.id, type: 'USAGE', delta: -BigInt(2_000 + i * 100), counterparty: 'consumption' }),
      ),
      ...Array.from({ length: 6 }, () =>
        t.services.usage.record(null, user.id, { model: 'test-model', inputTokens: 1_000, outputTokens: 0, idempotencyKey: randomUUID() }),
      ),
      ...Array.from({ length: 4 }, () =>
        t.services.ledger.post({ accountId: user.id, type: 'BONUS', delta: 1_500n, counterparty: 'promotions' }),
      ),
      t.services.ledger.post({
        accountId: user.id,
        type: 'REFUND',
        delta: -20_000n,
        counterparty: 'refunds',
        reversalOfId: seeded[1].id,
        allowNegative: true,
      }),
      t.services.grants.expireDue(),
      t.services.grants.expireDue(),
      t.services.grants.voidGrant(ADMIN, voidable.id, 'race'),
    ];
    const results = await Promise.allSettled(tasks);
    for (const r of results) if (r.status === 'rejected') expect(expected(r.reason)).toBe(true);
    await expectGrantInvariants(t, user.id);
    const expiries = await t.db.query(`select 1 from ledger_transactions where account_id = $1 and type = 'EXPIRY'`, [user.id]);
    expect(expiries.length).toBeLessThanOrEqual(1);
    expect(await postedOf(t, user.id)).toBeGreaterThanOrEqual(-20_000n);
  });
});
