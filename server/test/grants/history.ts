import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DomainError } from '../../src/shared/errors.js';
import type { TestApp } from '../support/harness.js';
import { grantsOf } from './support.js';

/** Random account histories: every kind of credit and debit the ledger knows, in any order. */
export const ADMIN = {
  keyId: '00000000-0000-4000-8000-000000000001',
  accountId: '00000000-0000-4000-8000-000000000002',
  role: 'ADMIN' as const,
};

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
export const opArb: fc.Arbitrary<Op> = fc.oneof(
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
export const expected = (err: unknown) =>
  err instanceof DomainError && ['INSUFFICIENT_CREDITS', 'CONFLICT', 'BAD_USER_INPUT'].includes(err.code);

export async function apply(t: TestApp, accountId: string, op: Op, purchases: { id: string; amount: bigint }[], txIds: string[]) {
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
