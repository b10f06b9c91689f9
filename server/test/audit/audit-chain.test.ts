import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/roles.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const AuditChain = `query AuditChain { auditChain { ok entries firstBrokenId headHash } }`;

interface ChainStatus {
  ok: boolean;
  entries: number;
  firstBrokenId: string | null;
  headHash: string;
}

async function chain(t: TestApp): Promise<ChainStatus> {
  const res = await t.gql<{ auditChain: ChainStatus }>(AuditChain);
  expect(res.errors).toBeUndefined();
  return res.data!.auditChain;
}

/** Staff actions that write audit rows, through the services the API uses. */
function staffAction(t: TestApp, admin: Principal, accountId: string) {
  return fc
    .oneof(
      fc.record({
        kind: fc.constant('adjust' as const),
        amount: fc.integer({ min: 1, max: 5_000_000 }),
        reason: fc.string({ minLength: 1, maxLength: 40 }),
      }),
      fc.record({ kind: fc.constant('model' as const), enabled: fc.boolean() }),
      fc.record({ kind: fc.constant('key' as const) }),
      fc.record({ kind: fc.constant('card' as const), name: fc.string({ minLength: 1, maxLength: 20 }) }),
    )
    .map((a) => async () => {
      switch (a.kind) {
        case 'adjust':
          return t.services.ledger.adjustBalance(admin, { accountId, amountMillicredits: String(a.amount), reason: `r ${a.reason}` });
        case 'model':
          return t.services.rateCards.setModelEnabled(admin, 'cheap-model', a.enabled);
        case 'key':
          return t.services.auth.createKey(admin, accountId, 'USER');
        case 'card':
          return t.services.rateCards.publish(admin, {
            name: `card ${a.name}`,
            rates: [
              {
                model: 'test-model',
                inputPer1k: '2.400',
                outputPer1k: '9.600',
                costInputPer1kUsd: '0.001000',
                costOutputPer1kUsd: '0.004000',
              },
            ],
          });
      }
    });
}

describe('the audit hash chain', () => {
  let t: TestApp;
  let admin: Principal;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.services.auth.authenticate(t.adminKey))!;
  });
  afterAll(async () => t?.close());

  it('verifies after random sequences of staff actions, one link per audit row', async () => {
    const account = await t.account();
    await fc.assert(
      fc.asyncProperty(fc.array(staffAction(t, admin, account.id), { minLength: 1, maxLength: 6 }), async (actions) => {
        for (const act of actions) await act();
        const [{ n }] = await t.db.query<{ n: string }>(`select count(*) n from audit_log`);
        const status = await chain(t);
        expect(status).toMatchObject({ ok: true, entries: Number(n), firstBrokenId: null });
        const [head] = await t.db.query<{ hash: string; seq: string }>(`select hash, seq from audit_chain_head`);
        expect(status.headHash).toBe(head.hash);
        expect(head.seq).toBe(n);
      }),
      { numRuns: 12 },
    );
  });

  it('chains concurrent staff actions into one chain in commit order', async () => {
    const account = await t.account();
    const [{ n: before }] = await t.db.query<{ n: string }>(`select count(*) n from audit_log`);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? t.services.ledger.adjustBalance(admin, {
              accountId: account.id,
              amountMillicredits: String(1000 + i),
              reason: `concurrent ${i}`,
            })
          : t.services.rateCards.setModelEnabled(admin, 'cheap-model', i % 4 === 1),
      ),
    );
    const rows = await t.db.query<{ chain_seq: string; prev_hash: string; hash: string }>(
      `select chain_seq, prev_hash, hash from audit_log order by chain_seq`,
    );
    expect(rows.length).toBe(Number(before) + 40);
    rows.forEach((r, i) => {
      expect(r.chain_seq).toBe(String(i + 1));
      if (i > 0) expect(r.prev_hash).toBe(rows[i - 1].hash);
    });
    expect(await chain(t)).toMatchObject({ ok: true, entries: rows.length, firstBrokenId: null });
  });

  it('refuses auditChain to anyone but ADMIN', async () => {
    const support = await t.account(0n, 'FINANCE');
    const res = await t.gql(AuditChain, {}, support.key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tampering with the audit log', () => {
  let t: TestApp;
  let admin: Principal;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.services.auth.authenticate(t.adminKey))!;
    accountId = (await t.account()).id;
    for (let i = 0; i < 6; i++)
      await t.services.ledger.adjustBalance(admin, { accountId, amountMillicredits: String(1000 * (i + 1)), reason: `grant ${i}` });
  });
  afterAll(async () => t?.close());

  /** As the database superuser, with the append-only trigger off for the length of one transaction. */
  const asSuperuser = (statement: string) =>
    t.db.query(
      `begin; alter table audit_log disable trigger audit_log_append_only; ${statement}; alter table audit_log enable trigger audit_log_append_only; commit;`,
    );

  it('detects a row rewritten through SQL and names it', async () => {
    expect((await chain(t)).ok).toBe(true);
    const rows = await t.db.query<{ id: string }>(`select id from audit_log where action = 'ledger.adjustBalance' order by chain_seq`);
    const victim = rows[2].id;
    await asSuperuser(`update audit_log set reason = 'nothing to see here' where id = ${Number(victim)}`);
    // The append-only trigger is back: the application still cannot repair or hide it.
    await expect(t.db.query(`update audit_log set reason = 'grant 2' where id = $1`, [victim])).rejects.toThrow(/append-only/);
    expect(await chain(t)).toMatchObject({ ok: false, firstBrokenId: victim });
  });

  it('detects a deleted row at the row after it, and a cut tail at the head', async () => {
    const fresh = await startTestApp();
    try {
      const a = (await fresh.services.auth.authenticate(fresh.adminKey))!;
      const acct = (await fresh.account()).id;
      for (let i = 0; i < 4; i++)
        await fresh.services.ledger.adjustBalance(a, { accountId: acct, amountMillicredits: '1000', reason: `r${i}` });
      const rows = await fresh.db.query<{ id: string }>(`select id from audit_log order by chain_seq`);
      const cut = (sql: string) =>
        fresh.db.query(
          `begin; alter table audit_log disable trigger audit_log_append_only; ${sql}; alter table audit_log enable trigger audit_log_append_only; commit;`,
        );
      await cut(`delete from audit_log where id = ${Number(rows[rows.length - 1].id)}`);
      let status = (await fresh.gql<{ auditChain: ChainStatus }>(AuditChain)).data!.auditChain;
      expect(status).toMatchObject({ ok: false, firstBrokenId: rows[rows.length - 2].id });
      await cut(`delete from audit_log where id = ${Number(rows[1].id)}`);
      status = (await fresh.gql<{ auditChain: ChainStatus }>(AuditChain)).data!.auditChain;
      expect(status).toMatchObject({ ok: false, firstBrokenId: rows[2].id });
    } finally {
      await fresh.close();
    }
  });

  it('reconciliation reports the broken chain and exports the head hash', async () => {
    const run = await t.services.reconciliation.runNow('MANUAL', new Date().toISOString().slice(0, 10), admin);
    expect(run.checks.find((c) => c.name === 'audit_chain')).toMatchObject({ status: 'MISMATCH', findings: 1 });
    const findings = await t.services.reconciliation.findings(run.id);
    expect(findings.find((f) => f.check === 'audit_chain_broken')).toBeTruthy();
    const [head] = await t.db.query<{ hash: string }>(`select hash from audit_chain_head`);
    const metrics = await fetch(`${t.url}/metrics`).then((r) => r.text());
    expect(metrics).toContain(`creditmeter_audit_chain_head_info{hash="${head.hash}"} 1`);
    expect(metrics).toMatch(/creditmeter_audit_chain_ok 0/);
  });
});
