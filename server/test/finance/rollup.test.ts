import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_KEY } from '../../src/finance/queries/tail.js';
import { foldRange } from '../../src/finance/rollup.job.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { postAt, usageAt } from './support.js';

let t: TestApp;
let accounts: { id: string; key: string }[];
beforeAll(async () => {
  t = await startTestApp();
  accounts = [];
  for (let i = 0; i < 3; i++) accounts.push(await t.account(5_000_000n));
});
afterAll(async () => t?.close());

/** The rollup tables, and the same aggregates computed straight from the raw ledger. */
async function rollupVsDirect() {
  const rolledUsage = await t.db.query(
    `select day::text, account_id, model, api_key_id, calls::text, input_tokens::text, cached_input_tokens::text, output_tokens::text, charged::text, cost_micro_usd::text
       from finance_usage_daily order by 1, 2, 3, 4`,
  );
  const directUsage = await t.db.query(
    `select (created_at at time zone 'UTC')::date::text as day, account_id, model, coalesce(api_key_id, '${NO_KEY}'::uuid) as api_key_id,
            count(*)::text as calls, sum(input_tokens)::text as input_tokens, sum(cached_input_tokens)::text as cached_input_tokens,
            sum(output_tokens)::text as output_tokens, sum(charged)::text as charged, sum(cost_micro_usd)::text as cost_micro_usd
       from usage_records group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  const rolledLedger = await t.db.query(
    `select day::text, account_id, type, counterparty, entries::text, amount::text from finance_ledger_daily order by 1, 2, 3, 4`,
  );
  const directLedger = await t.db.query(
    `select (p.created_at at time zone 'UTC')::date::text as day, p.account_id, t.type, s.system_code as counterparty,
            count(*)::text as entries, sum(p.amount)::text as amount
       from ledger_postings p join accounts a on a.id = p.account_id and a.kind = 'CUSTOMER'
       join ledger_transactions t on t.id = p.transaction_id
       join ledger_postings o on o.transaction_id = p.transaction_id and o.id <> p.id
       join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  // The day-level tables are the account-level ones summed over accounts.
  const dayUsage = await t.db.query(
    `select day::text, model, calls::text, input_tokens::text, cached_input_tokens::text, output_tokens::text, charged::text, cost_micro_usd::text
       from finance_usage_day_model order by 1, 2`,
  );
  const dayUsageFromAccounts = await t.db.query(
    `select day::text, model, sum(calls)::text calls, sum(input_tokens)::text input_tokens, sum(cached_input_tokens)::text cached_input_tokens,
            sum(output_tokens)::text output_tokens, sum(charged)::text charged, sum(cost_micro_usd)::text cost_micro_usd
       from finance_usage_daily group by 1, 2 order by 1, 2`,
  );
  const dayLedger = await t.db.query(
    `select day::text, type, counterparty, entries::text, amount::text from finance_ledger_day order by 1, 2, 3`,
  );
  const dayLedgerFromAccounts = await t.db.query(
    `select day::text, type, counterparty, sum(entries)::text entries, sum(amount)::text amount from finance_ledger_daily group by 1, 2, 3 order by 1, 2, 3`,
  );
  expect(dayUsage).toEqual(dayUsageFromAccounts);
  expect(dayLedger).toEqual(dayLedgerFromAccounts);
  return { rolledUsage, directUsage, rolledLedger, directLedger };
}

type Op =
  | { kind: 'usage'; who: number; model: 'test-model' | 'cheap-model'; input: number; output: number }
  | { kind: 'bonus' | 'purchase' | 'adjust' | 'refund'; who: number; amount: number }
  | { kind: 'backdated'; who: number; daysAgo: number; amount: number }
  | { kind: 'rollup' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('usage' as const),
    who: fc.nat(2),
    model: fc.constantFrom('test-model' as const, 'cheap-model' as const),
    input: fc.nat(5000),
    output: fc.nat(2000),
  }),
  fc.record({
    kind: fc.constantFrom('bonus' as const, 'purchase' as const, 'adjust' as const, 'refund' as const),
    who: fc.nat(2),
    amount: fc.integer({ min: 1, max: 200_000 }),
  }),
  fc.record({
    kind: fc.constant('backdated' as const),
    who: fc.nat(2),
    daysAgo: fc.integer({ min: 1, max: 60 }),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.constant({ kind: 'rollup' as const }),
);

let seq = 0;
async function apply(op: Op) {
  const finance = t.services.finance;
  if (op.kind === 'rollup') return finance.rollup();
  const account = accounts[op.who];
  const ledger = t.services.ledger;
  switch (op.kind) {
    case 'usage':
      return t.services.usage
        .record({ keyId: 'x', accountId: account.id, role: 'USER' } as never, account.id, {
          model: op.model,
          inputTokens: op.input,
          outputTokens: op.output,
          cachedInputTokens: 0,
          idempotencyKey: `k${seq++}`,
        })
        .catch(() => undefined);
    case 'bonus':
      return ledger.post({ accountId: account.id, type: 'BONUS', delta: BigInt(op.amount), counterparty: 'promotions' });
    case 'purchase':
      return ledger.post({ accountId: account.id, type: 'PURCHASE', delta: BigInt(op.amount), counterparty: 'sales' });
    case 'adjust':
      return ledger.post({
        accountId: account.id,
        type: 'ADJUSTMENT',
        delta: BigInt(op.amount % 2 ? op.amount : -op.amount),
        counterparty: 'adjustments',
        allowNegative: true,
      });
    case 'refund':
      return ledger.post({
        accountId: account.id,
        type: 'REFUND',
        delta: -BigInt(op.amount),
        counterparty: 'refunds',
        allowNegative: true,
      });
    case 'backdated':
      return postAt(t.db, account.id, 'BONUS', 'promotions', BigInt(op.amount), new Date(Date.now() - op.daysAgo * 86_400_000));
  }
}

describe('finance rollups', () => {
  it('equal a direct aggregate of the ledger after random sequences, and reports agree before and after rolling up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) await apply(op);
        // Reports read rollups + the live tail: the same numbers whatever the watermark.
        const from = new Date(Date.now() - 70 * 86_400_000);
        const to = new Date(Date.now() + 86_400_000);
        const before = await t.services.finance.daily(from, to);
        const liabilityBefore = await t.services.finance.liability();
        const byModelBefore = await t.services.finance.byModel(from, to);
        await t.services.finance.rollup();
        const r = await rollupVsDirect();
        expect(r.rolledUsage).toEqual(r.directUsage);
        expect(r.rolledLedger).toEqual(r.directLedger);
        expect(await t.services.finance.daily(from, to)).toEqual(before);
        expect(await t.services.finance.liability()).toEqual(liabilityBefore);
        expect(await t.services.finance.byModel(from, to)).toEqual(byModelBefore);
      }),
      { numRuns: 12 },
    );
  });

  it('loses nothing when charges commit while rollups run (a real race)', async () => {
    const user = accounts[0];
    const charges = Array.from({ length: 60 }, (_, i) =>
      t.services.usage.record(null, user.id, {
        model: 'cheap-model',
        inputTokens: 100 + i,
        outputTokens: 10,
        cachedInputTokens: 0,
        idempotencyKey: `race-${i}`,
      }),
    );
    const rollups = Array.from({ length: 6 }, () => t.services.finance.rollup(500));
    await Promise.all([...charges, ...rollups]);
    await t.services.finance.rollup();
    const r = await rollupVsDirect();
    expect(r.rolledUsage).toEqual(r.directUsage);
    expect(r.rolledLedger).toEqual(r.directLedger);
  });

  it('does not move the watermark past a transaction still in flight, and folds it in once it commits', async () => {
    const user = accounts[1];
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('begin');
      // An open writer that has drawn a posting id (xid assigned first, like the real charge).
      await client.query(
        `with acct as (update accounts set posted = posted + 777 where id = $1::uuid returning id, posted),
              tx as (insert into ledger_transactions (account_id, type) select id, 'BONUS' from acct returning id)
         insert into ledger_postings (transaction_id, account_id, amount, balance_after)
         select tx.id, acct.id, 777, acct.posted from tx, acct
         union all select tx.id, (select id from accounts where system_code = 'promotions'), -777, null from tx`,
        [user.id],
      );
      // Later ids commit while it is open.
      await t.services.ledger.post({ accountId: accounts[2].id, type: 'BONUS', delta: 5n, counterparty: 'promotions' });
      const stuck = await t.services.finance.rollup(200);
      expect(stuck.advanced).toBe(false);
      // Reports are still exact (they read the tail), and include the open one once it commits.
      await client.query('commit');
    } finally {
      await client.end();
    }
    const done = await t.services.finance.rollup();
    expect(done.advanced).toBe(true);
    const r = await rollupVsDirect();
    expect(r.rolledLedger).toEqual(r.directLedger);
    const [{ n }] = await t.db.query<{ n: string }>(
      `select count(*) n from finance_ledger_daily where account_id = $1 and amount >= 777 and type = 'BONUS'`,
      [user.id],
    );
    expect(Number(n)).toBeGreaterThan(0);
  });

  it('is not held back by a long transaction that writes elsewhere', async () => {
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`insert into model_switches (model, enabled) values ('unrelated-long-writer', true)`);
      await t.services.ledger.post({ accountId: accounts[2].id, type: 'BONUS', delta: 9n, counterparty: 'promotions' });
      const r = await t.services.finance.rollup(200);
      expect(r.advanced).toBe(true);
      expect(r.postings).toBe(1);
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  it('keeps the counterparty when a bound falls between the two postings of a transaction', async () => {
    await t.services.finance.rollup();
    const entry = await t.services.ledger.post({
      accountId: accounts[0].id,
      type: 'REFUND',
      delta: -3n,
      counterparty: 'refunds',
      allowNegative: true,
    });
    const ids = await t.db.query<{ id: string; balance_after: string | null }>(
      `select id, balance_after from ledger_postings where transaction_id = $1 order by id`,
      [entry.id],
    );
    expect(ids.map((r) => r.balance_after === null)).toEqual([false, true]); // customer posting first, system side next
    const [state] = await t.db.query<{ posting_id: string; usage_seq: string }>(`select posting_id, usage_seq from finance_rollup_state`);
    const fromP = BigInt(state.posting_id);
    const customerId = BigInt(ids[0].id);
    const useq = BigInt(state.usage_seq);
    // Fold up to the customer posting only (its system posting lies above the bound), then the rest.
    await t.services.orm.em.fork().transactional(async (sql) => {
      await foldRange(sql, { fromU: useq, toU: useq, fromP, toP: customerId });
      await foldRange(sql, { fromU: useq, toU: useq, fromP: customerId, toP: BigInt(ids[1].id) });
      await sql.execute(`update finance_rollup_state set posting_id = ?::bigint`, [ids[1].id]);
    });
    const r = await rollupVsDirect();
    expect(r.rolledLedger).toEqual(r.directLedger);
  });

  it('puts back-dated entries into their own day', async () => {
    const user = accounts[2];
    const at = new Date(Date.UTC(2026, 5, 15, 12));
    await usageAt(t.db, user.id, 'test-model', 4321n, 1234n, at);
    await t.services.finance.rollup();
    const [row] = await t.db.query(
      `select charged::text, cost_micro_usd::text from finance_usage_daily where day = '2026-06-15' and account_id = $1`,
      [user.id],
    );
    expect(row).toEqual({ charged: '4321', cost_micro_usd: '1234' });
    const [day] = await t.services.finance.daily(new Date('2026-06-15T00:00:00Z'), new Date('2026-06-16T00:00:00Z'));
    expect(day).toMatchObject({
      date: '2026-06-15',
      revenueMillicredits: '4321',
      costMicroUsd: '1234',
      creditsDeductedMillicredits: '4321',
    });
  });
});
