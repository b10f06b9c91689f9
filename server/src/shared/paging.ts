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
