import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { DEMO_EMAIL, DEMO_RATES, printDemoPortalLink, seedDemo } from '../../src/seed.js';
import { seedDemoWithHistory } from '../../src/seed-history.js';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
const log = createLogger('silent');
const now = new Date();
const day = (daysAgo: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo)).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp({ CHECKOUT_TEST_MODE: 'true', INTRO_BONUS_MILLICREDITS: '0' });
  await t.services.rateCards.publish(null, { name: 'Demo rate card', rates: DEMO_RATES });
  expect(await seedDemoWithHistory(t.db.url, t.services.config, log, now)).toBe(true);
}, 120_000);
afterAll(() => t?.close());

describe('the demo with history (first start)', () => {
  it('dates a month of usage across models and accounts on the days it stands for', async () => {
    const rows = await t.db.query<{ days: number; models: number; accounts: number; first: string }>(
      `select count(distinct (created_at at time zone 'UTC')::date)::int as days, count(distinct model)::int as models,
              count(distinct account_id)::int as accounts, min(created_at at time zone 'UTC')::date::text as first
         from usage_records`,
    );
    expect(rows[0].days).toBe(30);
    expect(rows[0].models).toBeGreaterThanOrEqual(3);
    expect(rows[0].accounts).toBeGreaterThanOrEqual(5); // the demo, three customers and the team
    expect(rows[0].first).toBe(day(29));
    // Every usage row has its charge in the journal, on the same day (one write, one date).
    const [undated] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from usage_records u join ledger_transactions x on x.id = u.transaction_id
        where (x.created_at at time zone 'UTC')::date <> (u.created_at at time zone 'UTC')::date`,
    );
    expect(undated.n).toBe(0);
  });

  it('books purchases through the test-mode checkout, a refund, a team and an expiry, each on its day', async () => {
    const kinds = await t.db.query<{ type: string; day: string }>(
      `select type, (created_at at time zone 'UTC')::date::text as day from ledger_transactions where type in ('PURCHASE', 'REFUND', 'EXPIRY') order by created_at`,
    );
    const purchases = kinds.filter((k) => k.type === 'PURCHASE');
    expect(purchases.length).toBe(6);
    expect(new Set(purchases.map((p) => p.day)).size).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k.type === 'REFUND').map((k) => k.day)).toEqual([day(16)]);
    expect(kinds.filter((k) => k.type === 'EXPIRY').map((k) => k.day)).toEqual([day(11)]);
    const purchaseRows = await t.db.query<{ status: string; kind: string }>(`select status, kind from purchases`);
    expect(purchaseRows.every((p) => p.kind === 'TEST_CHECKOUT')).toBe(true);
    expect(purchaseRows.map((p) => p.status)).toContain('REFUNDED');
    const [team] = await t.db.query<{ members: number }>(
      `select count(*)::int as members from team_members m join accounts a on a.id = m.team_id where a.kind = 'TEAM' and a.name = 'Research'`,
    );
    expect(team.members).toBe(2);
  });

  it('shows non-zero, sub-cent daily figures on the dashboards for the whole month', async () => {
    const days = await t.services.finance.daily(new Date(`${day(29)}T00:00:00Z`), now);
    const withRevenue = days.filter((d) => BigInt(d.revenueMillicredits) > 0n);
    expect(withRevenue.length).toBe(30);
    // Some day earns less than a cent: the console must show it exactly.
    expect(withRevenue.some((d) => BigInt(d.revenueMillicredits) % 10_000n !== 0n)).toBe(true);
  });

  it('leaves books that reconcile on every day of the month: the seed went through the ledger, never around it', async () => {
    for (const d of Array.from({ length: 30 }, (_, i) => day(29 - i))) {
      const run = await t.services.reconciliation.runNow('MANUAL', d, null);
      const failed = run.checks.filter((c) => c.status === 'MISMATCH' || c.status === 'FAILED');
      const findings = (await t.services.reconciliation.findings(run.id)).map(
        (f) => `${f.check}: ${f.subject} ${f.expected} ≠ ${f.actual}`,
      );
      expect({ day: d, failed, findings }).toEqual({ day: d, failed: [], findings: [] });
    }
  });

  it('runs once: a restart seeds nothing again and writes no audit row for its Credits page link', async () => {
    const before = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log`);
    const usage = await t.db.query<{ n: number }>(`select count(*)::int as n from usage_records`);
    expect(await seedDemoWithHistory(t.db.url, t.services.config, log, now)).toBe(false);
    expect(await seedDemo(t.services, log)).toBe(false);
    await printDemoPortalLink(t.services);
    await printDemoPortalLink(t.services);
    expect(await t.db.query(`select count(*)::int as n from audit_log`)).toEqual(before);
    expect(await t.db.query(`select count(*)::int as n from usage_records`)).toEqual(usage);
    expect(await t.services.accounts.findByEmail(DEMO_EMAIL)).not.toBeNull();
    // The server's own connections keep the real clock.
    const [clock] = await t.db.query<{ n: number }>(`select count(*)::int as n from demo_clock`);
    expect(clock.n).toBe(0);
    const fresh = await t.account(1_000_000n);
    const [{ day: today }] = await t.db.query<{ day: string }>(
      `select (created_at at time zone 'UTC')::date::text as day from ledger_transactions where account_id = $1`,
      [fresh.id],
    );
    expect(today).toBe(day(0));
  });
});
