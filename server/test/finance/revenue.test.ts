import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferredStateAt, movementLines } from '../../src/finance/queries/revenue.queries.js';
import { closingByEquation, rollForward, tieOut, totalOf, type RollForward } from '../../src/finance/revenue.rules.js';
import { apply, expected, opArb, ADMIN } from '../grants/history.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const RollForwardQuery = graphql(`
  query RevenueRollForward($month: String!) {
    revenueRollForward(month: $month) {
      month
      openingDeferredMillicredits
      purchasedMillicredits
      recognisedMillicredits
      breakageMillicredits
      refundedMillicredits
      adjustedMillicredits
      reclassifiedMillicredits
      closingDeferredMillicredits
      closingDeferredUsd
      recognisedUsd
      promotional {
        openingDeferredMillicredits
        purchasedMillicredits
        recognisedMillicredits
        breakageMillicredits
        refundedMillicredits
        adjustedMillicredits
        reclassifiedMillicredits
        closingDeferredMillicredits
      }
      adjustments {
        purchasedMillicredits
        recognisedMillicredits
        adjustedMillicredits
        closingDeferredMillicredits
      }
      total {
        closingDeferredMillicredits
      }
      ledgerBalanceMillicredits
      customerDebtMillicredits
      tiesToLedger
    }
  }
`);

const Liability = graphql(`
  query LiabilitySplit {
    liability {
      outstandingMillicredits
      paidMillicredits
      promotionalMillicredits
      adjustmentsMillicredits
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const month = () => new Date().toISOString().slice(0, 7);
const dbNow = async () => (await t.db.query<{ now: Date }>(`select clock_timestamp() as now`))[0].now;
const sql = () => t.services.orm.em.fork();

/** The roll-forward between two instants, straight from the repository (a month is one such window). */
async function between(from: Date, to: Date): Promise<{ r: RollForward; mismatches: ReturnType<typeof tieOut> }> {
  const r = rollForward(await movementLines(sql(), from, to));
  return { r, mismatches: tieOut(r, await deferredStateAt(sql(), to)) };
}

const flows = (r: RollForward) =>
  Object.fromEntries(
    (['paid', 'promotional', 'adjustments'] as const).map((s) => {
      const { opening: _o, closing: _c, ...lines } = r[s];
      return [s, lines];
    }),
  );

const customerBalances = async (at: Date) =>
  BigInt(
    (
      await t.db.query<{ s: string }>(
        `select coalesce(sum(p.amount), 0)::text s from ledger_postings p join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
          where p.created_at < $1`,
        [at],
      )
    )[0].s,
  );

async function pastExpiry(txId: string) {
  await t.db.query(`update grants set expires_at = now() - interval '1 hour' where source_transaction_id = $1`, [txId]);
}

describe('revenue roll-forward', () => {
  it('a month of purchases, usage, expiry, a refund, a promotion and an adjustment: each line exact, closing = the ledger', async () => {
    const { ledger, grants } = t.services;
    const user = await t.account(0n);
    const from = await dbNow();
    const purchase = await ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 100_000n, counterparty: 'sales' });
    await ledger.post({ accountId: user.id, type: 'PROMO', delta: 20_000n, counterparty: 'promotions' });
    await ledger.adjustBalance(ADMIN, { accountId: user.id, amountMillicredits: '5000', reason: 'goodwill' });
    // Burns promotional first (20,000), then goodwill (5,000), then paid (5,000).
    await ledger.post({ accountId: user.id, type: 'USAGE', delta: -30_000n, counterparty: 'consumption' });
    const bonus = await ledger.post({ accountId: user.id, type: 'BONUS', delta: 10_000n, counterparty: 'promotions' });
    const stale = await ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 50_000n, counterparty: 'sales' });
    await pastExpiry(bonus.id);
    await pastExpiry(stale.id);
    await grants.expireDue();
    await ledger.post({
      accountId: user.id,
      type: 'REFUND',
      delta: -40_000n,
      counterparty: 'refunds',
      reversalOfId: purchase.id,
      allowNegative: true,
    });
    const to = await dbNow();

    const { r, mismatches } = await between(from, to);
    expect(flows(r)).toEqual({
      paid: { purchased: 150_000n, recognised: 5_000n, breakage: 50_000n, refunded: 40_000n, adjusted: 0n, reclassified: 0n },
      promotional: { purchased: 30_000n, recognised: 20_000n, breakage: 10_000n, refunded: 0n, adjusted: 0n, reclassified: 0n },
      adjustments: { purchased: 0n, recognised: 5_000n, breakage: 0n, refunded: 0n, adjusted: 5_000n, reclassified: 0n },
    });
    for (const s of ['paid', 'promotional', 'adjustments'] as const) expect(closingByEquation(r[s])).toBe(r[s].closing);
    expect(r.paid.closing - r.paid.opening).toBe(55_000n);
    expect(r.promotional.closing - r.promotional.opening).toBe(0n);
    expect(totalOf(r).closing).toBe(await customerBalances(to));
    expect(mismatches).toEqual([]);

    // The month through GraphQL: the same activity is inside it, and it ties.
    const res = await t.gql(RollForwardQuery, { month: month() });
    expect(res.errors).toBeUndefined();
    const m = res.data!.revenueRollForward;
    expect(m.tiesToLedger).toBe(true);
    expect(BigInt(m.total.closingDeferredMillicredits)).toBe(BigInt(m.ledgerBalanceMillicredits));
    const paid = m;
    expect(
      BigInt(paid.openingDeferredMillicredits) +
        BigInt(paid.purchasedMillicredits) +
        BigInt(paid.adjustedMillicredits) +
        BigInt(paid.reclassifiedMillicredits) -
        BigInt(paid.recognisedMillicredits) -
        BigInt(paid.breakageMillicredits) -
        BigInt(paid.refundedMillicredits),
    ).toBe(BigInt(paid.closingDeferredMillicredits));
    expect(BigInt(m.refundedMillicredits)).toBeGreaterThanOrEqual(40_000n);
    expect(m.closingDeferredUsd).toBe(Number(m.closingDeferredMillicredits) / 1e6);
  });

  it('a refund of spent credits burns promotional credits and goes into debt: all of it is a paid refund, the rest reclassified', async () => {
    const { ledger } = t.services;
    const user = await t.account(0n);
    const from = await dbNow();
    const purchase = await ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 10_000n, counterparty: 'sales' });
    await ledger.post({ accountId: user.id, type: 'USAGE', delta: -10_000n, counterparty: 'consumption' });
    await ledger.post({ accountId: user.id, type: 'PROMO', delta: 8_000n, counterparty: 'promotions' });
    await ledger.post({
      accountId: user.id,
      type: 'REFUND',
      delta: -10_000n,
      counterparty: 'refunds',
      reversalOfId: purchase.id,
      allowNegative: true,
    });
    const inDebt = await dbNow();
    const mid = await between(from, inDebt);
    expect(mid.r.paid).toMatchObject({ purchased: 10_000n, recognised: 10_000n, refunded: 10_000n, reclassified: 8_000n });
    expect(mid.r.promotional).toMatchObject({ purchased: 8_000n, reclassified: -8_000n });
    expect(mid.r.paid.closing - mid.r.paid.opening).toBe(-2_000n);
    expect(mid.mismatches).toEqual([]);
    expect((await deferredStateAt(sql(), inDebt)).debt).toBeGreaterThanOrEqual(2_000n);

    // A bonus pays the debt back first: that part of it becomes paid.
    await ledger.post({ accountId: user.id, type: 'BONUS', delta: 5_000n, counterparty: 'promotions' });
    const end = await between(from, await dbNow());
    expect(end.r.promotional).toMatchObject({ purchased: 13_000n, reclassified: -10_000n });
    expect(end.r.paid.reclassified).toBe(10_000n);
    expect(end.r.paid.closing - end.r.paid.opening).toBe(0n);
    expect(end.r.promotional.closing - end.r.promotional.opening).toBe(3_000n);
    expect(end.mismatches).toEqual([]);

    // The opening of a later window is the closing of the earlier one.
    const later = await between(inDebt, await dbNow());
    for (const s of ['paid', 'promotional', 'adjustments'] as const) expect(later.r[s].opening).toBe(mid.r[s].closing);
  });

  it('ties to the ledger after any random history (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const user = await t.account(0n);
        const purchases: { id: string; amount: bigint }[] = [];
        const txIds: string[] = [];
        const from = await dbNow();
        for (const op of ops) {
          try {
            await apply(t, user.id, op, purchases, txIds);
          } catch (err) {
            if (!expected(err)) throw err;
          }
        }
        const to = await dbNow();
        const { r, mismatches } = await between(from, to);
        expect(mismatches).toEqual([]);
        expect(totalOf(r).closing).toBe(await customerBalances(to));
        expect(totalOf(r).reclassified).toBe(0n);
        for (const s of ['paid', 'promotional', 'adjustments'] as const) expect(closingByEquation(r[s])).toBe(r[s].closing);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a malformed or future month with BAD_USER_INPUT', async () => {
    for (const bad of ['2026-13', '26-01', 'next month', '9999-12']) {
      const res = await t.gql(RollForwardQuery, { month: bad });
      expect(res.errors?.[0]?.extensions?.code, bad).toBe('BAD_USER_INPUT');
    }
  });

  it('the tie-out finds a grant that does not match its ledger movement', async () => {
    const user = await t.account(0n);
    const p = await t.services.ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 7_000n, counterparty: 'sales' });
    const before = await between(new Date(0), await dbNow());
    expect(before.mismatches).toEqual([]);
    // A promo grant that pretends the purchase was free: paid and promotional no longer tie.
    await t.db.query(`update grants set kind = 'PROMO' where source_transaction_id = $1`, [p.id]);
    const after = await between(new Date(0), await dbNow());
    expect(after.mismatches).toEqual([]); // the movements follow the grant's kind, so they still agree; a millicredit more does not
    await t.db.query(`update grants set amount = amount + 1, remaining = remaining + 1 where source_transaction_id = $1`, [p.id]);
    const drifted = await between(new Date(0), await dbNow());
    expect(drifted.mismatches).toEqual([
      { subject: 'promotional', expected: drifted.r.promotional.closing + 1n, actual: drifted.r.promotional.closing },
    ]);
    await t.db.query(
      `update grants set amount = amount - 1, remaining = remaining - 1, kind = 'PURCHASE' where source_transaction_id = $1`,
      [p.id],
    );
  });
});

describe('paid credits mean paid', () => {
  it('the liability counts staff goodwill adjustments on their own line, never as paid', async () => {
    const read = async () => {
      const res = await t.gql(Liability, {});
      expect(res.errors).toBeUndefined();
      const l = res.data!.liability;
      return {
        outstanding: BigInt(l.outstandingMillicredits),
        paid: BigInt(l.paidMillicredits),
        promotional: BigInt(l.promotionalMillicredits),
        adjustments: BigInt(l.adjustmentsMillicredits),
      };
    };
    const before = await read();
    const user = await t.account(0n);
    // The case: 10,000 credits bought, 2,700 of goodwill, some usage (goodwill burns first).
    await t.services.ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 10_000_000n, counterparty: 'sales' });
    await t.services.ledger.adjustBalance(ADMIN, { accountId: user.id, amountMillicredits: '2000000', reason: 'outage' });
    await t.services.ledger.adjustBalance(ADMIN, { accountId: user.id, amountMillicredits: '700000', reason: 'late reply' });
    await t.services.ledger.post({ accountId: user.id, type: 'USAGE', delta: -3_000n, counterparty: 'consumption' });
    const after = await read();
    expect(after.paid - before.paid).toBe(10_000_000n);
    expect(after.adjustments - before.adjustments).toBe(2_697_000n);
    expect(after.promotional - before.promotional).toBe(0n);
    expect(after.paid + after.promotional + after.adjustments).toBe(after.outstanding);
  });
});

describe('journal CSV', () => {
  it('is balanced per entry, USD with six decimals, FINANCE only', async () => {
    const user = await t.account(0n);
    await t.services.ledger.post({ accountId: user.id, type: 'PURCHASE', delta: 12_345_678n, counterparty: 'sales' });
    await t.services.ledger.post({ accountId: user.id, type: 'USAGE', delta: -1_003n, counterparty: 'consumption' });
    const res = await fetch(`${t.url}/reports/journal/${month()}.csv`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text).toContain('\r\n');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    const micro = (s: string) => (s === '' ? 0n : BigInt(s.replace('.', '')));
    const byRef = new Map<string, bigint>();
    for (const r of rows) {
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.debit === '' || /^\d+\.\d{6}$/.test(r.debit)).toBe(true);
      expect(r.credit === '' || /^\d+\.\d{6}$/.test(r.credit)).toBe(true);
      byRef.set(r.reference, (byRef.get(r.reference) ?? 0n) + micro(r.debit) - micro(r.credit));
    }
    for (const [ref, net] of byRef) expect(net, ref).toBe(0n);
    expect(rows.some((r) => r.account_code === '4000' && micro(r.credit) >= 1_003n)).toBe(true);
    expect(rows.some((r) => r.account_code === '1100' && micro(r.debit) >= 12_345_678n)).toBe(true);

    const user2 = await t.account(0n, 'SUPPORT');
    const refused = await fetch(`${t.url}/reports/journal/${month()}.csv`, { headers: { authorization: `Bearer ${user2.key}` } });
    expect(refused.status).toBe(403);
    const anonymous = await fetch(`${t.url}/reports/journal/${month()}.csv`);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${t.url}/reports/journal/2026-13.csv`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(bad.status).toBe(400);
  });
});
