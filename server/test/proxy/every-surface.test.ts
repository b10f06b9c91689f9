import Anthropic from '@anthropic-ai/sdk';
import { countTokens } from 'gpt-tokenizer';
import type OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { addMembers, fundedTeam, memberRow, postedOf } from '../teams/support.js';
import { messageJson, publishWithClaude, startFakeAnthropic, type FakeAnthropic } from './fake-anthropic.js';
import { completionJson, embeddingsJson, replyJson, responseJson, startFakeOpenAi, type FakeOpenAi } from './fake-openai.js';
import { balanceRow, holdsOf, jsonOf, openaiClient, rawPost } from './support.js';

/**
 * Spend through chat completions, responses, embeddings and messages counts toward one key
 * limit, one team allocation and one session cap; each is hit exactly, and an unknown model is
 * refused on every surface before any provider call.
 */
let t: TestApp;
let openai: FakeOpenAi;
let anthropic: FakeAnthropic;

beforeAll(async () => {
  [openai, anthropic] = await Promise.all([startFakeOpenAi(), startFakeAnthropic()]);
  t = await startTestApp({
    OPENAI_API_KEY: 'sk-fake-upstream',
    OPENAI_BASE_URL: `${openai.url}/v1`,
    ANTHROPIC_API_KEY: 'sk-ant-fake-upstream',
    ANTHROPIC_BASE_URL: anthropic.url,
    HOLD_EXPIRY_INTERVAL_MS: 0,
  });
  await publishWithClaude(t);
});
afterAll(async () => {
  await t?.close();
  await Promise.all([openai?.close(), anthropic?.close()]);
});

/** The embeddings input of the limit's last call: the fake reports exactly its counted tokens. */
const EMBED_INPUT = 'The ledger is append-only; corrections are reversals.';
const EMBED_TOKENS = countTokens(EMBED_INPUT);
/** test-model: 2.400 input and 9.600 output credits per 1k; claude-test: 3.000 and 15.000. */
const CHARGES = {
  chat: (100n * 2400n) / 1000n + (20n * 9600n) / 1000n, // 240 + 192
  responses: (100n * 2400n) / 1000n + (20n * 9600n) / 1000n,
  embeddings: (50n * 2400n) / 1000n, // 120
  messages: (100n * 3000n) / 1000n + (20n * 15000n) / 1000n, // 300 + 300
};
const SPENT = CHARGES.chat + CHARGES.responses + CHARGES.embeddings + CHARGES.messages;
/** The hold (and, as reported, the charge) of the embeddings call on EMBED_INPUT: ceil(n x 2.4). */
const EMBED_HOLD = (BigInt(EMBED_TOKENS) * 2400n + 999n) / 1000n;

beforeEach(() => {
  openai.calls = [];
  openai.paths = [];
  anthropic.calls = [];
  openai.handler = (body, req, res) => {
    if (req.url === '/v1/responses') return replyJson(res, 200, responseJson(body, 'ok', { input: 100, output: 20 }));
    if (req.url === '/v1/embeddings') return replyJson(res, 200, embeddingsJson(body, body.input === EMBED_INPUT ? EMBED_TOKENS : 50));
    return replyJson(res, 200, completionJson(body, 'ok', { prompt: 100, completion: 20 }));
  };
  anthropic.handler = (body, _req, res) => replyJson(res, 200, messageJson(body, 'ok', { input: 100, output: 20 }));
});

type Surface = 'chat' | 'responses' | 'embeddings' | 'messages';
const SURFACES: Surface[] = ['chat', 'responses', 'embeddings', 'messages'];

/** One call on a surface through its official SDK; the answer's charge header, or the SDK's error. */
async function call(surface: Surface, key: string, headers: Record<string, string> = {}, model?: string) {
  const sdkOpenAi = (): OpenAI => openaiClient(t, key).withOptions({ defaultHeaders: headers });
  const run = async () => {
    switch (surface) {
      case 'chat':
        return sdkOpenAi()
          .chat.completions.create({ model: model ?? 'test-model', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
          .withResponse();
      case 'responses':
        return sdkOpenAi()
          .responses.create({ model: model ?? 'test-model', max_output_tokens: 50, input: 'hi' })
          .withResponse();
      case 'embeddings':
        return sdkOpenAi()
          .embeddings.create({ model: model ?? 'test-model', input: 'hello there' })
          .withResponse();
      case 'messages':
        return new Anthropic({ baseURL: t.url, apiKey: key, maxRetries: 0, defaultHeaders: headers }).messages
          .create({ model: model ?? 'claude-test', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
          .withResponse();
    }
  };
  try {
    const { response } = await run();
    return { status: 200, charged: BigInt(response.headers.get('x-creditmeter-charged-millicredits')!), code: null };
  } catch (err: any) {
    if (typeof err?.status !== 'number') throw err;
    return { status: err.status as number, charged: null, code: (err.error?.error?.code ?? err.error?.code) as string };
  }
}

async function spendOnEverySurface(key: string, headers: Record<string, string> = {}) {
  const charged: Record<Surface, bigint | null> = { chat: null, responses: null, embeddings: null, messages: null };
  for (const surface of SURFACES) {
    const answer = await call(surface, key, headers);
    expect({ surface, status: answer.status }).toEqual({ surface, status: 200 });
    charged[surface] = answer.charged;
  }
  expect(charged).toEqual(CHARGES);
}

async function refusedOnEverySurface(key: string, headers: Record<string, string>, status: number, code: string) {
  const before = { openai: openai.calls.length, anthropic: anthropic.calls.length };
  for (const surface of SURFACES) {
    const answer = await call(surface, key, headers);
    expect({ surface, status: answer.status, code: answer.code }).toEqual({ surface, status, code });
  }
  expect({ openai: openai.calls.length, anthropic: anthropic.calls.length }).toEqual(before);
}

const gqlOk = async (query: string, variables: Record<string, unknown>, key?: string) => {
  const res = await t.gql(query, variables, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as any;
};

describe('one limit across every surface', () => {
  it('counts all four surfaces toward a key limit, which lets the last millicredit through and nothing after', async () => {
    const user = await t.account(1_000_000n);
    const created = await gqlOk(
      `mutation($accountId: ID!) { createApiKey(accountId: $accountId, label: "all surfaces", spendLimitMillicredits: "1000000", limitReset: NEVER) { id key } }`,
      { accountId: user.id },
    );
    const { id, key } = created.createApiKey;
    await spendOnEverySurface(key);

    const keys = await gqlOk(`query($accountId: ID) { apiKeys(accountId: $accountId) { id spentThisPeriodMillicredits } }`, {
      accountId: user.id,
    });
    expect(keys.apiKeys.find((k: { id: string }) => k.id === id).spentThisPeriodMillicredits).toBe(SPENT.toString());
    const keyInfo = await jsonOf(await fetch(`${t.url}/v1/key`, { headers: { authorization: `Bearer ${key}` } }));
    expect(keyInfo.data.usage_millicredits).toBe(SPENT.toString());

    // One millicredit short of the embeddings call's worst case: refused, before the provider.
    const setLimit = (limit: bigint) =>
      gqlOk(`mutation($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id } }`, {
        id,
        input: { spendLimitMillicredits: limit.toString() },
      });
    await setLimit(SPENT + EMBED_HOLD - 1n);
    const short = await rawPost(t, '/v1/embeddings', key, { model: 'test-model', input: EMBED_INPUT });
    expect(short.status).toBe(402);
    expect((await jsonOf(short)).error.code).toBe('key_limit_exceeded');

    // Exactly enough: it passes and spends the limit to the millicredit.
    await setLimit(SPENT + EMBED_HOLD);
    const last = await rawPost(t, '/v1/embeddings', key, { model: 'test-model', input: EMBED_INPUT });
    expect(last.status).toBe(200);
    expect(last.headers.get('x-creditmeter-charged-millicredits')).toBe(EMBED_HOLD.toString());

    await refusedOnEverySurface(key, {}, 402, 'key_limit_exceeded');
    const after = await jsonOf(await fetch(`${t.url}/v1/key`, { headers: { authorization: `Bearer ${key}` } }));
    expect(after.data).toMatchObject({ usage_millicredits: (SPENT + EMBED_HOLD).toString(), limit_remaining_millicredits: '0' });
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - SPENT - EMBED_HOLD, pending: 0n });
    expect((await holdsOf(t, user.id)).filter((h) => h.state === 'HELD')).toEqual([]);
  });

  it('counts all four surfaces toward a team member’s allocation, then refuses every surface at its end', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 1_000_000n);
    const team = { 'X-Team-Id': teamId };
    await spendOnEverySurface(member.key, team);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: SPENT, held: 0n });
    expect(await postedOf(t, teamId)).toBe(1_000_000n - SPENT);

    await gqlOk(
      `mutation($input: SetMemberAllocationInput!) { setMemberAllocation(input: $input) { accountId } }`,
      { input: { teamId, accountId: member.id, monthlyAllocationMillicredits: SPENT.toString() } },
      owner.key,
    );
    await refusedOnEverySurface(member.key, team, 402, 'spend_cap_exceeded');
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: SPENT, held: 0n });
    expect(await postedOf(t, teamId)).toBe(1_000_000n - SPENT);
  });

  it('counts all four surfaces toward one session’s cap, then refuses every surface in that session only', async () => {
    const user = await t.account(1_000_000n);
    const session = { 'X-Session-Id': 'every-surface', 'X-Session-Spend-Cap-Millicredits': '1000000' };
    await spendOnEverySurface(user.key, session);
    await refusedOnEverySurface(user.key, { ...session, 'X-Session-Spend-Cap-Millicredits': SPENT.toString() }, 402, 'spend_cap_exceeded');
    // Another session of the same key still spends.
    expect((await call('chat', user.key, { 'X-Session-Id': 'another', 'X-Session-Spend-Cap-Millicredits': SPENT.toString() })).status).toBe(
      200,
    );
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n - SPENT - CHARGES.chat, pending: 0n });
  });

  it('refuses a model that is not on the rate card on every surface: 404 model_not_found, nothing held or charged', async () => {
    const user = await t.account(1_000_000n);
    for (const surface of SURFACES) {
      const answer = await call(surface, user.key, {}, 'no-such-model');
      expect({ surface, status: answer.status, code: answer.code }).toEqual({ surface, status: 404, code: 'model_not_found' });
    }
    expect(openai.calls).toEqual([]);
    expect(anthropic.calls).toEqual([]);
    expect(await balanceRow(t, user.id)).toEqual({ posted: 1_000_000n, pending: 0n });
    expect(await holdsOf(t, user.id)).toEqual([]);
  });
});
