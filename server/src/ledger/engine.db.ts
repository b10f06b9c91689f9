import { swallowed } from '../shared/errors.js';
import type { Named } from './queries/statements.js';
import pg from 'pg';

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

  async close(): Promise<void> {
    await this.pool.end();
  }
}
