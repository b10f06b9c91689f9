import { INT64_MAX } from '../money/money.js';
import { badInput } from '../shared/errors.js';

/*
 * The cursor side of connections (connection.ts holds their GraphQL types): free of decorators,
 * so services and workers page without loading type-graphql.
 */

/** One page of a list, however it was fetched: items in order, and where the next page starts. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Opaque cursors over a monotonically increasing sequence number. */
export const encodeCursor = (seq: bigint): string => Buffer.from(`s:${seq}`).toString('base64url');

export function decodeCursor(cursor: string | null | undefined): bigint | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s:(\d{1,19})$/.exec(text);
  // 19 digits can still exceed PostgreSQL's bigint: such a cursor is as invalid as a malformed one.
  if (!match || BigInt(match[1]) > INT64_MAX) throw badInput('after is not a valid cursor', { field: 'after' });
  return BigInt(match[1]);
}

/** `rows` was fetched with limit n + 1: the extra row only tells whether another page exists. */
export function toPage<T extends { seq: bigint }>(rows: T[], n: number): Page<T> {
  const items = rows.slice(0, n);
  return {
    items,
    hasNextPage: rows.length > n,
    endCursor: items.length ? encodeCursor(items[items.length - 1].seq) : null,
  };
}
