import { useState } from 'react';

/**
 * Paging on the pages, one way: a connection is read with `pageOf` (or `nodesOf` for react-admin's
 * numbered lists), and Newer / Older walk its cursors with `useCursorPages`.
 */

interface Edges<N> {
  edges: Array<{ node: N }>;
}

/** What a cursor-paged table shows: the rows, and where the next (older) page starts. */
export interface CursorPage<T> {
  rows: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export const nodesOf = <N>(connection: Edges<N>): N[] => connection.edges.map((e) => e.node);

export function pageOf<N>(connection: Edges<N> & { pageInfo: { endCursor?: string | null; hasNextPage: boolean } }): CursorPage<N> {
  return { rows: nodesOf(connection), endCursor: connection.pageInfo.endCursor ?? null, hasNextPage: connection.pageInfo.hasNextPage };
}

/** The cursors of the pages seen so far, newest first; the first page has none. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors.at(-1) ?? null,
    /** 0 on the newest page. */
    page: cursors.length - 1,
    newer: () => setCursors((c) => c.slice(0, -1)),
    older: (endCursor: string | null) => setCursors((c) => [...c, endCursor]),
  };
}
