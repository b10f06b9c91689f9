import type { EntityManager } from '@mikro-orm/postgresql';

interface RawClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A session-level advisory lock on a connection taken out of the pool for as long as the work
 * runs, so one instance runs a job at a time. No transaction stays open meanwhile (the work calls
 * Stripe and OpenAI); if the process dies the connection closes and PostgreSQL drops the lock.
 * Returns null when another session holds the lock.
 */
export async function tryWithAdvisoryLock<T>(em: EntityManager, key: bigint, work: () => Promise<T>): Promise<{ result: Promise<T> } | null> {
  const knex = em.getConnection().getKnex();
  const client = (knex.client as { acquireConnection(): Promise<RawClient>; releaseConnection(c: RawClient): Promise<void> });
  const conn = await client.acquireConnection();
  let locked = false;
  try {
    const { rows } = await conn.query('select pg_try_advisory_lock($1::bigint) as locked', [key.toString()]);
    locked = rows[0]?.locked === true;
  } finally {
    if (!locked) await client.releaseConnection(conn);
  }
  if (!locked) return null;
  const result = (async () => {
    try {
      return await work();
    } finally {
      await conn.query('select pg_advisory_unlock($1::bigint)', [key.toString()]).catch(() => undefined);
      await client.releaseConnection(conn);
    }
  })();
  return { result };
}
