import { Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { badInput } from '../shared/errors.js';
import { PageInfo } from './page-info.js';

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

/**
 * A Relay-style connection with `totalCount`, one per item type (type-graphql's generic-types
 * pattern): `class AccountConnectionGql extends Connection(AccountGql, 'Account') {}` gives
 * `AccountConnection` and `AccountEdge`.
 */
export function Connection<TItem extends object>(Item: ClassType<TItem>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Item)
    node!: TItem;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Items matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export interface OffsetPage<T> {
  items: T[];
  offset: number;
  totalCount: number;
}

export const MAX_PAGE_SIZE = 200;

/**
 * Staff lists sort on any column, so their cursors are positions in the sorted result
 * (`after` an edge's cursor, or an explicit `offset` for page-numbered tables).
 */
export function pageWindow(first: number | null | undefined, after: string | null | undefined, offset: number | null | undefined, def = 25): { limit: number; offset: number } {
  const limit = first ?? def;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  if (after != null && offset != null) throw badInput('Give either after or offset, not both', { field: 'offset' });
  if (offset != null) {
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000_000) throw badInput('offset must be a whole number from 0', { field: 'offset' });
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

/** Edges, pageInfo and totalCount of one window of a sorted list. */
export function toConnection<TRow, TNode>(page: OffsetPage<TRow>, map: (row: TRow) => TNode) {
  const edges = page.items.map((row, i) => ({ cursor: encodeOffsetCursor(page.offset + i), node: map(row) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.offset + page.items.length < page.totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** `%text%` for ILIKE with the user's wildcards escaped. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
