import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const user = await t.account(1_000_000n);
  await t.services.usage.record(null, user.id, { model: 'test-model', inputTokens: 10, outputTokens: 10, idempotencyKey: 'x' });
});
afterAll(async () => t?.close());

describe('the database enforces an append-only ledger', () => {
  for (const table of ['ledger_transactions', 'ledger_postings', 'usage_records', 'audit_log']) {
    it(`rejects UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      const [before] = await t.db.query<{ n: string }>(`select count(*) as n from ${table}`);
      expect(Number(before.n)).toBeGreaterThan(0);
      const column = table === 'ledger_postings' ? 'created_at' : 'created_at';
      await expect(t.db.query(`update ${table} set ${column} = now()`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`delete from ${table}`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`truncate ${table} cascade`)).rejects.toThrow(/append-only/);
      const [after] = await t.db.query<{ n: string }>(`select count(*) as n from ${table}`);
      expect(after.n).toBe(before.n);
    });
  }

  it('rejects a transaction whose postings do not sum to zero, at commit', async () => {
    const [acct] = await t.db.query<{ id: string }>(`select id from accounts where kind = 'CUSTOMER' limit 1`);
    await expect(
      t.db.query(`
        with tx as (insert into ledger_transactions (account_id, type, reason) values ('${acct.id}', 'ADJUSTMENT', 'forged') returning id)
        insert into ledger_postings (transaction_id, account_id, amount) select id, '${acct.id}', 1000 from tx`),
    ).rejects.toThrow(/unbalanced/);
    const forged = await t.db.query(`select 1 from ledger_transactions where reason = 'forged'`);
    expect(forged).toEqual([]);
  });

  it('rejects a transaction without postings', async () => {
    const [acct] = await t.db.query<{ id: string }>(`select id from accounts where kind = 'CUSTOMER' limit 1`);
    await expect(
      t.db.query(`insert into ledger_transactions (account_id, type, reason) values ('${acct.id}', 'ADJUSTMENT', 'empty')`),
    ).rejects.toThrow(/unbalanced/);
  });
});
