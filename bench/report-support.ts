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
/** Per-key requests per minute for the server under load: far above any row's rate (one hot key runs thousands a second). */
export const BENCH_RATE_LIMIT = '10000000';

export interface Row {
  figure: string;
  measured: string;
  target: string;
  pass: boolean | null;
  rssMb: number | null;
  /** The server's CPU ms per answered request during the figure's load (utime + stime from /proc), when measured. */
  cpuMs?: number | null;
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
  /** CPU time (user + system) the server's processes have used so far, in ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number;
  stop(): Promise<void>;
}

// /proc/<pid>/stat counts CPU in clock ticks (USER_HZ); 100 on every Linux this runs on, asked once.
let ticksPerSecond = 0;
function clockTicks(): number {
  if (!ticksPerSecond) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of one process, in ms: fields 14 and 15 of /proc/<pid>/stat, counted after the "(comm)" that may hold spaces. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return NaN;
  }
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
    cpuMs: () => pids.reduce((ms, pid) => ms + processCpuMs(pid), 0),
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

export interface Loaded {
  r: Result;
  rssMb: number;
  /** The server's CPU ms per 2xx answer over the load and the work it finished after it (see `measure`). */
  cpuMs: number;
}

/**
 * One load on `server`: its peak RSS, and its CPU per answer, read before the load and again
 * once the server has finished what the load left it (`drained`, e.g. settles committed after their
 * responses, then CPU idle), so work done after an answer is counted against it.
 */
export async function measure<T>(
  server: Served,
  run: () => Promise<T>,
  answered: (result: T) => number,
  drained?: () => Promise<void>,
): Promise<{ result: T; rssMb: number; cpuMs: number }> {
  server.resetPeak();
  const before = server.cpuMs();
  const result = await run();
  const rssMb = server.peakMb();
  await drained?.();
  await cpuIdle(server);
  return { result, rssMb, cpuMs: (server.cpuMs() - before) / Math.max(1, answered(result)) };
}

/** An autocannon load of SECONDS on `server` (see `measure`); CPU per 2xx answer. */
export async function load(server: Served, opts: Parameters<typeof autocannon>[0], drained?: () => Promise<void>): Promise<Loaded> {
  const m = await measure(
    server,
    () => autocannon({ duration: SECONDS, ...opts }),
    (r) => r['2xx'],
    drained,
  );
  return { r: m.result, rssMb: m.rssMb, cpuMs: m.cpuMs };
}

/** Until the server's CPU stays below a tenth of a core for 200 ms (at most 5 s). */
export async function cpuIdle(server: Served): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = server.cpuMs();
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = server.cpuMs();
    quiet = now - last <= 10 ? quiet + 1 : 0;
    last = now;
  }
}

/** `0.42 ms (1.8× hello-world)` */
export const cpuCell = (ms: number | null | undefined, helloMs: number) =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? '—' : `${fmt(ms, 2)} ms (${fmt(ms / helloMs, 1)}× hello-world)`;

export const gqlRequest = (body: () => string, key: () => string) => ({
  method: 'POST',
  path: '/graphql',
  setupRequest: (req: Record<string, unknown>) => ({
    ...req,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key()}` },
    body: body(),
  }),
});
