import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  adminKey: string;
  staff: { email: string; password: string };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The real server (`npm start`'s entry point, built JS) on its own embedded PostgreSQL in a fresh
 * temporary directory: the test database. Resolves when the server logs that it is listening.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'creditmeter-e2e-'));
  chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const [port, pgPort] = [await freePort(), await freePort()];
  const url = `http://localhost:${port}`;
  const adminKey = `cm_e2e_admin_${Math.random().toString(36).slice(2)}_key`;
  const staff = { email: 'admin@e2e.test', password: 'e2e-admin-password-123' };
  // Started through an import so that no "pkill -f dist/server/src/main.js" elsewhere on a shared machine stops it.
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', 'await import(process.env.CREDITMETER_ENTRY)'], {
    cwd: repoRoot,
    env: {
      CREDITMETER_ENTRY: pathToFileURL(path.join(repoRoot, 'server/dist/server/src/main.js')).href,
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_APP_URL: url,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      BOOTSTRAP_ADMIN_KEY: adminKey,
      BOOTSTRAP_ADMIN_EMAIL: staff.email,
      BOOTSTRAP_ADMIN_PASSWORD: staff.password,
      INTRO_BONUS_MILLICREDITS: '0',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The whole server log, for when a browser test fails.
  mkdirSync(path.join(repoRoot, '.data'), { recursive: true });
  const log = createWriteStream(path.join(repoRoot, '.data/e2e-server.log'));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('creditmeter listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output.slice(-4000)}`)));
  });
  return {
    url,
    adminKey,
    staff,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
