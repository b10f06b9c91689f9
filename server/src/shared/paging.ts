import { badInput } from './errors.js';

/**
 * The one page-size policy of every list that can grow: a page is a whole number of rows between
 * the rule's `min` and `max`, its `default` when the client gives none. Out of bounds, a size is
 * refused with BAD_USER_INPUT, except on the four released lists that always clamped it (their
 * clients rely on that); docs/api.md lists every rule.
 */
export interface PageSizeRule {
  default: number;
  /** 1, or 0 where an empty window is a question of its own (the console asks for totalCount only). */
  min: 0 | 1;
  max: number;
  outOfBounds: 'refuse' | 'clamp';
  /** The argument's name in the schema, for the error. */
  field: 'first' | 'limit';
}

export const MAX_PAGE_SIZE = 200;

const rule = (over: Partial<PageSizeRule> & Pick<PageSizeRule, 'default'>): PageSizeRule => ({
  min: 1,
  max: MAX_PAGE_SIZE,
  outOfBounds: 'refuse',
  field: 'first',
  ...over,
});

export const PAGE_SIZES = {
  /** Cursor connections over a sequence (ledger, usage, webhook deliveries). */
  cursor: rule({ default: 50 }),
  /** The console's sortable tables (offset or position cursors). */
  window: rule({ default: 25, min: 0 }),
  /** Released plain lists that clamp: their schema default applies, a size out of bounds is brought back in. */
  failedStripeEvents: rule({ default: 50, outOfBounds: 'clamp' }),
  stalePurchases: rule({ default: 100, outOfBounds: 'clamp' }),
  negativeBalances: rule({ default: 100, max: 500, outOfBounds: 'clamp' }),
  promoCodes: rule({ default: 200, max: 500, outOfBounds: 'clamp' }),
  /** Reports: top-N rankings and reconciliation. */
  ranking: rule({ default: 20, max: 100, field: 'limit' }),
  reconciliationRuns: rule({ default: 20, max: 100 }),
  findings: rule({ default: 100, max: 1000 }),
} satisfies Record<string, PageSizeRule>;

/** How many rows a page holds under `rule`; refused (or clamped, where the rule says so) out of bounds. */
export function pageSize(first: number | null | undefined, policy: PageSizeRule = PAGE_SIZES.cursor): number {
  const n = first ?? policy.default;
  if (Number.isInteger(n) && n >= policy.min && n <= policy.max) return n;
  if (policy.outOfBounds === 'clamp' && Number.isFinite(n)) return Math.min(Math.max(Math.trunc(n), policy.min), policy.max);
  throw badInput(`${policy.field} must be a whole number between ${policy.min} and ${policy.max}`, { field: policy.field });
}

/** One window of a list sorted on any column, and the count of the whole list. */
export interface OffsetPage<T> {
  items: T[];
  offset: number;
  /** Counted only when the query selects totalCount. */
  count: () => Promise<number>;
  /** One row beyond the window was there. */
  hasNextPage: boolean;
}

/** Which rows of a sorted list a caller wants; fetch `limit + 1` to learn whether a next page exists. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** Rows fetched with `limit + 1` -> the window and whether more follow. */
export function windowOf<T>(rows: T[], window: PageWindow, count: () => Promise<number>): OffsetPage<T> {
  return { items: rows.slice(0, window.limit), offset: window.offset, hasNextPage: rows.length > window.limit, count };
}

/** `%text%` for ILIKE with the user's wildcards escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
