import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchDatabase, percentile } from './bench-support.js';

/**
 * The proxy at 500 requests/s offered against an instant local upstream, without admission
 * control (every request accepted, as before issue 8), with fixed limits, and with the defaults
 * (adaptive): offered vs served vs shed (503 + Retry-After) per second, and the latency of the
 * served (p50/p99) and of the shed. `node server/dist/bench/run-all.js load-shedding`.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1000);
const ACCOUNTS = 200;

/** An OpenAI-compatible upstream that answers at once, in a process of its own (the load generator must not starve it). */
async function instantUpstream(): Promise<{ url: string; close: () => void }> {
  const body = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, prompt_tokens_details: { cached_tokens: 0 } },
  });
  const script = `const body = ${JSON.stringify(body)};
    const s = require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body)); });
    s.listen(0, '127.0.0.1', () => process.stdout.write('ready ' + s.address().port + '\\n'));`;
  const proc = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}/v1`, close: () => proc.kill('SIGTERM') };
}

async function seed(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`
      with card as (insert into rate_cards (name) values ('bench') returning id),
      rates as (
        insert into model_rates (rate_card_id, model, input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k, cost_output_per1k)
        select id, 'gpt-4o-mini', 100, 50, 400, 50, 25, 200 from card
      )
      insert into rate_card_activations (rate_card_id) select id from card`);
    const run = randomBytes(3).toString('hex');
    await c.query(
      `insert into accounts (kind, email) select 'CUSTOMER', 'shed-' || g || '-' || $2 || '@bench.test' from generate_series(1, $1::int) g`,
      [ACCOUNTS, run],
    );
    const accounts = (await c.query<{ id: string }>(`select id from accounts where kind = 'CUSTOMER'`)).rows.map((r) => r.id);
    const keys = accounts.map((id) => `cm_bench_${id.replaceAll('-', '')}`);
    await c.query(
      `insert into api_keys (account_id, role, key_hash, key_prefix) select a, 'USER', h, 'cm_benc' from unnest($1::uuid[], $2::text[]) as x(a, h)`,
      [accounts, keys.map((k) => createHash('sha256').update(k, 'utf8').digest('hex'))],
    );
    await c.query(
      `select creditmeter_post(id, 'BONUS', $1::bigint, 'promotions', null, null, null, 'bench funds', null, null, false) from accounts where kind = 'CUSTOMER'`,
      [(10n ** 13n).toString()],
    );
    return keys;
  } finally {
    await c.end();
  }
}

async function measure(label: string, dbUrl: string, upstream: string, keys: string[], env: Record<string, string>) {
  const proc = spawn(process.execPath, [path.join(here, 'serve.js'), 'app'], {
    env: { ...process.env, BENCH_DATABASE_URL: dbUrl, BENCH_UPSTREAM: upstream, RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const chat = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say ok.' }], max_tokens: 16 });
  const overheads: number[] = [];
  const servedMs: number[] = [];
  const shedMs: number[] = [];
  const statuses = new Map<number, number>();
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    duration: SECONDS,
    connections: CONNECTIONS,
    overallRate: RATE,
    timeout: 120,
    requests: [
      {
        method: 'POST',
        path: '/v1/chat/completions',
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[i++ % keys.length]}` },
          body: chat,
        }),
      },
    ],
    setupClient: (client: { on: (e: string, fn: (...a: any[]) => void) => void }) => {
      client.on('headers', (opts) => {
        // llhttp's headers-complete info: { statusCode, headers: [name, value, name, value, ...] }.
        const h = (opts as { headers?: unknown }).headers ?? opts;
        const list = Array.isArray(h) ? h : Object.entries(h as Record<string, string>).flat();
        for (let j = 0; j < list.length; j += 2)
          if (String(list[j]).toLowerCase() === 'x-creditmeter-overhead-ms') overheads.push(Number(list[j + 1]));
      });
      client.on('response', (status: number, _bytes: number, ms: number) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        (status === 200 ? servedMs : status === 503 ? shedMs : []).push(ms);
      });
    },
  } as never);
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
  for (const list of [overheads, servedMs, shedMs]) list.sort((a, b) => a - b);
  const ok = statuses.get(200) ?? 0;
  const shed = statuses.get(503) ?? 0;
  const figures = {
    label,
    offeredPerSecond: RATE,
    sent: r.requests.sent,
    answered: r.requests.total,
    accepted: ok,
    shed,
    other:
      [...statuses.entries()]
        .filter(([s]) => s !== 200 && s !== 503)
        .map(([s, n]) => `${s}:${n}`)
        .join(' ') || 'none',
    errorsOrTimeouts: r.errors + r.timeouts,
    servedPerSecond: Math.round(ok / SECONDS),
    shedPerSecond: Math.round(shed / SECONDS),
    servedP50Ms: percentile(servedMs, 50),
    servedP99Ms: percentile(servedMs, 99),
    shedP99Ms: percentile(shedMs, 99),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    overheadP50Ms: percentile(overheads, 50),
    overheadP99Ms: percentile(overheads, 99),
  };
  console.log(JSON.stringify(figures));
  return figures;
}

export async function run(): Promise<void> {
  const db = await benchDatabase(4);
  try {
    const keys = await seed(db.url);
    const upstream = await instantUpstream();
    // Before: no admission control (everything accepted and queued inside the process).
    if (!process.env.BENCH_ONLY_AFTER)
      await measure('without admission control', db.url, upstream.url, keys, { PROXY_MAX_IN_FLIGHT: '1000000', PROXY_MAX_QUEUE: '0' });
    // Fixed limits (64 in flight, 128 waiting, 1 s at most in the queue), then the defaults: the same
    // bounds, adapted to saturation and refusing at once whom the queue cannot serve in time.
    if (!process.env.BENCH_ONLY_AFTER)
      await measure('with fixed admission limits', db.url, upstream.url, keys, { ADMISSION_ADAPTIVE: 'false' });
    await measure('with adaptive admission control (defaults)', db.url, upstream.url, keys, {});
    upstream.close();
  } finally {
    await db.close();
  }
}
