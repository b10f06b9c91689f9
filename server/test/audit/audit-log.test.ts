import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, staffUser } from '../sessions/support.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof staffUser>>;
let adminBrowser: Browser;
const customers: string[] = [];

const LOG = `query($f: AuditLogFilter, $d: SortDirection, $n: Int, $a: String, $o: Int) {
  auditLog(filter: $f, direction: $d, first: $n, after: $a, offset: $o) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action targetType targetId targetLabel actorKind actorLabel actorRole actorStaffUserId reason before after createdAt } }
  }
}`;

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffUser(t, 'ADMIN');
  adminBrowser = new Browser(t, '198.51.100.20');
  await adminBrowser.signIn(admin.email, admin.password);
  for (const amount of ['1000', '-250', '4000']) {
    const c = await t.account(1_000n);
    customers.push(c.id);
    const r = await adminBrowser.gql(
      `mutation($a: ID!, $m: String!) { adjustBalance(input: { accountId: $a, amountMillicredits: $m, reason: "ticket 7, \\"quoted\\"" }) { id } }`,
      { a: c.id, m: amount },
    );
    expect(r.errors).toBeUndefined();
  }
});
afterAll(() => t?.close());

describe('audit log (FINANCE+)', () => {
  it('filters by actor email, action and target, newest first, with the staff user as actor', async () => {
    const r = await adminBrowser.gql(LOG, { f: { actor: admin.email.toUpperCase(), action: 'ledger.adjustBalance' } });
    expect(r.errors).toBeUndefined();
    const log = r.data.auditLog;
    expect(log.totalCount).toBe(3);
    expect(log.edges.map((e: any) => e.node.targetId)).toEqual([...customers].reverse());
    expect(log.edges[0].node).toMatchObject({
      actorKind: 'STAFF',
      actorLabel: admin.email,
      actorRole: 'ADMIN',
      actorStaffUserId: admin.id,
      reason: 'ticket 7, "quoted"',
    });
    // The target by name and email, not a bare id.
    const [named] = await t.db.query<{ name: string | null; email: string }>(`select name, email from accounts where id = $1`, [
      customers[2],
    ]);
    expect(log.edges[0].node.targetLabel).toBe(named.name ? `${named.name} <${named.email}>` : named.email);
    const byTarget = await adminBrowser.gql(LOG, { f: { targetId: customers[1] } });
    expect(byTarget.data.auditLog.edges.map((e: any) => e.node.action)).toContain('ledger.adjustBalance');
    expect(byTarget.data.auditLog.edges.every((e: any) => e.node.targetId === customers[1])).toBe(true);
    const byId = await adminBrowser.gql(LOG, { f: { actor: admin.id, action: 'staff.signIn' } });
    expect(byId.data.auditLog.totalCount).toBe(1);
    expect(byId.data.auditLog.edges[0].node.targetLabel).toBe(admin.email);
    const actions = await adminBrowser.gql(`{ auditActions }`);
    expect(actions.data.auditActions).toEqual(expect.arrayContaining(['ledger.adjustBalance', 'staff.signIn', 'account.create']));
  });

  it('filters by date range and pages with a stable total', async () => {
    const all = (await adminBrowser.gql(LOG, { d: 'ASC', n: 200 })).data.auditLog;
    const middle = all.edges[Math.floor(all.edges.length / 2)].node.createdAt;
    const before = (await adminBrowser.gql(LOG, { f: { to: middle }, n: 200 })).data.auditLog.totalCount;
    const after = (await adminBrowser.gql(LOG, { f: { from: middle }, n: 200 })).data.auditLog.totalCount;
    expect(before + after).toBe(all.totalCount);
    expect(before).toBeGreaterThan(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: any = (await adminBrowser.gql(LOG, { d: 'ASC', n: 3, a: cursor })).data.auditLog;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    expect((await adminBrowser.gql(LOG, { f: { from: middle, to: middle } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exports the same rows as CSV, and only to FINANCE+', async () => {
    const res = await adminBrowser.get(`/audit-log.csv?actor=${encodeURIComponent(admin.email)}&action=ledger.adjustBalance`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="creditmeter-audit-log-/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.target_id)).toEqual([...customers].reverse());
    expect(rows[0]).toMatchObject({
      action: 'ledger.adjustBalance',
      actor_kind: 'STAFF',
      actor: admin.email,
      reason: 'ticket 7, "quoted"',
    });
    expect(JSON.parse(rows[2].after)).toBeTypeOf('object');

    const support = await staffUser(t, 'SUPPORT');
    const supportBrowser = new Browser(t, '198.51.100.21');
    await supportBrowser.signIn(support.email, support.password);
    expect((await supportBrowser.get('/audit-log.csv')).status).toBe(403);
    expect((await supportBrowser.gql(LOG)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await new Browser(t).get('/audit-log.csv')).status).toBe(401);
    const finance = await t.account(0n, 'FINANCE');
    const byKey = await fetch(`${t.url}/audit-log.csv?from=not-a-date`, { headers: { authorization: `Bearer ${finance.key}` } });
    expect(byKey.status).toBe(400);
  });
});
