import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_RATES, type TestApp } from '../support/harness.js';
import { replyJson, sleep, type Handler } from './fake-openai.js';

/**
 * Publishes the test rates plus `claude-test`, an Anthropic model: per 1k tokens 3.000 credits of
 * input, 0.300 cache read, 3.750 and 6.000 cache writes (5 min, 1 h), 15.000 output.
 */
export const publishWithClaude = (t: TestApp) =>
  t.services.rateCards.publish(null, {
    name: 'Test rates with Claude',
    rates: [
      ...TEST_RATES,
      {
        model: 'claude-test',
        provider: 'anthropic',
        inputPer1k: '3.000',
        cachedInputPer1k: '0.300',
        cacheWriteInputPer1k: '3.750',
        cacheWrite1hInputPer1k: '6.000',
        outputPer1k: '15.000',
        costInputPer1kUsd: '0.003000',
        costCachedInputPer1kUsd: '0.000300',
        costCacheWriteInputPer1kUsd: '0.003750',
        costCacheWrite1hInputPer1kUsd: '0.006000',
        costOutputPer1kUsd: '0.015000',
        maxOutputTokens: 4096,
      },
    ],
  });

/** A local stand-in for api.anthropic.com's `POST /v1/messages`, driven per test through `handler`. */
export interface FakeAnthropic {
  url: string;
  /** Bodies of every messages request received, in order. */
  calls: any[];
  /** The key of each request (x-api-key, or the bearer token newer SDKs send). */
  keys: (string | undefined)[];
  handler: Handler;
  close(): Promise<void>;
}

export interface AnthropicFakeUsage {
  input: number;
  output: number;
  cacheRead?: number;
  /** Cache writes by TTL; `cacheCreationOnly` reports only the total (no breakdown), as older API versions do. */
  cache5m?: number;
  cache1h?: number;
  cacheCreationOnly?: boolean;
}

export const anthropicUsage = (u: AnthropicFakeUsage) => ({
  input_tokens: u.input,
  output_tokens: u.output,
  cache_read_input_tokens: u.cacheRead ?? 0,
  cache_creation_input_tokens: (u.cache5m ?? 0) + (u.cache1h ?? 0),
  ...(u.cacheCreationOnly
    ? {}
    : { cache_creation: { ephemeral_5m_input_tokens: u.cache5m ?? 0, ephemeral_1h_input_tokens: u.cache1h ?? 0 } }),
  service_tier: 'standard',
});

/** A Message as Anthropic returns it. */
export const messageJson = (body: any, text: string, usage: AnthropicFakeUsage) => ({
  id: 'msg_fake_1',
  type: 'message',
  role: 'assistant',
  model: body.model,
  content: [{ type: 'text', text }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: anthropicUsage(usage),
});

export const anthropicError = (res: http.ServerResponse, status: number, type: string, message: string) =>
  replyJson(res, status, { type: 'error', error: { type, message } });

export interface EventPlan {
  pieces: string[];
  usage: AnthropicFakeUsage;
  delayMs?: number;
  /** Awaited after `gateAfter` pieces (default 0: before the first), so a test can act mid-stream. */
  gate?: Promise<void>;
  gateAfter?: number;
  /** After this many pieces the connection is destroyed: the provider dies mid-stream. */
  dieAfter?: number;
  onDone?: (written: number, clientLeft: boolean) => void;
}

/**
 * SSE as Anthropic streams it: message_start (the input side of usage, output 1), a text block's
 * start, one text_delta per piece, its stop, message_delta (cumulative output tokens), message_stop.
 */
export async function streamEvents(body: any, res: http.ServerResponse, plan: EventPlan) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_fake_anthropic_stream' });
  let left = false;
  res.on('close', () => {
    if (!res.writableFinished) left = true;
  });
  const send = (event: { type: string }) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  send({
    type: 'message_start',
    message: { ...messageJson(body, '', { ...plan.usage, output: 1 }), id: 'msg_fake_s', content: [], stop_reason: null },
  } as { type: string });
  send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } as { type: string });
  res.write('event: ping\ndata: {"type": "ping"}\n\n');
  let written = 0;
  for (const piece of plan.pieces) {
    if (plan.gate && written === (plan.gateAfter ?? 0)) await plan.gate;
    if (plan.delayMs) await sleep(plan.delayMs);
    if (left) break;
    if (plan.dieAfter !== undefined && written >= plan.dieAfter) {
      res.socket?.destroy();
      plan.onDone?.(written, false);
      return;
    }
    send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } } as { type: string });
    written++;
  }
  if (!left) {
    send({ type: 'content_block_stop', index: 0 } as { type: string });
    send({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: plan.usage.output },
    } as { type: string });
    send({ type: 'message_stop' });
    res.end();
  }
  plan.onDone?.(written, left);
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const fake: FakeAnthropic = {
    url: '',
    calls: [],
    keys: [],
    handler: (body, _req, res) => replyJson(res, 200, messageJson(body, 'Hello!', { input: 10, output: 2 })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/messages') return anthropicError(res, 404, 'not_found_error', 'not found');
    const raw: Buffer[] = [];
    for await (const part of req) raw.push(part as Buffer);
    const body = JSON.parse(Buffer.concat(raw).toString('utf8'));
    fake.calls.push(body);
    fake.keys.push((req.headers['x-api-key'] as string | undefined) ?? req.headers.authorization?.replace(/^Bearer /, ''));
    await fake.handler(body, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
