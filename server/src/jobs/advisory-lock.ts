import pg from 'pg';

export interface AdvisoryLocks {
  /**
   * Runs `work` under the session-level advisory lock `key`, on a connection of its own held for
   * as long as the work runs; null (and `work` not started) when another session holds the lock.
   * No transaction stays open meanwhile (jobs call Stripe and OpenAI), and if the process dies
   * the connection closes and PostgreSQL drops the lock.
   */
  tryWith<T>(key: bigint, work: () => Promise<T>): Promise<{ result: Promise<T> } | null>;
  close(): Promise<void>;
}

/** The one locking strategy of scheduled work: PostgreSQL advisory locks, one per job. */
export function createAdvisoryLocks(connectionString: string): AdvisoryLocks {
  const pool = new pg.Pool({ connectionString, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on('error', () => undefined); // an idle lock connection that dies holds no lock; the next call reconnects
  return {
    async tryWith<T>(key: bigint, work: () => Promise<T>) {
      const client = await pool.connect();
      let locked = false;
      try {
        const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key.toString()]);
        locked = rows[0]?.locked === true;
      } finally {
        if (!locked) client.release();
      }
      if (!locked) return null;
      const result = (async () => {
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock($1::bigint)', [key.toString()]).then(
            () => client.release(),
            (err: Error) => client.release(err),
          );
        }
      })();
      return { result };
    },
    close: () => pool.end(),
  };
}
