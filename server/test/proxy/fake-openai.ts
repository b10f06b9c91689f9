import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (body: any, req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface FakeOpenAi {
  url: string;
  /** Bodies of every request received (chat completions, responses, embeddings), in order. */
  calls: any[];
  /** The path of each request in `calls`. */
  paths: string[];
  inFlight: number;
  maxInFlight: number;
  /** What the next requests get; replaced per test. */
  handler: Handler;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FakeUsage {
  /** All prompt tokens, cached and audio included (OpenAI's prompt_tokens). */
  prompt: number;
  /** All output tokens, reasoning and audio included (OpenAI's completion_tokens). */
  completion: number;
  cached?: number;
  audioInput?: number;
  audioOutput?: number;
  reasoning?: number;
}

export const usageBody = (u: FakeUsage) => ({
  prompt_tokens: u.prompt,
  completion_tokens: u.completion,
  total_tokens: u.prompt + u.completion,
  prompt_tokens_details: { cached_tokens: u.cached ?? 0, audio_tokens: u.audioInput ?? 0 },
  completion_tokens_details: {
    reasoning_tokens: u.reasoning ?? 0,
    audio_tokens: u.audioOutput ?? 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
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
  const base = {
    id: 'chatcmpl-fake-s',
    object: 'chat.completion.chunk',
    created: 1_764_000_000,
    model: body.model,
    system_fingerprint: 'fp_fake',
  };
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

const FAKE_PATHS = ['/v1/chat/completions', '/v1/responses', '/v1/embeddings'];

/** Usage of a Responses answer, every token class it reports. */
export interface FakeResponsesUsage {
  input: number;
  cached?: number;
  cacheWrite?: number;
  output: number;
  reasoning?: number;
}

export const responsesUsageBody = (u: FakeResponsesUsage) => ({
  input_tokens: u.input,
  input_tokens_details: { cached_tokens: u.cached ?? 0, cache_write_tokens: u.cacheWrite ?? 0 },
  output_tokens: u.output,
  output_tokens_details: { reasoning_tokens: u.reasoning ?? 0 },
  total_tokens: u.input + u.output,
});

const responseObject = (body: any, status: string, output: unknown[], usage: FakeResponsesUsage | null) => ({
  id: 'resp_fake_1',
  object: 'response',
  created_at: 1_764_000_000,
  status,
  model: body.model,
  output,
  error: null,
  incomplete_details: null,
  instructions: body.instructions ?? null,
  max_output_tokens: body.max_output_tokens ?? null,
  metadata: {},
  parallel_tool_calls: true,
  temperature: 1,
  tool_choice: 'auto',
  tools: [],
  top_p: 1,
  usage: usage ? responsesUsageBody(usage) : null,
});

const messageItem = (text: string, status = 'completed') => ({
  id: 'msg_fake_1',
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
});

/** A Responses API answer as OpenAI returns it: one reasoning item and one message. */
export const responseJson = (body: any, text: string, usage: FakeResponsesUsage) =>
  responseObject(body, 'completed', [{ id: 'rs_fake_1', type: 'reasoning', summary: [] }, messageItem(text)], usage);

export interface ResponsesStreamPlan extends Omit<StreamPlan, 'usage'> {
  usage: FakeResponsesUsage;
  /** After this many pieces, the provider fails with this event instead of finishing. */
  failAfter?: { pieces: number; event: 'error' | 'response.failed' };
}

/** SSE like the Responses API: named events, each with a sequence number, ending with response.completed (usage inside). */
export async function streamResponses(body: any, res: http.ServerResponse, plan: ResponsesStreamPlan) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_fake_responses' });
  let left = false;
  res.on('close', () => {
    if (!res.writableFinished) left = true;
  });
  let seq = 0;
  const send = (type: string, payload: object) =>
    res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...payload })}\n\n`);
  const at = { item_id: 'msg_fake_1', output_index: 0 };
  send('response.created', { response: responseObject(body, 'in_progress', [], null) });
  send('response.in_progress', { response: responseObject(body, 'in_progress', [], null) });
  send('response.output_item.added', { output_index: 0, item: { ...messageItem('', 'in_progress'), content: [] } });
  send('response.content_part.added', { ...at, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
  let written = 0;
  if (plan.gate) await plan.gate;
  for (const piece of plan.pieces) {
    if (plan.delayMs) await sleep(plan.delayMs);
    if (left) break;
    if (plan.failAfter && written === plan.failAfter.pieces) break;
    send('response.output_text.delta', { ...at, content_index: 0, delta: piece, logprobs: [] });
    written++;
  }
  if (!left && plan.failAfter) {
    if (plan.failAfter.event === 'error') send('error', { code: 'server_error', message: 'The model failed', param: null });
    else
      send('response.failed', {
        response: { ...responseObject(body, 'failed', [], plan.usage), error: { code: 'server_error', message: 'The model failed' } },
      });
    res.end();
  } else if (!left) {
    const text = plan.pieces.join('');
    send('response.output_text.done', { ...at, content_index: 0, text, logprobs: [] });
    send('response.content_part.done', { ...at, content_index: 0, part: { type: 'output_text', text, annotations: [] } });
    send('response.output_item.done', { output_index: 0, item: messageItem(text) });
    send('response.completed', { response: responseObject(body, 'completed', [messageItem(text)], plan.usage) });
    res.end();
  }
  plan.onDone?.(written, left);
}

/** Embeddings as OpenAI returns them: float arrays, or base64 float32 when the request asks (the SDK's default). */
export function embeddingsJson(body: any, promptTokens: number) {
  const inputs = typeof body.input === 'string' || typeof body.input[0] === 'number' ? [body.input] : body.input;
  return {
    object: 'list',
    model: body.model,
    data: inputs.map((_: unknown, index: number) => {
      const vector = new Float32Array([index + 0.5, 0.25, -0.125]);
      return {
        object: 'embedding',
        index,
        embedding: body.encoding_format === 'base64' ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector),
      };
    }),
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = {
    url: '',
    calls: [],
    paths: [],
    inFlight: 0,
    maxInFlight: 0,
    handler: (body, _req, res) => replyJson(res, 200, completionJson(body, 'Hello!', { prompt: 10, completion: 2 })),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST' || !FAKE_PATHS.includes(req.url ?? '')) return replyJson(res, 404, { error: { message: 'not found' } });
    const raw: Buffer[] = [];
    for await (const part of req) raw.push(part as Buffer);
    const body = JSON.parse(Buffer.concat(raw).toString('utf8'));
    fake.calls.push(body);
    fake.paths.push(req.url!);
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
