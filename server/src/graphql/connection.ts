import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor, type Page } from './connection-cursors.js';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it (a getter: see `toConnection`). */
  totalCount: number | Promise<number>;
}

/**
 * A Relay connection of `Item`, as in type-graphql's generic-types example: `<name>Edge` with
 * `cursor` and `node`, and `<name>Connection` with `edges`, `pageInfo` and `totalCount`. Extend
 * the result with `@ObjectType('<name>Connection')` to name it.
 */
export function ConnectionType<TItem extends object>(name: string, Item: ClassType<TItem>) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<TItem> {
    @Field(() => String)
    cursor!: string;

    @Field(() => Item)
    node!: TItem;
  }

  @ObjectType()
  abstract class ConnectionClass implements Connection<TItem> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All items of the list, across pages' })
    totalCount!: number | Promise<number>;
  }
  return ConnectionClass;
}

/**
 * Maps a page to a connection. `countTotal` runs only if the query selects `totalCount`, so a
 * client that pages without it pays nothing for the count.
 */
export function toConnection<T, N>(
  page: Page<T>,
  map: (item: T) => { cursor: string; node: N },
  countTotal: () => Promise<number>,
): Connection<N> {
  return {
    edges: page.items.map(map),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    get totalCount() {
      return countTotal();
    },
  };
}

/** A page of items that are their own GraphQL node and carry their cursor's sequence number (`seq`). */
export const seqConnection = <T extends { seq: bigint }>(page: Page<T>, countTotal: () => Promise<number>): Connection<T> =>
  toConnection(page, (item) => ({ cursor: encodeCursor(item.seq), node: item }), countTotal);
