import { registerEnumType } from 'type-graphql';
import { badInput } from '../shared/errors.js';
import { PAGE_SIZES, pageSize, type OffsetPage, type PageWindow } from '../shared/paging.js';

/** For a resolver that pages a list its service returned whole. */
export { windowOf } from '../shared/paging.js';
import { toConnection, type Connection } from './connection.js';

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

/**
 * The console's lists sort on any column, so their cursors are positions in the sorted result:
 * `after` an edge's cursor, or an explicit `offset` for page-numbered tables (react-admin).
 * Callers fetch `limit + 1` rows to learn whether a next page exists.
 */
export function pageWindow(
  first: number | null | undefined,
  after: string | null | undefined,
  offset: number | null | undefined,
): PageWindow {
  const limit = pageSize(first, PAGE_SIZES.window);
  if (after != null && offset != null) throw badInput('Give either after or offset, not both', { field: 'offset' });
  if (offset != null) {
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000_000)
      throw badInput('offset must be a whole number from 0', { field: 'offset' });
    return { limit, offset };
  }
  return { limit, offset: after == null ? 0 : decodeOffsetCursor(after) + 1 };
}

export const encodeOffsetCursor = (position: number) => Buffer.from(`o:${position}`, 'utf8').toString('base64url');

export function decodeOffsetCursor(cursor: string): number {
  const text = typeof cursor === 'string' && cursor.length <= 40 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^o:(\d{1,9})$/.exec(text);
  if (!m) throw badInput('after is not a cursor from this list', { field: 'after' });
  return Number(m[1]);
}

export function toOffsetConnection<T, N>(page: OffsetPage<T>, map: (row: T) => N): Connection<N> {
  const cursors = page.items.map((_, i) => encodeOffsetCursor(page.offset + i));
  return toConnection(
    { items: page.items.map((row, i) => ({ row, cursor: cursors[i] })), hasNextPage: page.hasNextPage, endCursor: cursors.at(-1) ?? null },
    ({ row, cursor }) => ({ cursor, node: map(row) }),
    page.count,
  );
}
