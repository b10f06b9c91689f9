import { fork } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { percentile } from './bench-support.js';
import {
  EVENTS_PER_SECOND,
  fmt,
  gqlRequest,
  here,
  load,
  log,
  REDIS_URL,
  SECONDS,
  serve,
  SUBSCRIBERS,
  type Row,
  type Served,
} from './report-support.js';

/**
 * The figures that need Redis: the live fan-out (SUBSCRIBERS graphql-ws clients on one instance,
 * EVENTS_PER_SECOND balance events injected through Redis, spread charges running meanwhile) and
 * two instances behind one port (node:cluster) against one, both with Redis.
 */
export interface LiveInput {
  dbUrl: string;
  /** Keys and accounts that charge (disjoint from the subscribers', so their events never mix). */
  chargeKeys: string[];
  subscribers: { key: string; accountId: string }[];
  /** An account (and its key) whose watchers check that both instances deliver every event. */
  watched: { accountId: string; key: string };
  chargeBody: () => string;
}

const FANOUT_TARGET = 'p99 event-to-client ≤ 200 ms; charges drop ≤ 20%; each event executed once and shared';
const INSTANCES_TARGET = 'spread charges ≥ 1.6× one instance; subscribers on either see every event';

async function redisUp(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

function ask<T>(child: ReturnType<typeof fork>, msg: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => ((m as { error?: string }).error ? reject(new Error((m as { error: string }).error)) : resolve(m as T)));
    child.send(msg as never);
  });
}

const chargeLoad = (server: Served, input: LiveInput) => {
  let i = 0;
  return load(server, {
    url: server.url,
    connections: 32,
    requests: [gqlRequest(input.chargeBody, () => input.chargeKeys[i++ % input.chargeKeys.length])],
  });
};

export async function liveFigures(input: LiveInput): Promise<Row[]> {
  if (!(await redisUp())) {
    log(`Redis at ${REDIS_URL} is unreachable: the fan-out and two-instance figures need it`);
    const missing = `not measured: no Redis at ${REDIS_URL} (set REDIS_URL)`;
    return [
      {
        figure: `live fan-out: ${fmt(SUBSCRIBERS)} graphql-ws subscribers`,
        measured: missing,
        target: FANOUT_TARGET,
        pass: false,
        rssMb: null,
      },
      { figure: 'two instances behind one port with Redis', measured: missing, target: INSTANCES_TARGET, pass: false, rssMb: null },
    ];
  }
  const env = { BENCH_DATABASE_URL: input.dbUrl, REDIS_URL };
  const one = await serve('app', env);
  await chargeLoad(one, input); // warm-up: keys cached, JIT
  const alone = await chargeLoad(one, input);
  const aloneRps = alone.r.requests.average;
  log(`one instance with Redis: ${fmt(aloneRps)} charges/s`);

  const clients = fork(path.join(here, 'fanout-clients.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const wsUrl = `${one.url.replace('http', 'ws')}/graphql`;
  const connected = await ask<{ connected: number; ms: number }>(clients, { cmd: 'connect', url: wsUrl, subscribers: input.subscribers });
  log(`${connected.connected} subscribers connected in ${fmt(connected.ms / 1000, 1)} s`);
  const [fan, during] = await Promise.all([
    ask<{ sent: number; received: number; perSecond: number; p50: number; p99: number; max: number }>(clients, {
      cmd: 'publish',
      redisUrl: REDIS_URL,
      perSecond: EVENTS_PER_SECOND,
      seconds: SECONDS,
    }),
    chargeLoad(one, input),
  ]);
  clients.send({ cmd: 'close' });
  await one.stop();
  const duringRps = during.r.requests.average;
  const drop = 1 - duringRps / aloneRps;
  const fanout: Row = {
    figure: `live fan-out: ${fmt(connected.connected)} graphql-ws subscribers on one process, ${fmt(EVENTS_PER_SECOND)} balance events/s over them`,
    measured: `${fmt(fan.perSecond)} events/s injected through Redis, ${fmt(fan.received)} of ${fmt(fan.sent)} delivered; event-to-client p50 ${fmt(fan.p50, 1)} ms, p99 ${fmt(fan.p99, 1)} ms, max ${fmt(fan.max)} ms; spread charges meanwhile ${fmt(duringRps)}/s vs ${fmt(aloneRps)}/s without (drop ${fmt(drop * 100)}%); one subscriber per account; each event is executed and serialised once per account and subscription document on the instance, and that one JSON payload is written to every socket of the account in its own next envelope (graphql/ws-fanout.ts)`,
    target: FANOUT_TARGET,
    pass: fan.p99 <= 200 && drop <= 0.2 && fan.received === fan.sent,
    rssMb: during.rssMb,
  };
  log(fanout.measured);

  const two = await serve('app', { ...env, BENCH_INSTANCES: '2' });
  await chargeLoad(two, input);
  const pair = await chargeLoad(two, input);
  const seen = await everyEventOnBoth(two, input);
  await two.stop();
  const pairRps = pair.r.requests.average;
  const instances: Row = {
    figure: 'two instances behind one port with Redis (node:cluster, round-robin)',
    measured: `${fmt(pairRps)}/s vs ${fmt(aloneRps)}/s on one (${fmt(pairRps / aloneRps, 2)}×), p99 ${pair.r.latency.p99} ms; ${seen.watchers} subscribers spread over both saw ${seen.ok ? 'every' : 'NOT every'} event of ${seen.charges} charges (charge answered → last subscriber: p50 ${fmt(seen.p50, 1)} ms, p99 ${fmt(seen.p99, 1)} ms)`,
    target: INSTANCES_TARGET,
    pass: pairRps >= 1.6 * aloneRps && seen.ok,
    rssMb: pair.rssMb,
  };
  log(instances.measured);
  return [fanout, instances];
}

/**
 * Watchers of one account, connected through the shared port (round-robin puts them on both
 * instances), then charges one at a time: every watcher must see every resulting balance.
 */
async function everyEventOnBoth(server: Served, input: LiveInput) {
  const WATCHERS = 8;
  const CHARGES = 50;
  const url = `${server.url.replace('http', 'ws')}/graphql`;
  const last: string[] = Array(WATCHERS).fill('');
  const counts: number[] = Array(WATCHERS).fill(0);
  let onMessage = () => {};
  const sockets = await Promise.all(
    Array.from(
      { length: WATCHERS },
      (_, w) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, 'graphql-transport-ws');
          ws.on('open', () =>
            ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${input.watched.key}` } })),
          );
          ws.on('error', reject);
          ws.on('message', (raw: Buffer) => {
            const msg = JSON.parse(raw.toString()) as {
              type: string;
              payload?: { data?: { balanceUpdated?: { balanceMillicredits: string } } };
            };
            if (msg.type === 'connection_ack')
              ws.send(
                JSON.stringify({
                  id: '1',
                  type: 'subscribe',
                  payload: { query: 'subscription { balanceUpdated { balanceMillicredits } }' },
                }),
              );
            if (msg.type !== 'next') return;
            if (!counts[w]) resolve(ws);
            counts[w] += 1;
            last[w] = msg.payload!.data!.balanceUpdated!.balanceMillicredits;
            onMessage();
          });
        }),
    ),
  );
  const gql = async <T>(body: string): Promise<T> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${input.watched.key}` },
      body,
    });
    return ((await res.json()) as { data: T }).data;
  };
  let balance = BigInt(
    (
      await gql<{ me: { balance: { balanceMillicredits: string } } }>(
        JSON.stringify({ query: '{ me { balance { balanceMillicredits } } }' }),
      )
    ).me.balance.balanceMillicredits,
  );
  const delays: number[] = [];
  let ok = true;
  for (let i = 0; i < CHARGES; i++) {
    const charged = await gql<{ recordUsage: { chargedMillicredits: string } }>(input.chargeBody());
    const t0 = performance.now();
    balance -= BigInt(charged.recordUsage.chargedMillicredits);
    const all = () => last.every((b) => b === balance.toString());
    const deadline = t0 + 2000;
    while (!all() && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        onMessage = resolve;
        setTimeout(resolve, 100);
      });
    }
    if (!all()) ok = false;
    delays.push(performance.now() - t0);
  }
  for (const ws of sockets) ws.terminate();
  delays.sort((a, b) => a - b);
  return { watchers: WATCHERS, charges: CHARGES, ok, p50: percentile(delays, 50), p99: percentile(delays, 99) };
}
