import type { EntityManager } from '@mikro-orm/postgresql';
import { currentEm } from '../db/unit-of-work.js';
import { parseId } from '../shared/validate.js';
import { PAGE_SIZES, pageSize } from '../shared/paging.js';
import { dayRange, type FinanceOrder } from './finance.rules.js';
import { LiabilityGql } from './finance.graphql.js';
import { breakageRows, dailyRows, usageGroupRows, type UsageGrouping } from './queries/finance.queries.js';
import { customerBalances, expiringWithin, freeCreditsFromGrants } from './queries/liability.queries.js';
import { rollupStateRow } from './queries/rollup.queries.js';
import { runRollup } from './rollup.job.js';
import { rollupSnapshot } from './rollup-snapshot.js';

/**
 * Finance reports, read from the daily rollups plus the small tail above the watermark, in one
 * repeatable-read snapshot (the watermark cannot move between reading it and the two halves).
 */
export class FinanceService {
  constructor(private readonly em: EntityManager) {}

  private uow() {
    return currentEm(this.em);
  }

  /** Folds new rows into the rollups (the scheduled job calls this every few seconds). */
  rollup(waitMs?: number) {
    return runRollup(this.em, { waitMs });
  }

  daily(from: Date, to: Date) {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (tem, wm) => dailyRows(tem, wm, fromDay, toDay));
  }

  private usageGroups(from: Date, to: Date, groupBy: UsageGrouping, order: FinanceOrder, limit: number, accountId: string | null = null) {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (tem, wm) => usageGroupRows(tem, wm, { fromDay, toDay, groupBy, order, limit, accountId }));
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
  async liability(): Promise<LiabilityGql> {
    const balances = await customerBalances(this.uow());
    const { promotional, adjustments } = await freeCreditsFromGrants(this.uow());
    return new LiabilityGql({
      outstandingMillicredits: balances.outstanding,
      paidMillicredits: balances.outstanding - promotional - adjustments,
      promotionalMillicredits: promotional,
      adjustmentsMillicredits: adjustments,
      negativeMillicredits: balances.negative,
      negativeBalanceAccounts: balances.negativeAccounts,
      heldMillicredits: balances.held,
      expiringNext30DaysMillicredits: await this.expiringWithin(30),
    });
  }

  /** Credits of live grants that expire within `days`. */
  expiringWithin(days: number): Promise<bigint> {
    return expiringWithin(this.uow(), days);
  }

  /** Credits expired unused (EXPIRY entries), per UTC month. */
  breakage(from: Date, to: Date) {
    const { fromDay, toDay } = dayRange(from, to);
    return rollupSnapshot(this.em, (tem, wm) => breakageRows(tem, wm, fromDay, toDay));
  }

  rollupState() {
    return rollupStateRow(this.uow());
  }
}
