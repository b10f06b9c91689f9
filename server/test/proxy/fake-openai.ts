import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (body: any, req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface FakeOpenAi {
  url: string;
  /** Bodies of every chat completion request received, in order. */
  calls: any[];
  inFlight: number;
  maxInFlight: number;
  /** What the next requests get; replaced per test. */
  handler: Handler;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FakeUsage {
  prompt: number;
  completion: number;
  cached?: number;
}

export const usageBody = (u: FakeUsage) => ({
  prompt_tokens: u.prompt,
  completion_tokens: u.completion,
  total_tokens: u.prompt + u.completion,
  prompt_tokens_details: { cached_tokens: u.cached ?? 0, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
});

/** A chat.completion as OpenAI returns it. */
export function completionJson(body: any, content: string, usage: FakeUsage) {
  return {
    id: 'chatcmpl-fake-1',
    object: 'chat.completion',
    created: 1_764_000_000,
    model: body.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: usageBody(usage),
    service_tier: 'default',
  };
}

export function replyJson(res: http.ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_fake_123' });
  res.end(JSON.stringify(payload));
}

export interface StreamPlan {
  pieces: string[];
  usage?: FakeUsage;
  delayMs?: number;
  /** Awaited after the role chunk, before the first piece (lets a test act mid-stream). */
  gate?: Promise<void>;
  /** Called with how many pieces were written when the stream ends or the client leaves. */
  onDone?: (written: number, clientLeft: boolean) => void;
}

/**
 * SSE like OpenAI's: a role chunk, one chunk per piece, a finish chunk, then (only when the request
 * asked for stream_options.include_usage) a usage chunk with empty choices; `usage: null` on the
 * others in that case, as OpenAI does.
 */
export async function streamSse(body: any, res: http.ServerResponse, plan: StreamPlan) {
  const withUsage = body.stream_options?.include_usage === true;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_fake_stream' });
  let left = false;
  res.on('close', () => {
    if (!res.writableFinished) left = true;
  });
  const base = { id: 'chatcmpl-fake-s', object: 'chat.completion.chunk', created: 1_764_000_000, model: body.model, system_fingerprint: 'fp_fake' };
  const send = (chunk: object) => res.write(`data: ${JSON.stringify(withUsage ? { ...chunk, usage: null } : chunk)}\n\n`);
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] });
  let written = 0;
  if (plan.gate) await plan.gate;
  for (const piece of plan.pieces) {
    if (plan.delayMs) await sleep(plan.delayMs);
    if (left) break;
    send({ ...base, choices: [{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }] });
    written++;
  }
  if (!left) {
    send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] });
    if (withUsage && plan.usage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: usageBody(plan.usage) })}\n\n`);
    res.write('data: [DONE]\n\n');
    res.end();
  }
  plan.onDone?.(written, left);
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = {
    url: '',
    calls: [],
    inFlight: 0,
    maxInFlight: 0,
    handler: (body, _req, res) => replyJson(res, 200, completionJson(body, 'Hello!', { prompt: 10, completion: 2 })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return replyJson(res, 404, { error: { message: 'not found' } });
    const raw: Buffer[] = [];
    for await (const part of req) raw.push(part as Buffer);
    const body = JSON.parse(Buffer.concat(raw).toString('utf8'));
    fake.calls.push(body);
    fake.inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, fake.inFlight);
    try {
      await fake.handler(body, req, res);
    } finally {
      fake.inFlight--;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
