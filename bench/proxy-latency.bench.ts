import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { createApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { benchDatabase, percentile } from './bench-support.js';

/**
 * The proxy's added latency: the same chat completions sent with the official SDK straight to a
 * local fake upstream, then through creditmeter (auth, rate lookup, hold, settle, usage row,
 * balance event) to that same fake. Sequential calls, after a warm-up; prints p50/p99 of both and
 * of the difference, plus the server's own `x-creditmeter-overhead-ms`.
 */
const CALLS = Number(process.env.BENCH_PROXY_CALLS ?? 400);
const WARMUP = 50;

function startFakeUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const raw: Buffer[] = [];
    for await (const part of req) raw.push(part as Buffer);
    const body = JSON.parse(Buffer.concat(raw).toString('utf8'));
    const usage = { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28, prompt_tokens_details: { cached_tokens: 0 } };
    const base = { id: 'chatcmpl-bench', created: 1_764_000_000, model: body.model };
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of ['Hello', ' from', ' the', ' fake', ' upstream', '.']) {
        res.write(
          `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
        );
      }
      res.write(
        `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
      );
      if (body.stream_options?.include_usage)
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the fake upstream.' }, finish_reason: 'stop' }],
        usage,
      }),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

async function timeCalls(n: number, call: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const db = await benchDatabase();
  const fake = await startFakeUpstream();
  const config = loadConfig(
    {},
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      OPENAI_API_KEY: 'sk-bench',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      LOG_LEVEL: 'silent',
      HOLD_EXPIRY_INTERVAL_MS: 0,
    },
  );
  const app = await createApp({ config, orm: db.orm, log: createLogger('silent') });
  try {
    const { services } = app;
    await services.rateCards.publish(null, {
      name: 'bench',
      rates: [
        {
          model: 'bench-model',
          inputPer1k: '2.400',
          outputPer1k: '9.600',
          costInputPer1kUsd: '0.001',
          costOutputPer1kUsd: '0.004',
          maxOutputTokens: 256,
        },
      ],
    });
    const account = await services.accounts.create(null, { email: 'bench-proxy@example.test' });
    await services.ledger.post({
      accountId: account.id,
      type: 'BONUS',
      delta: 1_000_000_000n,
      counterparty: 'promotions',
      reason: 'bench',
    });
    const { key } = await services.auth.createKey(null, account.id, 'USER');
    const port = await app.listen(0, '127.0.0.1');

    const direct = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: 'sk-bench', maxRetries: 0 });
    const proxied = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: key, maxRetries: 0 });
    const request = { model: 'bench-model', messages: [{ role: 'user' as const, content: 'Say hello in five words.' }], max_tokens: 64 };
    const overheads: number[] = [];
    const nonStream = async (client: OpenAI, record: boolean) => {
      const { response } = await client.chat.completions.create(request).withResponse();
      if (record) overheads.push(Number(response.headers.get('x-creditmeter-overhead-ms')));
    };
    const stream = async (client: OpenAI) => {
      const s = await client.chat.completions.create({ ...request, stream: true });
      for await (const _chunk of s) {
        /* drain */
      }
    };

    await timeCalls(WARMUP, () => nonStream(direct, false));
    await timeCalls(WARMUP, () => nonStream(proxied, false));
    const directTimes = await timeCalls(CALLS, () => nonStream(direct, false));
    const proxiedTimes = await timeCalls(CALLS, () => nonStream(proxied, true));
    overheads.sort((a, b) => a - b);

    await timeCalls(WARMUP, () => stream(direct));
    await timeCalls(WARMUP, () => stream(proxied));
    const directStream = await timeCalls(CALLS, () => stream(direct));
    const proxiedStream = await timeCalls(CALLS, () => stream(proxied));

    const row = (label: string, d: number[], p: number[]) =>
      console.log(
        `${label.padEnd(12)} direct p50 ${fmt(percentile(d, 50))} p99 ${fmt(percentile(d, 99))} | proxied p50 ${fmt(percentile(p, 50))} p99 ${fmt(percentile(p, 99))} | added p50 ${fmt(percentile(p, 50) - percentile(d, 50))} p99 ${fmt(percentile(p, 99) - percentile(d, 99))}`,
      );
    console.log(
      `${CALLS} sequential calls each (after ${WARMUP} warm-up), local fake upstream, PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}`,
    );
    row('non-stream', directTimes, proxiedTimes);
    row('stream', directStream, proxiedStream);
    console.log(
      `server-reported x-creditmeter-overhead-ms (non-stream): p50 ${fmt(percentile(overheads, 50))} p99 ${fmt(percentile(overheads, 99))}`,
    );
    const [balance] = await services.ledger.balances([account.id]);
    console.log(
      `check: pending after all calls = ${balance.pending} (must be 0); usage rows charged ${(1_000_000_000n - balance.posted).toString()} millicredits`,
    );
  } finally {
    await app.close();
    await fake.close();
    await db.close();
  }
}
