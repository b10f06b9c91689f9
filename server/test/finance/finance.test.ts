import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayRange, monthPeriod, utcDay } from '../../src/finance/finance.rules.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { postAt } from './support.js';

const FinanceDashboard = graphql(`
  query FinanceDashboard($from: DateTime!, $to: DateTime!) {
    financeDaily(from: $from, to: $to) {
      date
      revenueUsd
      cogsUsd
      marginUsd
      marginRatio
      calls
      cogsExactUsd
      creditsPurchasedMillicredits
      creditsDeductedMillicredits
      creditsRefundedMillicredits
      creditsPromotionalMillicredits
      creditsExpiredMillicredits
    }
    liability {
      outstandingMillicredits
      outstandingUsd
      paidMillicredits
      promotionalMillicredits
      adjustmentsMillicredits
      negativeMillicredits
      negativeBalanceAccounts
      heldMillicredits
      expiringNext30DaysMillicredits
    }
    byCost: financeByModel(from: $from, to: $to, orderBy: COST) {
      model
      calls
      revenueMillicredits
      costMicroUsd
      marginMillicredits
    }
    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) {
      model
    }
    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) {
      accountId
      label
      revenueMillicredits
      marginMillicredits
    }
    members: financeByMember(from: $from, to: $to) {
      accountId
      apiKeyId
      label
      revenueMillicredits
    }
    negativeBalances {
      accountId
      balanceMillicredits
    }
    breakageByMonth(from: $from, to: $to) {
      month
      expiredMillicredits
    }
  }
`);

const RecordUsage = graphql(`
  mutation FinanceRecordUsage($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      chargedMillicredits
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('finance rules', () => {
  it('reads periods as whole UTC days and months', () => {
    expect(dayRange(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-03T00:00:00Z'))).toEqual({
      fromDay: '2026-11-01',
      toDay: '2026-11-02',
      days: 2,
    });
    expect(dayRange(new Date('2026-11-01T10:00:00Z'), new Date('2026-11-01T10:00:01Z')).days).toBe(1);
    expect(() => dayRange(new Date('2026-11-02T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toThrow(/after/);
    expect(() => dayRange(new Date('2020-01-01T00:00:00Z'), new Date('2026-11-01T00:00:00Z'))).toThrow(/at most/);
    expect(monthPeriod('2026-12')).toEqual({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') });
    expect(() => monthPeriod('2026-13')).toThrow();
  });
});

describe('finance dashboards', () => {
  let a: { id: string; key: string };
  let c: { id: string; key: string };
  let d: { id: string; key: string };

  beforeAll(async () => {
    const ledger = t.services.ledger;
    a = await t.account(0n);
    const b = await t.account(0n);
    c = await t.account(0n);
    d = await t.account(0n);
    await ledger.post({ accountId: a.id, type: 'PURCHASE', delta: 1_000_000n, counterparty: 'sales' });
    await ledger.post({ accountId: a.id, type: 'BONUS', delta: 200_000n, counterparty: 'promotions' });
    await ledger.post({ accountId: b.id, type: 'BONUS', delta: 50_000n, counterparty: 'promotions' });
    await ledger.post({ accountId: c.id, type: 'BONUS', delta: 10n, counterparty: 'promotions' });
    await ledger.post({ accountId: c.id, type: 'REFUND', delta: -1_000n, counterparty: 'refunds', allowNegative: true });
    await ledger.post({ accountId: d.id, type: 'BONUS', delta: 30_000n, counterparty: 'promotions' });
    await ledger.post({ accountId: d.id, type: 'PURCHASE', delta: 10_000n, counterparty: 'sales' });
    await ledger.post({ accountId: d.id, type: 'ADJUSTMENT', delta: -100n, counterparty: 'adjustments' });
    // 100k x 2.400 + 50k x 9.600 = 720,000 millicredits; cost 100k x 0.001 + 50k x 0.004 = $0.30
    const r1 = await t.gql(
      RecordUsage,
      { input: { model: 'test-model', inputTokens: 100_000, outputTokens: 50_000, idempotencyKey: 'f1' } },
      a.key,
    );
    expect(r1.data?.recordUsage.chargedMillicredits).toBe('720000');
    // 100k x 0.100 + 100k x 0.400 = 50,000; cost $0.025
    const r2 = await t.gql(
      RecordUsage,
      { input: { model: 'cheap-model', inputTokens: 100_000, outputTokens: 100_000, idempotencyKey: 'f2' } },
      b.key,
    );
    expect(r2.data?.recordUsage.chargedMillicredits).toBe('50000');
  });

  const today = utcDay(new Date());
  const vars = { from: `${today}T00:00:00.000Z`, to: new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString() };

  async function expectDashboard() {
    const finance = await t.account(0n, 'FINANCE');
    const res = await t.gql(FinanceDashboard, vars, finance.key);
    expect(res.errors).toBeUndefined();
    const data = res.data!;
    expect(data.financeDaily).toEqual([
      {
        date: today,
        revenueUsd: 0.77,
        cogsUsd: 0.33,
        marginUsd: 0.45,
        marginRatio: 0.5779,
        calls: 2,
        cogsExactUsd: '0.325000',
        creditsPurchasedMillicredits: '1010000',
        creditsDeductedMillicredits: '770000',
        creditsRefundedMillicredits: '1000',
        creditsPromotionalMillicredits: '280010',
        creditsExpiredMillicredits: '0',
      },
    ]);
    expect(data.liability).toEqual({
      outstandingMillicredits: '518910',
      outstandingUsd: 0.52,
      // From the grants: D's -100 adjustment burned its BONUS grant first (free credits go first).
      paidMillicredits: '489010',
      promotionalMillicredits: '29900',
      adjustmentsMillicredits: '0',
      negativeMillicredits: '-990',
      negativeBalanceAccounts: 1,
      heldMillicredits: '0',
      expiringNext30DaysMillicredits: '0',
    });
    expect(data.byCost.map((m) => m.model)).toEqual(['test-model', 'cheap-model']);
    expect(data.byCost[0]).toEqual({
      model: 'test-model',
      calls: 1,
      revenueMillicredits: '720000',
      costMicroUsd: '300000',
      marginMillicredits: '420000',
    });
    expect(data.byRevenue.map((m) => m.model)).toEqual(['test-model', 'cheap-model']);
    expect(data.topAccounts).toEqual([
      { accountId: a.id, label: expect.stringContaining('@example.test'), revenueMillicredits: '720000', marginMillicredits: '420000' },
    ]);
    expect(data.members).toHaveLength(2);
    expect(data.members[0]).toMatchObject({
      accountId: a.id,
      apiKeyId: expect.any(String),
      label: expect.any(String),
      revenueMillicredits: '720000',
    });
    expect(data.negativeBalances).toEqual([{ accountId: c.id, balanceMillicredits: '-990' }]);
    expect(data.breakageByMonth).toEqual([]);
  }

  it('reports per day revenue, COGS, margin, credits, liability and top lists, from the live tail', async () => {
    await expectDashboard();
  });

  it('reports the same after the rollup folded everything in', async () => {
    const r = await t.services.finance.rollup();
    expect(r.usageRows).toBe(2);
    await expectDashboard();
  });

  it('counts credits of grants that expire within 30 days, and only those', async () => {
    await t.db.query(`update grants set expires_at = now() + interval '10 days' where account_id = $1 and kind = 'BONUS'`, [d.id]);
    await t.db.query(`update grants set expires_at = now() + interval '40 days' where account_id = $1 and kind = 'PURCHASE'`, [d.id]);
    const liability = await t.services.finance.liability();
    expect(liability.expiringNext30DaysMillicredits).toBe(29_900n);
    expect(liability.paidMillicredits + liability.promotionalMillicredits).toBe(liability.outstandingMillicredits);
  });

  it('is for FINANCE and ADMIN keys only', async () => {
    for (const role of ['USER', 'SUPPORT'] as const) {
      const key = (await t.account(0n, role)).key;
      const res = await t.gql(FinanceDashboard, vars, key);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await t.gql(FinanceDashboard, vars);
    expect(admin.errors).toBeUndefined();
  });

  it('reports breakage (credits expired unused) per month, live and rolled up alike', async () => {
    await postAt(t.db, d.id, 'EXPIRY', 'expiry', -1_500n, new Date('2026-09-30T23:00:00Z'));
    await postAt(t.db, d.id, 'EXPIRY', 'expiry', -2_000n, new Date('2026-10-01T01:00:00Z'));
    await postAt(t.db, d.id, 'EXPIRY', 'expiry', -500n, new Date('2026-10-31T23:59:59Z'));
    const from = new Date('2026-09-01T00:00:00Z');
    const to = new Date('2026-11-01T00:00:00Z');
    const expected = [
      { month: '2026-09', expiredMillicredits: '1500', entries: 1 },
      { month: '2026-10', expiredMillicredits: '2500', entries: 2 },
    ];
    expect(await t.services.finance.breakage(from, to)).toEqual(expected);
    await t.services.finance.rollup();
    expect(await t.services.finance.breakage(from, to)).toEqual(expected);
  });
});
