import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { gauges } from '../../src/metrics/metrics.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { graphql } from '../gql/index.js';
import { eventually } from '../support/eventually.js';
import { rawChat } from '../proxy/support.js';

const Charge = graphql(`
  mutation OutageCharge($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      chargedMillicredits
    }
  }
`);

/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const health = async (t: TestApp) => {
  const res = await fetch(`${t.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; pubsub: string } };
};
const pubsubUp = async () => (await gauges.pubsubUp.get()).values[0]?.value;

async function chargesGoOn(t: TestApp, user: { id: string; key: string }, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    const res = await t.gql(
      Charge,
      { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: `${tag}-${i}` } },
      user.key,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordUsage.chargedMillicredits).toBe('100');
  }
  expect((await rawChat(t, user.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 })).status).toBe(
    200,
  );
}

describe('Redis unreachable from the start', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('serves charges, reports the degraded fan-out in /healthz (still 200) and pubsub_up 0', async () => {
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    const user = await t.account(1_000_000n);
    await chargesGoOn(t, user, 20, 'closed');
    const { status, body } = await health(t);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'degraded', pubsub: 'down' });
    expect(await pubsubUp()).toBe(0);
    // Still alive after the retries: more charges.
    await chargesGoOn(t, user, 5, 'closed-later');
  });
});

describe('Redis going away and coming back mid-run', () => {
  let t: TestApp;
  let redis: ChildProcess | null = null;
  const startRedis = (port: number) => {
    const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    redis = child;
    return child;
  };
  const stopRedis = async () => {
    const child = redis;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  afterAll(async () => {
    await t?.close();
    await stopRedis();
  });

  it('keeps charging while Redis is down and recovers by itself when it returns', async () => {
    const port = await freePort();
    startRedis(port);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const user = await t.account(1_000_000n);
    await eventually(async () => (await health(t)).body.pubsub === 'up', { timeoutMs: 15_000, what: 'pubsub up' });
    expect(await pubsubUp()).toBe(1);
    await chargesGoOn(t, user, 3, 'before');

    await stopRedis();
    await eventually(async () => (await health(t)).body.pubsub === 'down', { timeoutMs: 15_000, what: 'pubsub down' });
    expect((await health(t)).status).toBe(200);
    expect(await pubsubUp()).toBe(0);
    await chargesGoOn(t, user, 10, 'during');

    startRedis(port);
    await eventually(async () => (await health(t)).body.pubsub === 'up', { timeoutMs: 15_000, what: 'pubsub up' });
    expect(await pubsubUp()).toBe(1);
    await chargesGoOn(t, user, 3, 'after');
    const [row] = await t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [user.id]);
    expect(BigInt(row.posted)).toBeLessThan(1_000_000n - 1600n);
  });
});
