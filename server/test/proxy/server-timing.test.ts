import http from 'node:http';
import net from 'node:net';
import { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseServerTiming, TIMING_PHASES } from '../../src/proxy/server-timing.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, streamSse, type FakeOpenAi } from './fake-openai.js';
import { openaiClient, rawChat } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1`, HOLD_EXPIRY_INTERVAL_MS: 0 });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'Paris.', { prompt: 12, completion: 3 }));
});

const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];
const chatBody = (extra: Record<string, unknown> = {}) => JSON.stringify({ model: 'test-model', messages, ...extra });

/** The metrics' names in order, each with a finite non-negative duration. */
function phasesOf(value: string | null | undefined): string[] {
  expect(value, 'a Server-Timing value').toBeTruthy();
  const metrics = parseServerTiming(value);
  for (const [name, dur] of metrics) {
    expect(Number.isFinite(dur), `${name} has a dur`).toBe(true);
    expect(dur, name).toBeGreaterThanOrEqual(0);
  }
  return [...metrics.keys()];
}

/** A raw HTTP exchange, for what fetch does not show (trailers) or cannot send (HTTP/1.0). */
function rawRequest(version: '1.0' | '1.1', key: string, body: string): Promise<string> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST /v1/chat/completions HTTP/${version}\r\nHost: localhost\r\nAuthorization: Bearer ${key}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const streamPlan = { pieces: ['The', ' capital', ' is', ' Paris.'], usage: { prompt: 12, completion: 5 } };

describe('Server-Timing on /v1/*', () => {
  it('a completion names every phase, through the OpenAI SDK', async () => {
    const user = await t.account(1_000_000n);
    const { response } = await openaiClient(t, user.key).chat.completions.create({ model: 'test-model', messages }).withResponse();
    expect(phasesOf(response.headers.get('server-timing'))).toEqual([...TIMING_PHASES]);
    expect(Number(response.headers.get('x-creditmeter-overhead-ms'))).toBeGreaterThanOrEqual(0);
  });

  it('a 402 names the phases reached, up to the refused hold, through the OpenAI SDK', async () => {
    const user = await t.account(1_000n);
    const err = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).status).toBe(402);
    expect(phasesOf((err as APIError).headers?.get('server-timing'))).toEqual(['admission', 'auth', 'checks', 'tokens', 'hold']);
  });

  it('a 401 stops at auth, a provider failure (502) reaches the void', async () => {
    const refused = await rawChat(t, 'cm_not-a-key', { model: 'test-model', messages });
    expect(refused.status).toBe(401);
    expect(phasesOf(refused.headers.get('server-timing'))).toEqual(['admission', 'auth']);

    const user = await t.account(1_000_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 500, { error: { message: 'boom' } });
    const failed = await rawChat(t, user.key, { model: 'test-model', messages });
    expect(failed.status).toBe(502);
    expect(phasesOf(failed.headers.get('server-timing'))).toEqual([...TIMING_PHASES]);
  });

  it('a stream carries the phases up to the provider in its headers, through the OpenAI SDK', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, streamPlan);
    const { data: stream, response } = await openaiClient(t, user.key)
      .chat.completions.create({ model: 'test-model', messages, stream: true })
      .withResponse();
    expect(phasesOf(response.headers.get('server-timing'))).toEqual(['admission', 'auth', 'checks', 'tokens', 'hold', 'upstream']);
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('The capital is Paris.');
  });

  it('a stream ends with every phase, settle included, as an HTTP/1.1 trailer', async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, streamPlan);
    const { port } = new URL(t.url);
    const { headers, trailers, body } = await new Promise<{
      headers: http.IncomingHttpHeaders;
      trailers: NodeJS.Dict<string>;
      body: string;
    }>((resolve, reject) => {
      const req = http.request(
        {
          port,
          path: '/v1/chat/completions',
          method: 'POST',
          headers: { authorization: `Bearer ${user.key}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ headers: res.headers, trailers: res.trailers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(chatBody({ stream: true }));
    });
    expect(headers.trailer).toBe('Server-Timing');
    expect(body).toContain('data: [DONE]');
    expect(phasesOf(trailers['server-timing'])).toEqual([...TIMING_PHASES]);
  });

  it('an HTTP/1.0 stream is answered in full, without a trailer (it could not carry one)', { timeout: 10_000 }, async () => {
    const user = await t.account(1_000_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, streamPlan);
    const raw = await rawRequest('1.0', user.key, chatBody({ stream: true }));
    expect(raw).toMatch(/^HTTP\/1\.1 200/);
    expect(raw.toLowerCase()).toContain('\r\nserver-timing: admission;dur=');
    expect(raw.toLowerCase()).not.toContain('\r\ntrailer:');
    expect(raw).toContain('data: [DONE]');
  });

  it('GET /v1/models carries it too', async () => {
    const user = await t.account(0n);
    const res = await fetch(`${t.url}/v1/models`, { headers: { authorization: `Bearer ${user.key}` } });
    expect(res.status).toBe(200);
    expect(phasesOf(res.headers.get('server-timing'))).toEqual(['auth', 'checks']);
  });
});
