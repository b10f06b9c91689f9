import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '../../src/config.js';

/** A port nobody listens on right now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * `npm start` at the repository root, as a user runs it (embedded PostgreSQL under a fresh
 * DATA_DIR), until the server says it listens. Returns the pids it reports and its exit.
 */
async function startServer(opts: { dataDir?: string; sigtermOn?: RegExp } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cm-lifecycle-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, which must reach it
  dirs.push(dataDir);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    SEED_DEMO: 'false',
    FINANCE_JOBS: 'false',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.HOST;
  for (const name of Object.keys(env)) if (name.startsWith('BOOTSTRAP_ADMIN_')) delete env[name];
  const npm = spawn('npm', ['start'], { cwd: findRepoRoot(), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const listening = await new Promise<{ pid: number; embeddedPostgresPid: number; host: string; port: number }>((resolve, reject) => {
    let signalled = false;
    createInterface({ input: npm.stdout }).on('line', (line) => {
      output += `${line}\n`;
      if (opts.sigtermOn && !signalled && opts.sigtermOn.test(line)) {
        signalled = true;
        npm.kill('SIGTERM');
      }
      if (line.includes('creditmeter listening on')) resolve(JSON.parse(line));
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
  });
  return { npm, listening, exited, port, dataDir, output: () => output };
}

/** The exit code, or a failure that shows what the server printed when it has not exited in time. */
async function exitOf(s: Awaited<ReturnType<typeof startServer>>, withinMs = 120_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`npm start had not exited ${withinMs} ms after the signal:\n${s.output()}`)), withinMs);
  });
  try {
    return await Promise.race([s.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start lifecycle', () => {
  it('SIGTERM to the npm process stops the server and the embedded PostgreSQL, exits 0, says so, no npm error', async () => {
    const s = await startServer();
    expect(alive(s.listening.pid) && alive(s.listening.embeddedPostgresPid)).toBe(true);
    s.npm.kill('SIGTERM');
    expect(await exitOf(s)).toBe(0);
    expect(s.output()).toContain('creditmeter stopped cleanly (SIGTERM): server closed, embedded PostgreSQL stopped');
    expect(s.output()).not.toMatch(/npm error|npm ERR!/);
    expect(alive(s.listening.pid)).toBe(false);
    expect(alive(s.listening.embeddedPostgresPid)).toBe(false);
  }, 300_000);

  it('Ctrl-C (SIGINT to the whole process group, as a terminal sends it) does the same', async () => {
    const s = await startServer();
    process.kill(-s.npm.pid!, 'SIGINT');
    expect(await exitOf(s)).toBe(0);
    expect(s.output()).toContain('creditmeter stopped cleanly (SIGINT)');
    expect(s.output()).not.toMatch(/npm error|npm ERR!/);
    expect(alive(s.listening.pid)).toBe(false);
    expect(alive(s.listening.embeddedPostgresPid)).toBe(false);
  }, 300_000);

  it('a SIGTERM while the server is still starting is kept: it finishes starting, then stops cleanly', async () => {
    const s = await startServer({ sigtermOn: /embedded PostgreSQL started/ });
    expect(await exitOf(s)).toBe(0);
    expect(s.output()).toContain('creditmeter stopped cleanly (SIGTERM)');
    expect(alive(s.listening.pid)).toBe(false);
    expect(alive(s.listening.embeddedPostgresPid)).toBe(false);
  }, 300_000);

  // The test writes the repository's .env: never over one a developer keeps there.
  const envFile = path.join(findRepoRoot(), '.env');
  it.skipIf(existsSync(envFile))(
    'reads .env (the environment wins), listens on loopback, and a later start with another bootstrap email adds no ADMIN',
    async () => {
      try {
        writeFileSync(
          envFile,
          'BOOTSTRAP_ADMIN_EMAIL=dotenv-admin@ops.example.test\nBOOTSTRAP_ADMIN_PASSWORD="dotenv password 123"\nPORT=1\n',
        );
        const first = await startServer();
        expect(first.listening).toMatchObject({ host: '127.0.0.1', port: first.port }); // PORT from the environment, not .env
        expect(first.output()).toContain('BOOTSTRAP_ADMIN_EMAIL: console ADMIN created');
        // Stopped at the server itself: npm's own signal forwarding is the first test's subject.
        process.kill(first.listening.pid, 'SIGTERM');
        expect(await exitOf(first)).toBe(0);

        writeFileSync(envFile, 'BOOTSTRAP_ADMIN_EMAIL=someone-else@ops.example.test\nBOOTSTRAP_ADMIN_PASSWORD="another password 456"\n');
        const second = await startServer({ dataDir: first.dataDir });
        expect(second.output()).toContain('BOOTSTRAP_ADMIN_EMAIL ignored: an ADMIN already exists, so no second ADMIN was created');
        process.kill(second.listening.pid, 'SIGTERM');
        expect(await exitOf(second)).toBe(0);
      } finally {
        rmSync(envFile, { force: true });
      }
    },
    600_000,
  );
});
