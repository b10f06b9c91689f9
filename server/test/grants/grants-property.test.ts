import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { ADMIN, apply, expected, opArb } from './history.js';
import { expectGrantInvariants, grantsOf, postedOf } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('grant invariants under random sequences', () => {
  it('after every step: remainders sum to max(balance, 0), each grant = amount - allocations, each debit allocated what was fundable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const user = await t.account(0n);
        const purchases: { id: string; amount: bigint }[] = [];
        const txIds: string[] = [];
        for (const op of ops) {
          try {
            await apply(t, user.id, op, purchases, txIds);
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
