import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Raw SQL on the entity manager's connection (and its transaction, when inside one). The ledger's
 * hot paths are single statements that MikroORM's unit of work cannot express. Placeholders are
 * `?`; cast them (`?::bigint`) so PostgreSQL never guesses a narrower type.
 */
export interface Sql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Set when the connection is MikroORM's. */
  em?: EntityManager;
}

export const sqlOf = (em: EntityManager): Sql => ({
  em,
  query: <T>(sql: string, params: unknown[] = []) => em.execute(sql, params as never[]) as Promise<T[]>,
});

/** Runs `fn` in one database transaction; everything it writes commits or none of it does. */
export function inTransaction<T>(em: EntityManager, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return em.transactional((tem) => fn(sqlOf(tem as EntityManager)));
}
