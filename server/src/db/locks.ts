import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { swallowed } from '../shared/errors.js';

/**
 * What a lock is named by: a fixed 64-bit key (a job's), or a text hashed by PostgreSQL
 * (`hashtextextended`), e.g. `team.create:<accountId>`.
 */
export type LockKey = bigint | string;

/** The lock's key as SQL with its one parameter, `$1` (pg) or `?` (MikroORM). */
function keyParam(key: LockKey, placeholder: '$1' | '?'): [string, string] {
  return typeof key === 'bigint' ? [`${placeholder}::bigint`, key.toString()] : [`hashtextextended(${placeholder}::text, 0)`, key];
}

/** A connection of the ORM's pool, taken out of it for a while (pg's client). */
interface HeldConnection {
  query(text: string, values: unknown[]): Promise<{ rows: { locked?: boolean }[] }>;
  end(): Promise<void>;
}

/**
 * Runs `work` once across instances (a scheduled job): under the session-level advisory lock
 * `key`, on a connection of the ORM's pool held for as long as the work runs; null (and `work`
 * not started) when another session holds the lock, so the caller skips. No transaction stays
 * open meanwhile (jobs call Stripe and OpenAI), and if the process dies the connection closes
 * and PostgreSQL drops the lock.
 */
export async function runOnce<T>(em: EntityManager, key: LockKey, work: () => Promise<T>): Promise<{ result: Promise<T> } | null> {
  const pool = em.getConnection().getKnex().client;
  const connection = (await pool.acquireConnection()) as HeldConnection;
  const [param, value] = keyParam(key, '$1');
  let locked = false;
  try {
    const { rows } = await connection.query(`select pg_try_advisory_lock(${param}) as locked`, [value]);
    locked = rows[0]?.locked === true;
  } finally {
    if (!locked) await pool.releaseConnection(connection);
  }
  if (!locked) return null;
  const result = (async () => {
    try {
      return await work();
    } finally {
      // A connection that could not unlock is closed (the lock goes with it), never pooled again.
      await connection.query(`select pg_advisory_unlock(${param})`, [value]).catch(async (err: unknown) => {
        swallowed(err, 'locks.unlock');
        await connection.end().catch((endErr: unknown) => swallowed(endErr, 'locks.unlock.close'));
      });
      await pool.releaseConnection(connection);
    }
  })();
  return { result };
}

/** The unit of work's EntityManager inside its transaction (`tem`), or a migration's Knex transaction. */
type InTransaction = EntityManager | Knex.Transaction;

const run = async (tx: InTransaction, text: string, params: string[]): Promise<{ locked?: boolean }[]> =>
  'execute' in tx ? tx.execute<{ locked?: boolean }[]>(text, params) : (await tx.raw<{ rows: { locked?: boolean }[] }>(text, params)).rows;

/**
 * Waits for the advisory lock `key` and holds it until the caller's transaction ends: work that
 * must not run side by side (two instances creating the first ADMIN, a cap counted under races).
 */
export async function withXactLock(tx: InTransaction, key: LockKey): Promise<void> {
  const [param, value] = keyParam(key, '?');
  await run(tx, `select pg_advisory_xact_lock(${param})`, [value]);
}

/** The lock `key` for the rest of the caller's transaction, if no one holds it (false: skip the work). */
export async function tryXactLock(tx: InTransaction, key: LockKey): Promise<boolean> {
  const [param, value] = keyParam(key, '?');
  const [row] = await run(tx, `select pg_try_advisory_xact_lock(${param}) as locked`, [value]);
  return row?.locked === true;
}
