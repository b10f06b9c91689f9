import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.js';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.js';
import { freshDatabase } from '../support/db.js';
import { startTestApp } from '../support/harness.js';
import { balances, counts, openDatabase, scratchDirs } from './backup-support.js';

const key = randomBytes(32);
const dirs: string[] = [];
const scratch = scratchDirs(dirs);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const charge = (idempotencyKey: string) =>
  `mutation { recordUsage(input: { model: "cheap-model", inputTokens: 12000, outputTokens: 3000, idempotencyKey: "${idempotencyKey}" }) { chargedMillicredits } }`;

describe('backup and restore drill', () => {
  it('backs up a live database, refuses a non-empty target, restores after a wipe, and reconciles clean', async () => {
    const db = await freshDatabase();
    const t = await startTestApp({}, db);
    const users = [await t.account(5_000_000n), await t.account(2_000_000n)];
    for (const [i, u] of users.entries()) {
      for (let n = 0; n < 3; n++) expect((await t.gql(charge(`k${i}-${n}`), {}, u.key)).errors).toBeUndefined();
    }
    const adjust = `mutation($i: AdjustBalanceInput!) { adjustBalance(input: $i) { id } }`;
    expect((await t.gql(adjust, { i: { accountId: users[1].id, amountMillicredits: '-1500', reason: 'drill' } })).errors).toBeUndefined();
    const before = { balances: await balances(db), counts: await counts(db), chain: await verifyAuditChain(db.orm.em.fork()) };
    expect(before.chain).toMatchObject({ ok: true });
    expect(before.chain.entries).toBeGreaterThan(0);

    const dir = scratch();
    const messages: string[] = [];
    const manifest = await backupDatabase(db.url, dir, { key, progress: (m) => messages.push(m) });
    expect(manifest.tables.find((x) => x.name === 'ledger_postings')!.rows).toBeGreaterThan(0);
    expect(messages.some((m) => /ledger_postings: \d+ rows/.test(m))).toBe(true);

    await expect(restoreDatabase(db.url, dir, { key })).rejects.toThrow(/not empty/);
    expect(await balances(db)).toEqual(before.balances); // refused: nothing touched

    // Wipe: the whole schema goes, as on a lost or corrupted database.
    await t.close();
    await db.query('drop schema public cascade; create schema public');
    await db.close();
    expect(
      (
        await openDatabase(db.url).then(async (d) => [
          await d.query(`select count(*)::int n from pg_tables where schemaname = 'public'`),
          await d.close(),
        ])
      )[0],
    ).toEqual([{ n: 0 }]);

    const restoredMessages: string[] = [];
    await restoreDatabase(db.url, dir, { key, progress: (m) => restoredMessages.push(m) });
    expect(restoredMessages.some((m) => /recreating the schema/.test(m))).toBe(true);

    const restored = await openDatabase(db.url);
    expect(await balances(restored)).toEqual(before.balances);
    expect(await counts(restored)).toEqual(before.counts);
    expect(await verifyAuditChain(restored.orm.em.fork())).toMatchObject({
      ok: true,
      entries: before.chain.entries,
      headHash: before.chain.headHash,
    });

    // The restored database serves and reconciles: sequences and triggers are live again.
    const t2 = await startTestApp({}, restored);
    try {
      expect((await t2.gql(charge('after-restore'), {}, users[0].key)).errors).toBeUndefined();
      const day = new Date().toISOString().slice(0, 10);
      const run = await t2.services.reconciliation.runNow('MANUAL', day, null);
      expect(run).toMatchObject({ status: 'SUCCEEDED', mismatchCount: 0 });
      expect(run.checks.find((c) => c.name === 'audit_chain')).toMatchObject({ status: 'OK' });
      await expect(restored.query(`update ledger_postings set amount = amount + 1`)).rejects.toThrow(); // append-only again
    } finally {
      await t2.close();
      await restored.close();
    }
  });

  it('replaces a non-empty database only when told to', async () => {
    const source = await freshDatabase();
    const target = await freshDatabase();
    try {
      const t = await startTestApp({}, source);
      await t.account(7_000n);
      const dir = scratch();
      await backupDatabase(source.url, dir, { key });
      await t.app.close();
      await target.close();
      await restoreDatabase(target.url, dir, { key, replace: true });
      const check = await openDatabase(target.url);
      try {
        expect(await balances(check)).toEqual(await balances(source));
      } finally {
        await check.close();
      }
    } finally {
      await source.close();
    }
  });
});
