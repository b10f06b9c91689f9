import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/roles.js';
import { DomainError } from '../../src/shared/errors.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Principal;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.services.auth.authenticate(t.adminKey))!;
});
afterAll(async () => t?.close());

type Op =
  | { kind: 'bonus'; amount: bigint }
  | { kind: 'adjust'; amount: bigint }
  | { kind: 'usage'; input: number; output: number }
  | { kind: 'reverseLast' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('bonus' as const), amount: fc.bigInt({ min: 1n, max: 5_000_000n }) }),
  fc.record({ kind: fc.constant('adjust' as const), amount: fc.bigInt({ min: -2_000_000n, max: 2_000_000n }).filter((a) => a !== 0n) }),
  fc.record({
    kind: fc.constant('usage' as const),
    input: fc.integer({ min: 0, max: 200_000 }),
    output: fc.integer({ min: 0, max: 50_000 }),
  }),
  fc.record({ kind: fc.constant('reverseLast' as const) }),
);

async function apply(accountId: string, o: Op, i: number, done: string[]) {
  try {
    if (o.kind === 'bonus') {
      done.push((await t.services.ledger.post({ accountId, type: 'BONUS', delta: o.amount, counterparty: 'promotions' })).id);
    } else if (o.kind === 'adjust') {
      done.push(
        (await t.services.ledger.adjustBalance(admin, { accountId, amountMillicredits: o.amount.toString(), reason: 'property test' })).id,
      );
    } else if (o.kind === 'usage') {
      const u = await t.services.usage.record(null, accountId, {
        model: 'test-model',
        inputTokens: o.input,
        outputTokens: o.output,
        idempotencyKey: `op-${i}`,
      });
      done.push(u.transactionId);
    } else if (done.length) {
      await t.services.ledger.reverseTransaction(admin, done[done.length - 1], 'property test');
      done.pop();
    }
  } catch (err) {
    // Refusals are part of the game (no credits, already reversed); anything else is a bug.
    if (!(err instanceof DomainError) || !['INSUFFICIENT_CREDITS', 'CONFLICT', 'BAD_USER_INPUT'].includes(err.code)) throw err;
  }
}

describe('ledger invariants after random operation sequences', () => {
  it('balance = sum of postings, every transaction sums to zero, balanceAfter chains, available never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { id } = await t.account();
        const done: string[] = [];
        for (const [i, o] of ops.entries()) await apply(id, o, i, done);

        const [acct] = await t.db.query<{ posted: string; pending: string; sum: string | null }>(
          `select a.posted, a.pending, (select sum(amount) from ledger_postings where account_id = a.id) as sum from accounts a where id = $1`,
          [id],
        );
        expect(BigInt(acct.posted)).toBe(BigInt(acct.sum ?? 0));
        expect(BigInt(acct.posted) - BigInt(acct.pending)).toBeGreaterThanOrEqual(0n);

        const unbalanced = await t.db.query(
          `select transaction_id from ledger_postings group by transaction_id having sum(amount) <> 0 or count(*) < 2`,
        );
        expect(unbalanced).toEqual([]);
        const [total] = await t.db.query<{ s: string }>(`select coalesce(sum(amount), 0) as s from ledger_postings`);
        expect(total.s).toBe('0');

        const entries = (await t.services.ledger.entries(id, 200)).items.reverse();
        let running = 0n;
        for (const e of entries) {
          running += e.amountMillicredits;
          expect(e.balanceAfterMillicredits).toBe(running);
        }
        expect(running).toBe(BigInt(acct.posted));
      }),
      { numRuns: 25 },
    );
  });
});
