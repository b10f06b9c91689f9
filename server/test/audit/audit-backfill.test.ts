import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, expect, it, inject } from 'vitest';
import { initOrm } from '../../src/db/orm.js';

const name = `cm_${inject('runId')}_bf_${randomBytes(3).toString('hex')}`;
const adminUrl = inject('adminDatabaseUrl');
const url = new URL(adminUrl);
url.pathname = `/${name}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.end();
});

it('the chain migration links the audit rows written before it, in id order', async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const orm = await initOrm(url.toString(), 2);
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await orm.getMigrator().up({ to: 'Migration20261124000005_finance' });
    for (let i = 0; i < 5; i++) {
      await db.query(
        `insert into audit_log (action, target_type, target_id, after, reason) values ('old.action', 'account', $1, $2::jsonb, $3)`,
        [`t${i}`, JSON.stringify({ n: i, note: 'é "quoted"' }), i % 2 ? null : `reason ${i}`],
      );
    }
    await orm.getMigrator().up({ to: 'Migration20261125600001_audit_chain' });
    const rows = (await db.query(`select id, chain_seq, prev_hash, hash from audit_log order by id`)).rows;
    expect(rows.map((r) => Number(r.chain_seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    // New rows continue the backfilled chain.
    await db.query(`insert into audit_log (action, target_type) values ('new.action', 'account')`);
    const [verified] = (await db.query(`select ok, entries, first_broken_id from audit_chain_verify()`)).rows;
    expect(verified).toMatchObject({ ok: true, entries: '6', first_broken_id: null });
  } finally {
    await db.end();
    await orm.close(true);
  }
});
