import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { percentile } from './bench-support.js';

/**
 * The live fan-out figure's other side, in a process of its own (so neither the load generator nor
 * these sockets steal the other's event loop): N graphql-ws subscribers of `balanceUpdated`, one
 * per account, and a Redis publisher injecting balance events on the channels every instance
 * listens to. An injected event carries its send time (µs) as the balance, so each delivery's
 * latency is measured on one clock. Driven over IPC by report-live.ts.
 */
type Command =
  | { cmd: 'connect'; url: string; subscribers: { key: string; accountId: string }[] }
  | { cmd: 'publish'; redisUrl: string; perSecond: number; seconds: number }
  | { cmd: 'close' };

const SUBSCRIPTION = 'subscription { balanceUpdated { balanceMillicredits heldMillicredits } }';
/** Injected balances are send times in µs (> 10^15); a real balance of the bench stays below. */
const INJECTED_ABOVE = 10n ** 15n;
const nowMicros = () => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));

const sockets: WebSocket[] = [];
const latencies: number[] = [];
let accounts: string[] = [];
let received = 0;

function subscriber(url: string, key: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    let registered = false;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } })));
    ws.on('error', reject);
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString()) as { type: string; payload?: { data?: { balanceUpdated?: { balanceMillicredits: string } } } };
      if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
      if (msg.type !== 'next') return;
      const balance = BigInt(msg.payload?.data?.balanceUpdated?.balanceMillicredits ?? '0');
      // The first message (the current balance) says the subscription is registered.
      if (!registered) {
        registered = true;
        sockets.push(ws);
        resolve(ws);
      }
      if (balance > INJECTED_ABOVE) {
        received += 1;
        latencies.push(Number(nowMicros() - balance) / 1000);
      }
    });
  });
}

async function connect(url: string, subscribers: { key: string; accountId: string }[]) {
  const started = performance.now();
  accounts = subscribers.map((s) => s.accountId);
  // A few hundred handshakes at a time: the server authenticates each key once.
  for (let i = 0; i < subscribers.length; i += 250) {
    await Promise.all(subscribers.slice(i, i + 250).map((s) => subscriber(url, s.key)));
  }
  return { connected: sockets.length, ms: performance.now() - started };
}

async function publish(redisUrl: string, perSecond: number, seconds: number) {
  const redis = new Redis(redisUrl);
  latencies.length = 0;
  received = 0;
  let sent = 0;
  const tickMs = 10;
  const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(perSecond * seconds, Math.round(((performance.now() - started) / 1000) * perSecond) + perTick);
      const pipeline = redis.pipeline();
      for (; sent < due; sent++) {
        const accountId = accounts[sent % accounts.length];
        const payload = { accountId, posted: nowMicros().toString(), pending: '0', updatedAt: new Date().toISOString() };
        pipeline.publish(`BALANCE_UPDATED:${accountId}`, JSON.stringify(payload));
      }
      void pipeline.exec();
      if (sent >= perSecond * seconds) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  const elapsed = (performance.now() - started) / 1000;
  // Let the last events arrive (or be counted missing).
  const deadline = performance.now() + 3000;
  while (received < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  redis.disconnect();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    sent,
    received,
    perSecond: sent / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

process.on('message', (m: Command) => {
  const reply = (r: unknown) => process.send!(r);
  if (m.cmd === 'connect') void connect(m.url, m.subscribers).then(reply, (e: unknown) => reply({ error: String(e) }));
  if (m.cmd === 'publish') void publish(m.redisUrl, m.perSecond, m.seconds).then(reply, (e: unknown) => reply({ error: String(e) }));
  if (m.cmd === 'close') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
