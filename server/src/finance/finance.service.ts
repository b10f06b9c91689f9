import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseId } from '../shared/validate.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { dayRange, type FinanceOrder } from './finance.rules.js';
import { breakageRows, dailyRows, usageGroupRows, type FinanceDayRow, type UsageGrouping } from './queries/finance.queries.js';
import { customerBalances, expiringWithin, freeCreditsFromGrants } from './queries/liability.queries.js';
import { rollupStateRow } from './queries/rollup.queries.js';
import { runRollup } from './rollup.job.js';
import { rollupSnapshot } from './rollup-snapshot.js';

export type { FinanceDayRow, UsageGroupRow } from './queries/finance.queries.js';

export interface LiabilityRow {
  outstanding: bigint;
  paid: bigint;
  promotional: bigint;
  /** Unspent goodwill: credits staff granted by adjustment (never bought, so never paid). */
  adjustments: bigint;
  negative: bigint;
  negativeAccounts: number;
  held: bigint;
  expiringNext30Days: bigint | null;
}

/**
 * Finance reports, read from the daily rollups plus the small tail above the watermark, in one
 * repeatable-read snapshot (the watermark cannot move between reading it and the two halves).
 */
export class FinanceService {
  constructor(private readonly em: EntityManager) {}

  private sql() {
    return sqlOf(currentEm(this.em));
  }

  /** Folds new rows into the rollups (the scheduled job calls this every few seconds). */
  rollup(waitMs?: number) {
    return runRollup(this.em, { waitMs });
  }

  daily(from: Date, to: Date): Promise<FinanceDayRow[]> {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (sql, wm) => dailyRows(sql, wm, fromDay, toDay));
  }

  private usageGroups(from: Date, to: Date, groupBy: UsageGrouping, order: FinanceOrder, limit: number, accountId: string | null = null) {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (sql, wm) => usageGroupRows(sql, wm, { fromDay, toDay, groupBy, order, limit, accountId }));
  }

  byModel(from: Date, to: Date, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(from, to, 'model', order, pageSize(limit, PAGE_SIZES.ranking));
  }

  byAccount(from: Date, to: Date, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(from, to, 'account', order, pageSize(limit, PAGE_SIZES.ranking));
  }

  /** Per team member (api key) of one account, or across all accounts. */
  byMember(from: Date, to: Date, accountId?: string | null, order: FinanceOrder = 'REVENUE', limit?: number | null) {
    return this.usageGroups(
      from,
      to,
      'member',
      order,
      pageSize(limit, PAGE_SIZES.ranking),
      accountId ? parseId(accountId, 'accountId') : null,
    );
  }

  /**
   * Outstanding liability = sum of customer balances (the cached `posted`), split into paid,
   * promotional and staff goodwill by the grants' remainders (grants record which credits each
   * debit burned), so paid + promotional + adjustments = outstanding. Paid is what is left: it
   * carries the customers' debt, as the revenue roll-forward does.
   */
  async liability(): Promise<LiabilityRow> {
    const balances = await customerBalances(this.sql());
    const { promotional, adjustments } = await freeCreditsFromGrants(this.sql());
    return {
      ...balances,
      paid: balances.outstanding - promotional - adjustments,
      promotional,
      adjustments,
      expiringNext30Days: await this.expiringWithin(30),
    };
  }

  /** Credits of live grants that expire within `days`. */
  expiringWithin(days: number): Promise<bigint> {
    return expiringWithin(this.sql(), days);
  }

  /** Credits expired unused (EXPIRY entries), per UTC month. */
  breakage(from: Date, to: Date): Promise<{ month: string; expired: bigint; entries: bigint }[]> {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (sql, wm) => breakageRows(sql, wm, fromDay, toDay));
  }

  rollupState(): Promise<{ usageSeq: bigint; postingId: bigint; updatedAt: Date; lagRows: bigint }> {
    return rollupStateRow(this.sql());
  }
}
