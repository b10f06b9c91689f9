import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { findRepoRoot } from '../server/src/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/src/db/embedded.js';

/** Shared by the report's parts: the database server, the server under load, the load generator. */
export const here = path.dirname(fileURLToPath(import.meta.url));
/** BENCH_SIZE=small: every figure at a fraction of its size (a quick run; the report says so). */
export const SMALL = process.env.BENCH_SIZE === 'small';
const sized = (name: string, full: number, small: number) => Number(process.env[name] ?? (SMALL ? small : full));
export const SECONDS = sized('BENCH_SECONDS', 8, 3);
export const ACCOUNTS = sized('BENCH_ACCOUNTS', 10_000, 2_000);
export const SUBSCRIBERS = sized('BENCH_SUBSCRIBERS', 5_000, 500);
export const EVENTS_PER_SECOND = sized('BENCH_EVENTS_PER_SECOND', 10_000, 1_000);
export const FINANCE_ROWS = sized('BENCH_FINANCE_ROWS', 5_000_000, 500_000);
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Row {
  figure: string;
  measured: string;
  target: string;
  pass: boolean | null;
  rssMb: number | null;
}
export const log = (...args: unknown[]) => console.log(...args);
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// --- the database server: DATABASE_URL's, else an embedded PostgreSQL under .data/bench ------------
let adminUrl = process.env.DATABASE_URL ?? '';
let embedded: EmbeddedDatabase | null = null;

export async function startDatabaseServer(): Promise<string> {
  if (!adminUrl) {
    log('DATABASE_URL unset: starting an embedded PostgreSQL...');
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(findRepoRoot(), '.data', 'bench'),
      port: Number(process.env.BENCH_PG_PORT ?? 54331),
      database: 'postgres',
    });
    adminUrl = embedded.url;
  }
  return embedded ? 'embedded PostgreSQL (DATABASE_URL unset)' : 'PostgreSQL at DATABASE_URL';
}

export const stopDatabaseServer = async () => embedded?.stop();

export function dbUrl(name: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  return { name, url: dbUrl(name) };
}

export const dropDatabase = (name: string) => admin((c) => c.query(`drop database if exists ${name} with (force)`));

/** pgbench TPC-B (scale 10, 16 clients) on the same server; null when no pgbench is installed. */
export async function pgbenchTps(): Promise<{ tps: number; version: string } | null> {
  let version: string;
  try {
    version = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
  const { name } = await createDatabase('cm_pgbench');
  const u = new URL(dbUrl(name));
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  try {
    execFileSync('pgbench', [...args, '-i', '-s', '10', '-q', name], { stdio: 'ignore', env });
    const out = execFileSync('pgbench', [...args, '-c', '16', '-j', '2', '-T', String(Math.max(SECONDS, 10)), '-n', name], {
      encoding: 'utf8',
      env,
    });
    return { tps: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN), version };
  } finally {
    await dropDatabase(name);
  }
}

// --- the server under load, in its own process ----------------------------------------------------
export interface Served {
  proc: ChildProcess;
  url: string;
  resetPeak(): void;
  peakMb(): number;
  stop(): Promise<void>;
}

export async function serve(mode: 'app' | 'hello', env: Record<string, string> = {}): Promise<Served> {
  // BENCH_NODE_ARGS: extra node flags for the server under load, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (env.BENCH_NODE_ARGS ?? process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, path.join(here, 'serve.js'), mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port, pids] = await new Promise<[number, number[]]>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+) ([\d,]+)/.exec(out);
      if (m) resolve([Number(m[1]), m[2].split(',').map(Number)]);
    });
    proc.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  // With BENCH_INSTANCES > 1 the peak is the sum of the instances' peaks.
  const hwm = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return {
    proc,
    url: `http://127.0.0.1:${port}`,
    // Linux: writing 5 to clear_refs resets the peak RSS (VmHWM), so each figure gets its own peak.
    resetPeak: () => {
      try {
        for (const pid of pids) writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        /* not Linux: the peak is then the process's lifetime peak */
      }
    },
    peakMb: () => Math.round(pids.reduce((kb, pid) => kb + hwm(pid), 0) / 1024),
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export async function load(server: Served, opts: Parameters<typeof autocannon>[0]): Promise<{ r: Result; rssMb: number }> {
  server.resetPeak();
  const r = await autocannon({ duration: SECONDS, ...opts });
  return { r, rssMb: server.peakMb() };
}

export const gqlRequest = (body: () => string, key: () => string) => ({
  method: 'POST',
  path: '/graphql',
  setupRequest: (req: Record<string, unknown>) => ({
    ...req,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key()}` },
    body: body(),
  }),
});
