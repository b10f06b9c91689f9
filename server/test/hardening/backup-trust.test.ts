import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-chain.js';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.js';
import { signManifest } from '../../src/db/backup-signing.js';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { freshDatabase } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { balances, counts, openDatabase, scratchDirs } from './backup-support.js';

const key = randomBytes(32);
const dirs: string[] = [];
const scratch = scratchDirs(dirs);

let t: TestApp;
let user: { id: string; key: string };
const adjust = `mutation($i: AdjustBalanceInput!) { adjustBalance(input: $i) { id } }`;

beforeAll(async () => {
  t = await startTestApp();
  user = await t.account(5_000_000n);
  expect((await t.gql(adjust, { i: { accountId: user.id, amountMillicredits: '-1500', reason: 'drill' } })).errors).toBeUndefined();
});
afterAll(async () => {
  await t?.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The live database as a restore would change it: balances and every table's row count. */
const snapshot = async () => ({ balances: await balances(t.db), counts: await counts(t.db) });

function flipOneByte(file: string) {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] ^= 0x01;
  writeFileSync(file, bytes);
}

describe('backups a controller can trust', () => {
  it('writes the folder 0700 and every file 0600, whatever the umask', async () => {
    const dir = scratch();
    const umask = process.umask(0o000);
    try {
      await backupDatabase(t.db.url, dir, { key });
    } finally {
      process.umask(umask);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sig', 'ledger_postings.copy.gz', 'staff_users.copy.gz']));
    for (const f of files) expect([f, statSync(path.join(dir, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

  it('refuses a backup with one byte of a file changed, before touching the database', async () => {
    const dir = scratch();
    await backupDatabase(t.db.url, dir, { key });
    flipOneByte(path.join(dir, 'ledger_postings.copy.gz'));
    const before = await snapshot();
    await expect(restoreDatabase(t.db.url, dir, { key, replace: true })).rejects.toThrow(
      /backup refused: ledger_postings\.copy\.gz has SHA-256 [0-9a-f]{64}, the signed manifest says [0-9a-f]{64}/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a changed manifest, another key and a missing signature, changing nothing', async () => {
    const dir = scratch();
    const manifest = await backupDatabase(t.db.url, dir, { key });
    const before = await snapshot();
    const file = path.join(dir, 'manifest.json');
    const original = readFileSync(file, 'utf8');
    const ledger = manifest.tables.find((x) => x.name === 'ledger_postings')!;
    writeFileSync(file, original.replace(`"rows": ${ledger.rows},`, `"rows": ${ledger.rows + 2},`));
    expect(readFileSync(file, 'utf8')).not.toBe(original);
    await expect(restoreDatabase(t.db.url, dir, { key, replace: true })).rejects.toThrow(
      'backup refused: manifest.json does not match its signature (it was changed after the backup was written)',
    );
    writeFileSync(file, original);
    await expect(restoreDatabase(t.db.url, dir, { key: randomBytes(32), replace: true })).rejects.toThrow(
      /backup refused: it was signed with another key .*set BACKUP_SIGNING_KEY to the key that signed it/,
    );
    unlinkSync(path.join(dir, 'manifest.sig'));
    await expect(restoreDatabase(t.db.url, dir, { key, replace: true })).rejects.toThrow(
      /has no manifest\.sig; an unsigned backup cannot be trusted/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a re-signed backup whose audit rows were edited, loading nothing', async () => {
    const dir = scratch();
    const manifest = await backupDatabase(t.db.url, dir, { key });
    const target = await freshDatabase();
    try {
      // Whoever holds the key edits an audit amount and re-signs, but cannot make the chain agree.
      const { gunzipSync, gzipSync } = await import('node:zlib');
      const audit = manifest.tables.find((x) => x.name === 'audit_log')!;
      const text = gunzipSync(readFileSync(path.join(dir, audit.file))).toString('utf8');
      expect(text).toContain('"amountMillicredits": "-1500"');
      const forged = gzipSync(Buffer.from(text.replace('"amountMillicredits": "-1500"', '"amountMillicredits": "-150000"')));
      writeFileSync(path.join(dir, audit.file), forged);
      const { createHash } = await import('node:crypto');
      audit.sha256 = createHash('sha256').update(forged).digest('hex');
      audit.bytes = forged.length;
      const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
      writeFileSync(path.join(dir, 'manifest.json'), bytes);
      writeFileSync(path.join(dir, 'manifest.sig'), JSON.stringify(signManifest(bytes, key)));
      await expect(restoreDatabase(target.url, dir, { key, replace: true })).rejects.toThrow(
        /audit hash chain is broken at audit row \d+: nothing was loaded/,
      );
      expect(await target.query(`select count(*)::int n from ledger_postings`)).toEqual([{ n: 0 }]);
    } finally {
      await target.close();
    }
  });
});

/** Rewrites one audit row's `after` and re-links the chain from there on, as someone with the database's superuser would. */
async function rewriteAuditRow(db: TestApp['db'], auditId: string, after: unknown) {
  await db.query(`
    do $$
    declare r audit_log%rowtype; prev text;
    begin
      set local session_replication_role = replica;
      update audit_log set after = '${JSON.stringify(after)}'::jsonb where id = ${auditId};
      select prev_hash into prev from audit_log where id = ${auditId};
      for r in select * from audit_log where chain_seq >= (select chain_seq from audit_log where id = ${auditId}) order by chain_seq loop
        r.prev_hash := prev; r.hash := null; prev := audit_row_hash(r);
        update audit_log set prev_hash = r.prev_hash, hash = prev where id = r.id;
      end loop;
      update audit_chain_head set hash = prev;
    end $$`);
}

describe('a forged but consistent ledger, backed up and restored', () => {
  it('is named by reconciliation: an entry without its audit row, and an audit row with another amount', async () => {
    const promo = await t.gql(`mutation { createPromoCode(input: { code: "TRUST1", creditsMillicredits: "25000" }) { id } }`);
    expect(promo.errors).toBeUndefined();
    expect((await t.gql(`mutation { redeemPromoCode(code: "TRUST1") { id } }`, {}, user.key)).errors).toBeUndefined();
    const honest = await t.gql<{ adjustBalance: { id: string } }>(adjust, {
      i: { accountId: user.id, amountMillicredits: '2000', reason: 'goodwill' },
    });
    const honestId = honest.data!.adjustBalance.id;
    const recorded = await verifyAuditChain(t.db.orm.em.fork());

    // +1,000,000 credits through the engine itself: postings, balance and grants agree; no audit row.
    const forged = await t.services.ledger.post({
      accountId: user.id,
      type: 'ADJUSTMENT',
      delta: 1_000_000_000n,
      counterparty: 'adjustments',
      reason: 'goodwill',
    });
    const [row] = await t.db.query<{ id: string; after: Record<string, unknown> }>(
      `select id::text, after from audit_log where action = 'ledger.adjustBalance' and after->>'transactionId' = $1`,
      [honestId],
    );
    await rewriteAuditRow(t.db, row.id, { ...row.after, amountMillicredits: '200000' });
    const rewritten = await verifyAuditChain(t.db.orm.em.fork());
    expect(rewritten.ok).toBe(true);
    expect(rewritten.headHash).not.toBe(recorded.headHash); // what the head kept outside shows

    const dir = scratch();
    const manifest = await backupDatabase(t.db.url, dir, { key });
    expect(manifest.auditChain).toEqual({ seq: String(rewritten.entries), headHash: rewritten.headHash });
    const target = await freshDatabase();
    await restoreDatabase(target.url, dir, { key, replace: true });
    await target.close();
    const restored = await openDatabase(target.url);
    const t2 = await startTestApp({}, restored);
    try {
      const before = await counterValue(counters.reconciliationMismatches, { check: 'ledger_entry_without_audit' });
      const run = await t2.services.reconciliation.runNow('MANUAL', new Date().toISOString().slice(0, 10), null);
      const findings = await t2.services.reconciliation.findings(run.id);
      expect(findings.map((f) => f.check).sort()).toEqual(['ledger_entry_audit_amount', 'ledger_entry_without_audit']);
      expect(findings.find((f) => f.check === 'ledger_entry_without_audit')).toMatchObject({
        subject: forged.id,
        accountId: user.id,
        driftMillicredits: 1_000_000_000n,
      });
      expect(findings.find((f) => f.check === 'ledger_entry_audit_amount')).toMatchObject({
        subject: honestId,
        expected: '2000 (the ADJUSTMENT entry)',
        actual: '200000 (its audit row)',
      });
      expect(run.checks.filter((c) => c.status !== 'OK' && c.status !== 'SKIPPED')).toEqual([
        { name: 'ledger_entries_audited', status: 'MISMATCH', findings: 2 },
      ]);
      expect(await counterValue(counters.reconciliationMismatches, { check: 'ledger_entry_without_audit' })).toBe(before + 1);
    } finally {
      await t2.close();
      await restored.close();
    }
  });
});
