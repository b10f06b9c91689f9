import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, counterValue } from '../../src/metrics/metrics.js';
import { eventually } from '../support/eventually.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, postingsSum, rawChat, usageRows } from './support.js';

/**
 * The answer goes out before its settle commits. Here the server really dies in that window: it
 * runs as its own process (compiled into a private folder, so no other test's build races it),
 * answers a call whose settle is held back by a row lock, and is killed with SIGKILL before the
 * settle can commit; its database session dies with it.
 */
const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = path.join(server, '.data', 'crash-build');

let t: TestApp;
let fake: FakeOpenAi;
let child: ChildProcess | null = null;
beforeAll(async () => {
  rmSync(build, { recursive: true, force: true });
  await promisify(execFile)(
    process.execPath,
    [path.join(server, '../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', build],
    {
      cwd: server,
    },
  );
  cpSync(path.join(server, 'src/ledger/sql'), path.join(build, 'server/src/ledger/sql'), { recursive: true });
  fake = await startFakeOpenAi();
  t = await startTestApp({ HOLD_EXPIRY_INTERVAL_MS: 0 });
}, 120_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  await t?.close();
  await fake?.close();
  rmSync(build, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startServerProcess(): Promise<string> {
  const port = await freePort();
  child = spawn(process.execPath, [path.join(build, 'server/src/main.js')], {
    cwd: server,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: t.db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENAI_API_KEY: 'sk-fake-upstream',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      HOLD_EXPIRY_INTERVAL_MS: '0',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true, {
    timeoutMs: 30_000,
    what: `the server process to listen (${stderr})`,
  });
  return url;
}

describe('a crash between the answer and its settle', () => {
  it('leaves a hold that expires uncharged and counted; nothing doubled, the books balanced, reconciliation clean', async () => {
    const user = await t.account(1_000_000n);
    const url = await startServerProcess();
    const locker = new pg.Client({ connectionString: t.db.url });
    await locker.connect();
    try {
      // The provider answers only once this test holds the account's row lock, so the settle
      // (which locks the account) cannot commit until the lock goes.
      fake.handler = async (body, _req, res) => {
        await locker.query('begin');
        await locker.query('select 1 from accounts where id = $1 for update', [user.id]);
        replyJson(res, 200, completionJson(body, 'ok', { prompt: 100, completion: 10 }));
      };
      const answered = await rawChat({ url } as TestApp, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] });
      expect(answered.status).toBe(200);
      expect(answered.headers.get('x-creditmeter-charged-millicredits')).toBe('336');

      // The settle is queued behind the lock; the process dies, and its database sessions with it.
      await eventually(
        async () =>
          (
            await t.db.query(
              `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%creditmeter_batch%'`,
            )
          ).length > 0,
        { what: 'the settle waiting on the lock' },
      );
      child!.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      await t.db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like '%creditmeter_batch%'`,
      );
      await locker.query('rollback');

      const [hold] = await holdsOf(t, user.id);
      expect(hold.state).toBe('HELD');
      expect(await usageRows(t, user.id)).toHaveLength(0);

      // Its TTL passes (moved forward here instead of waited for); the expiry job releases it.
      const expiredBefore = await counterValue(counters.holdsExpired);
      await t.db.query(`update holds set expires_at = now() - interval '1 second' where id = $1`, [hold.id]);
      expect(await t.services.holds.releaseExpired()).toBe(1);
      expect(await counterValue(counters.holdsExpired)).toBe(expiredBefore + 1);
      expect(await t.services.holds.releaseExpired()).toBe(0);

      // Uncharged, nothing doubled, the ledger balanced.
      expect((await holdsOf(t, user.id)).map((h) => h.state)).toEqual(['EXPIRED']);
      expect(await usageRows(t, user.id)).toHaveLength(0);
      expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });
      expect(await postingsSum(t, user.id)).toBe(1_000_000n);
      const run = await t.services.reconciliation.runNow('MANUAL', new Date().toISOString().slice(0, 10), null);
      expect(run.status).toBe('SUCCEEDED');
      expect(await t.services.reconciliation.findings(run.id)).toEqual([]);
    } finally {
      await locker.end();
    }
  });
});
