import { swallowed } from '../shared/errors.js';
import { TRANSACTION, type Named } from './queries/statements.js';
import pg from 'pg';
import type { Sql } from '../db/sql.js';

/** `?` placeholders (the `Sql` convention) to `$n`, outside quoted literals and identifiers. */
export function toDollarParams(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

/** The `Sql` interface over one pg connection (e.g. for posting hooks inside an engine transaction). */
export const sqlOverClient = (client: pg.PoolClient): Sql => ({
  query: async <T>(text: string, params: unknown[] = []) => (await client.query(toDollarParams(text), params)).rows as T[],
});

/** Connection loss (not a refusal): the statement may or may not have committed. */
export function isConnectionLoss(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e?.code && ['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED'].includes(e.code))
    return true;
  return /Connection terminated|connection error|Client has encountered a connection error/i.test(e?.message ?? '');
}

/**
 * The ledger's own pool: a direct `pg` pool whose hot statements are named, so each connection
 * prepares them once and then only binds and executes (MikroORM's `execute` inlines parameters
 * into the text, which PostgreSQL parses and plans on every call).
 */
export class LedgerDb {
  readonly pool: pg.Pool;

  constructor(connectionString: string, max: number) {
    // Each connection caches the plans of the engine's PL/pgSQL statements: one made while a table
    // was small (a fresh database) may scan it whole until the connection goes. A bounded lifetime
    // re-plans them against the tables as they are now.
    this.pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000, maxLifetimeSeconds: 120 });
    // An idle connection that dies (server restart, pg_terminate_backend) must not crash the process.
    this.pool.on('error', (err) => swallowed(err, 'ledger-pool.idle-connection'));
  }

  async call<T extends pg.QueryResultRow>(statement: Named, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>({ name: statement.name, text: statement.text, values })).rows;
  }

  /** One transaction on one connection: `fn` gets the named-statement runner and an `Sql` for hooks. */
  async transaction<T>(
    fn: (tx: { call: <R extends pg.QueryResultRow>(s: Named, v: unknown[]) => Promise<R[]>; sql: Sql }) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(TRANSACTION.begin);
      const result = await fn({
        call: async <R extends pg.QueryResultRow>(s: Named, v: unknown[]) =>
          (await client.query<R>({ name: s.name, text: s.text, values: v })).rows,
        sql: sqlOverClient(client),
      });
      await client.query(TRANSACTION.commit);
      return result;
    } catch (err) {
      broken = isConnectionLoss(err);
      if (!broken) await client.query(TRANSACTION.rollback).catch(() => (broken = true));
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
