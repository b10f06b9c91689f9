import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countParts, countPromptTokens } from '../../src/proxy/proxy.rules.js';
import { embeddingsPromptParts, parseEmbeddingsRequest } from '../../src/proxy/surfaces/embeddings.rules.js';
import { parseResponsesRequest, responsesPromptParts } from '../../src/proxy/surfaces/responses.rules.js';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { balanceRow, openaiClient, usageRows } from './support.js';

const ActiveRatesSimulated = graphql(`
  query ActiveRatesSimulated {
    activeRates {
      model
      enabled
      simulated
    }
  }
`);

const MyProxySettings = graphql(`
  query MyProxySettings {
    me {
      id
      proxySettings {
        accountId
        requestCapMillicredits
        sessionCapMillicredits
        sessionWindowSeconds
        streamingHolds
        minOutputTokens
      }
    }
  }
`);

const SetProxySettings = graphql(`
  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {
    setProxySettings(accountId: $accountId, input: $input) {
      accountId
      requestCapMillicredits
      sessionCapMillicredits
      streamingHolds
      minOutputTokens
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ OPENAI_API_KEY: '', HOLD_EXPIRY_INTERVAL_MS: 0 });
});
afterAll(async () => t?.close());

const messages = [{ role: 'user' as const, content: 'Tell me about prepaid credits.' }];
const price = (prompt: number, completion: number) => BigInt(Math.ceil((prompt * 2400 + completion * 9600) / 1000));

describe('the built-in simulated model (no OPENAI_API_KEY)', () => {
  it('answers deterministically, labelled as simulated, and is metered like a real call', async () => {
    const user = await t.account(1_000_000n);
    const client = openaiClient(t, user.key);
    const events = t.services.events.balancesOf(user.id);
    const seen = events[Symbol.asyncIterator]();
    const firstEvent = seen.next(); // a repeater starts listening on its first next()

    const { data, response } = await client.chat.completions.create({ model: 'test-model', messages }).withResponse();
    expect(data.system_fingerprint).toBe('creditmeter-simulated');
    expect(data.choices[0].message.content).toContain('You said: "Tell me about prepaid credits."');
    expect(data.usage!.prompt_tokens).toBe(countPromptTokens({ messages, body: {} }));
    const charged = price(data.usage!.prompt_tokens, data.usage!.completion_tokens);
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(charged.toString());
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged, pending: 0n });

    // Subscribers saw the hold, then the settled balance.
    const held = (await firstEvent).value!;
    const settled = (await seen.next()).value!;
    expect(BigInt(held.pending)).toBeGreaterThan(0n);
    expect(settled).toMatchObject({ accountId: user.id, posted: String(1_000_000n - charged), pending: '0' });
    await events.return();

    const again = await client.chat.completions.create({ model: 'test-model', messages });
    expect(again.choices[0].message.content).toBe(data.choices[0].message.content);
  });

  it('streams, stops at max_tokens with finish_reason length, and reports the charge in the usage chunk', async () => {
    const user = await t.account(1_000_000n);
    const stream = await openaiClient(t, user.key).chat.completions.create({
      model: 'test-model',
      messages,
      max_tokens: 12,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1);
    expect(last.usage.completion_tokens).toBe(12);
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'length')).toBe(true);
    expect(chunks.every((c) => c.system_fingerprint === 'creditmeter-simulated')).toBe(true);
    const charged = price(last.usage.prompt_tokens, 12);
    expect(last.creditmeter).toMatchObject({ charged_millicredits: charged.toString(), simulated: true });
    expect((await usageRows(t, user.id))[0]).toMatchObject({ source: 'PROXY', output_tokens: '12', charged: charged.toString() });
  });

  it('says so in activeRates', async () => {
    const res = await t.gql(ActiveRatesSimulated);
    expect(res.errors).toBeUndefined();
    expect(res.data!.activeRates.length).toBeGreaterThan(0);
    expect(res.data!.activeRates.every((r) => r.simulated)).toBe(true);
  });
});

describe('the simulator in the shape of each OpenAI API', () => {
  it('answers the Responses API, streamed and not, metered on its reported usage', async () => {
    const user = await t.account(1_000_000n);
    const client = openaiClient(t, user.key);
    const body = { model: 'test-model', input: 'Tell me about prepaid credits.', max_output_tokens: 20 };
    const prompt = countParts(responsesPromptParts(parseResponsesRequest(body)));
    const { data, response } = await client.responses.create(body).withResponse();
    expect(data.output_text).toContain('You said: "Tell me about prepaid credits."');
    expect(data).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(data.usage).toMatchObject({ input_tokens: prompt, output_tokens: 20 });
    const charged = price(prompt, 20);
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(charged.toString());
    expect(response.headers.get('x-creditmeter-balance-millicredits')).toBe(String(1_000_000n - charged));

    const events: any[] = [];
    for await (const event of await client.responses.create({ ...body, max_output_tokens: 500, stream: true })) events.push(event);
    const completed = events.at(-1);
    expect(events[0].type).toBe('response.created');
    expect(completed.type).toBe('response.completed');
    const text = events
      .filter((e) => e.type === 'response.output_text.delta')
      .map((e) => e.delta)
      .join('');
    expect(completed.response.output[0].content[0].text).toBe(text);
    const streamed = price(prompt, completed.response.usage.output_tokens);
    expect(completed.creditmeter).toMatchObject({ charged_millicredits: streamed.toString(), simulated: true, estimated: false });
    expect(completed.creditmeter.balance_millicredits).toBe(String(1_000_000n - charged - streamed));
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - charged - streamed, pending: 0n });
  });

  it('answers embeddings with deterministic unit vectors (base64 for the SDK), charged on the input', async () => {
    const user = await t.account(1_000_000n);
    const input = ['prepaid credits', 'an append-only ledger'];
    const prompt = countParts(embeddingsPromptParts(parseEmbeddingsRequest({ model: 'test-model', input })));
    const client = openaiClient(t, user.key);
    const { data, response } = await client.embeddings.create({ model: 'test-model', input, dimensions: 64 }).withResponse();
    expect(data.data.map((d) => d.embedding.length)).toEqual([64, 64]);
    expect(Math.hypot(...data.data[0].embedding)).toBeCloseTo(1, 5);
    expect(data.data[0].embedding).not.toEqual(data.data[1].embedding);
    expect(data.usage).toEqual({ prompt_tokens: prompt, total_tokens: prompt });
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(price(prompt, 0).toString());
    const again = await client.embeddings.create({ model: 'test-model', input: input[0], dimensions: 64 });
    expect(again.data[0].embedding).toEqual(data.data[0].embedding);
  });
});

describe('proxy settings over GraphQL', () => {
  it("lets an account set its own caps and streaming-hold opt-in, audited, and nobody else's", async () => {
    const user = await t.account(0n);
    const other = await t.account(0n);
    const before = await t.gql(MyProxySettings, {}, user.key);
    expect(before.data!.me.proxySettings).toMatchObject({
      requestCapMillicredits: null,
      streamingHolds: false,
      sessionWindowSeconds: 3600,
    });

    const set = await t.gql(SetProxySettings, { input: { requestCapMillicredits: '50000', streamingHolds: true } }, user.key);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setProxySettings).toMatchObject({
      accountId: user.id,
      requestCapMillicredits: '50000',
      streamingHolds: true,
      minOutputTokens: 256,
    });
    const cleared = await t.gql(SetProxySettings, { input: { requestCapMillicredits: null } }, user.key);
    expect(cleared.data!.setProxySettings).toMatchObject({ requestCapMillicredits: null, streamingHolds: true });
    const [audit] = await t.db.query(`select count(*)::int as n from audit_log where action = 'proxy.setSettings' and target_id = $1`, [
      user.id,
    ]);
    expect(audit.n).toBe(2);

    const denied = await t.gql(SetProxySettings, { accountId: other.id, input: { streamingHolds: true } }, user.key);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(SetProxySettings, { input: { requestCapMillicredits: '-5' } }, user.key);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const byAdmin = await t.gql(SetProxySettings, { accountId: other.id, input: { sessionCapMillicredits: '9000' } });
    expect(byAdmin.data!.setProxySettings).toMatchObject({ accountId: other.id, sessionCapMillicredits: '9000' });
  });
});
