import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccountsService } from '../../src/accounts/accounts.service.js';
import { LedgerDb } from '../../src/ledger/engine.db.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('accounts service (entities)', () => {
  it('creates an account with its audit row and finds it by email in any case', async () => {
    const created = await t.services.accounts.create(null, { email: 'Mixed.Case@accounts.test', name: 'Mixed' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await t.db.query(`select action from audit_log where target_id = $1`, [created.id])).toEqual([{ action: 'account.create' }]);
    expect((await t.services.accounts.findByEmail('mixed.case@ACCOUNTS.test'))?.id).toBe(created.id);
    expect(await t.services.accounts.findByEmail('nobody@accounts.test')).toBeNull();
    const [row] = await t.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [created.id]);
    expect(row).toEqual({ posted: '0', pending: '0' });
  });

  it('refuses a second account with the same email as CONFLICT', async () => {
    await t.services.accounts.create(null, { email: 'twice@accounts.test' });
    await expect(t.services.accounts.create(null, { email: 'twice@accounts.test' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rolls the account and its audit row back when a created-hook fails', async () => {
    let seen: string | null = null;
    t.services.accounts.onCreated(async (em, accountId) => {
      seen = accountId;
      expect(await em.execute(`select 1 from accounts where id = ?::uuid`, [accountId])).toHaveLength(1);
      throw new Error('hook failed');
    });
    await expect(t.services.accounts.create(null, { email: 'hooked@accounts.test' })).rejects.toThrow('hook failed');
    expect(seen).not.toBeNull();
    expect(await t.services.accounts.findByEmail('hooked@accounts.test')).toBeNull();
    expect(await t.db.query(`select 1 from audit_log where target_id = $1`, [seen])).toHaveLength(0);
  });

  it('reads concurrent lookups in one statement, each answered with its own accounts, a bad id failing none', async () => {
    const db = new LedgerDb(t.db.url, 2);
    const accounts = new AccountsService(t.db.orm.em, db);
    const calls = vi.spyOn(db, 'call');
    try {
      // Written directly: an earlier test leaves a failing created-hook on the service.
      const [a, b] = await t.db.query<{ id: string }>(
        `insert into accounts (kind, email) values ('CUSTOMER', 'batch-a@accounts.test'), ('CUSTOMER', 'batch-b@accounts.test') returning id`,
      );
      const [onlyA, both, bad] = await Promise.all([
        accounts.findCustomers([a.id]),
        accounts.findCustomers([b.id, a.id]),
        accounts.findCustomers(['not-a-uuid', b.id]),
      ]);
      expect(onlyA.map((x) => x.email)).toEqual(['batch-a@accounts.test']);
      expect(both.map((x) => x.email)).toEqual(['batch-b@accounts.test', 'batch-a@accounts.test']);
      expect(bad.map((x) => x.email)).toEqual(['batch-b@accounts.test']);
      expect(calls).toHaveBeenCalledTimes(1);
      // A later lookup is read afresh, never served from the earlier batch.
      await t.db.query(`update accounts set name = 'renamed' where id = $1`, [a.id]);
      expect((await accounts.findCustomers([a.id]))[0].name).toBe('renamed');
      expect(calls).toHaveBeenCalledTimes(2);
    } finally {
      await db.close();
    }
  });
});
