import { badInput } from '../shared/errors.js';

export const MAX_REPORT_DAYS = 400;
const DAY_MS = 86_400_000;

/** "2026-11-24" of a Date, in UTC. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The UTC days a [from, to) period touches, inclusive bounds as ISO dates. Rollups are per day,
 * so a period that starts or ends inside a day counts that whole day.
 */
export function dayRange(from: Date, to: Date): { fromDay: string; toDay: string; days: number } {
  if (!(from instanceof Date) || Number.isNaN(from.getTime()) || !(to instanceof Date) || Number.isNaN(to.getTime())) {
    throw badInput('from and to must be valid date-times');
  }
  if (to.getTime() <= from.getTime()) throw badInput('to must be after from', { field: 'to' });
  const lastInstant = new Date(to.getTime() - 1);
  const fromDay = utcDay(from);
  const toDay = utcDay(lastInstant);
  const days = Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS) + 1;
  if (days > MAX_REPORT_DAYS) throw badInput(`A report covers at most ${MAX_REPORT_DAYS} days`, { field: 'from' });
  return { fromDay, toDay, days };
}

export const FINANCE_ORDERS = ['REVENUE', 'COST', 'MARGIN', 'CALLS'] as const;
export type FinanceOrder = (typeof FINANCE_ORDERS)[number];

export const orderColumn: Record<FinanceOrder, string> = {
  REVENUE: 'charged',
  COST: 'cost_micro_usd',
  MARGIN: 'charged - cost_micro_usd',
  CALLS: 'calls',
};

/** Margin as a fraction of revenue (0.25 = 25 %); null when there is no revenue. */
export function marginRatio(revenueMillicredits: bigint, costMicroUsd: bigint): number | null {
  if (revenueMillicredits === 0n) return null;
  // Both are micro-dollars: basis points with integer math, then one division for display.
  return Number(((revenueMillicredits - costMicroUsd) * 10_000n) / revenueMillicredits) / 10_000;
}

/** "2026-11" -> [2026-11-01T00:00Z, 2026-12-01T00:00Z). */
export function monthPeriod(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw badInput('month must look like YYYY-MM', { field: 'month' });
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (mon < 1 || mon > 12 || year < 2000 || year > 9999) throw badInput('month must look like YYYY-MM', { field: 'month' });
  return { from: new Date(Date.UTC(year, mon - 1, 1)), to: new Date(Date.UTC(year, mon, 1)) };
}

/** A statement's month: a valid YYYY-MM that has already begun (a later one has nothing to state). */
export function statementPeriod(month: string, now = new Date()): { from: Date; to: Date } {
  const period = monthPeriod(month);
  if (period.from.getTime() > now.getTime()) throw badInput(`${month} has not begun yet`, { field: 'month' });
  return period;
}
