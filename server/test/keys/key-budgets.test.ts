import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countPromptTokens, worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { graphql } from '../gql/index.js';
import type { UpdateApiKeyInput } from '../gql/graphql.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, type FakeOpenAi } from '../proxy/fake-openai.js';
import { balanceRow, holdsOf, jsonOf, postingsSum, rawChat, usageRows } from '../proxy/support.js';

const CreateBudgetKey = graphql(`
  mutation CreateBudgetKey($accountId: ID!, $label: String, $limit: String, $reset: KeyLimitReset, $models: [String!]) {
    createApiKey(accountId: $accountId, label: $label, spendLimitMillicredits: $limit, limitReset: $reset, allowedModels: $models) {
      id
      key
    }
  }
`);

const UpdateBudgetKey = graphql(`
  mutation UpdateBudgetKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      id
      label
      spendLimitMillicredits
      limitReset
      allowedModels
    }
  }
`);

const BudgetKeys = graphql(`
  query BudgetKeys($accountId: ID) {
    apiKeys(accountId: $accountId) {
      id
      label
      spendLimitMillicredits
      limitReset
      allowedModels
      spentThisPeriodMillicredits
      periodResetsAt
    }
    me {
      balance {
        availableMillicredits
      }
    }
  }
`);

const RecordOnKey = graphql(`
  mutation RecordOnKey($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      id
      chargedMillicredits
    }
  }
`);

/** The test's clock (null: the wall clock): the server reads it for every key's period. */
let now: Date | null = null;
const clock = () => now ?? new Date();

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1` }, undefined, { clock });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  now = null;
  fake.calls = [];
});

const MESSAGES = [{ role: 'user', content: 'Count to three.' }];
const MAX_TOKENS = 50;
const RATES = { inputPer1k: 2400n, cachedInputPer1k: 1200n, outputPer1k: 9600n };
/** A call's hold, and its charge: the fake reports the prompt the proxy counted and every output token. */
const CALL = worstCaseCost(countPromptTokens({ messages: MESSAGES, body: {} }), MAX_TOKENS, 1, RATES);

function answerInFull() {
  const prompt = countPromptTokens({ messages: MESSAGES, body: {} });
  fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'one two three', { prompt, completion: MAX_TOKENS }));
}

const chat = (key: string, model = 'test-model') => rawChat(t, key, { model, messages: MESSAGES, max_tokens: MAX_TOKENS });

/** An account with `funds` and a USER key created by ADMIN with the given budget. */
async function keyWith(funds: bigint, budget: { limit?: string; reset?: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'NEVER'; models?: string[] }) {
  const account = await t.account(funds);
  const created = await t.gql(CreateBudgetKey, {
    accountId: account.id,
    label: 'budgeted',
    limit: budget.limit,
    reset: budget.reset,
    models: budget.models,
  });
  expect(created.errors).toBeUndefined();
  return { accountId: account.id, ownKey: account.key, id: created.data!.createApiKey.id, key: created.data!.createApiKey.key };
}

async function keyView(accountId: string, keyId: string, as = t.adminKey) {
  const res = await t.gql(BudgetKeys, { accountId }, as);
  expect(res.errors).toBeUndefined();
  return res.data!.apiKeys.find((k) => k.id === keyId)!;
}

const record = (key: string, accountId: string, idempotencyKey: string, model = 'cheap-model') =>
  // cheap-model: 1,000 input tokens at 0.100 credits per 1k = 100 millicredits.
  t.gql(RecordOnKey, { input: { accountId, model, inputTokens: 1000, outputTokens: 0, idempotencyKey } }, key);

describe('a key spend limit under 100 racing proxy calls', () => {
  it('lands exactly the 10 calls its limit allows; the ledger, the holds and the key agree', async () => {
    answerInFull();
    const funds = 1_000_000_000n;
    const k = await keyWith(funds, { limit: (CALL * 10n).toString(), reset: 'MONTHLY' });
    const responses = await Promise.all(Array.from({ length: 100 }, () => chat(k.key)));

    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 402);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(90);
    expect(ok.map((r) => r.headers.get('x-creditmeter-charged-millicredits'))).toEqual(Array(10).fill(CALL.toString()));
    const body = await jsonOf(refused[0]);
    expect(body.error).toMatchObject({
      type: 'key_limit_exceeded',
      code: 'key_limit_exceeded',
      required_millicredits: CALL.toString(),
      max_output_tokens_assumed: MAX_TOKENS,
      scope: 'key',
    });
    expect(body.error.remaining_millicredits).toBe(body.error.available_millicredits);
    expect(body.error.message).toContain(`send a smaller max_tokens`);
    expect(BigInt(body.error.available_millicredits)).toBeLessThan(CALL);
    expect(fake.calls).toHaveLength(10);

    const balance = await balanceRow(t, k.accountId);
    expect(balance).toEqual({ posted: funds - CALL * 10n, pending: 0n });
    expect(await postingsSum(t, k.accountId)).toBe(balance.posted);
    const holds = await holdsOf(t, k.accountId);
    expect(holds.map((h) => h.state)).toEqual(Array(10).fill('SETTLED'));
    expect((await usageRows(t, k.accountId)).map((u) => BigInt(u.charged))).toEqual(Array(10).fill(CALL));
    const view = await keyView(k.accountId, k.id);
    expect(view).toMatchObject({ spendLimitMillicredits: (CALL * 10n).toString(), spentThisPeriodMillicredits: (CALL * 10n).toString() });
  });
});

describe('periods', () => {
  it('a DAILY limit starts over at midnight UTC (an account without a team), not a moment before', async () => {
    const k = await keyWith(1_000_000n, { limit: '200', reset: 'DAILY' });
    now = new Date('2027-01-15T23:59:59.999Z');
    expect((await record(k.key, k.accountId, 'a')).errors).toBeUndefined();
    expect((await record(k.key, k.accountId, 'b')).errors).toBeUndefined();
    const over = await record(k.key, k.accountId, 'c');
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'SPEND_CAP_EXCEEDED', scope: 'key', requiredMillicredits: '100' });
    expect(await keyView(k.accountId, k.id)).toMatchObject({
      spentThisPeriodMillicredits: '200',
      periodResetsAt: '2027-01-16T00:00:00.000Z',
    });
    // The proxy sees the same spent limit: refused before any upstream call, nothing held.
    answerInFull();
    const refused = await chat(k.key);
    expect(refused.status).toBe(402);
    expect((await jsonOf(refused)).error.code).toBe('key_limit_exceeded');
    expect(fake.calls).toHaveLength(0);

    now = new Date('2027-01-16T00:00:00.000Z');
    expect(await keyView(k.accountId, k.id)).toMatchObject({
      spentThisPeriodMillicredits: '0',
      periodResetsAt: '2027-01-17T00:00:00.000Z',
    });
    expect((await record(k.key, k.accountId, 'd')).errors).toBeUndefined();
    expect(await keyView(k.accountId, k.id)).toMatchObject({ spentThisPeriodMillicredits: '100' });
  });

  it('WEEKLY starts on Monday and NEVER never resets', async () => {
    const weekly = await keyWith(1_000_000n, { limit: '100', reset: 'WEEKLY' });
    const never = await keyWith(1_000_000n, { limit: '100', reset: 'NEVER' });
    now = new Date('2027-01-17T12:00:00Z'); // a Sunday
    for (const k of [weekly, never]) expect((await record(k.key, k.accountId, 'w1')).errors).toBeUndefined();
    expect(await keyView(weekly.accountId, weekly.id)).toMatchObject({ periodResetsAt: '2027-01-18T00:00:00.000Z' });
    expect(await keyView(never.accountId, never.id)).toMatchObject({ periodResetsAt: null, spentThisPeriodMillicredits: '100' });
    now = new Date('2027-01-18T00:00:00Z');
    expect((await record(weekly.key, weekly.accountId, 'w2')).errors).toBeUndefined();
    expect((await record(never.key, never.accountId, 'w2')).errors?.[0].extensions?.code).toBe('SPEND_CAP_EXCEEDED');
  });
});

describe('model scope', () => {
  it('a model outside allowedModels: 403 model_not_allowed before any hold or upstream call; FORBIDDEN on GraphQL', async () => {
    answerInFull();
    const k = await keyWith(1_000_000n, { models: ['cheap-model'] });
    const res = await chat(k.key, 'test-model');
    expect(res.status).toBe(403);
    expect((await jsonOf(res)).error).toMatchObject({ code: 'model_not_allowed', model: 'test-model' });
    expect(fake.calls).toHaveLength(0);
    expect(await holdsOf(t, k.accountId)).toEqual([]);
    expect(await balanceRow(t, k.accountId)).toEqual({ posted: 1_000_000n, pending: 0n });

    const gql = await record(k.key, k.accountId, 'scoped', 'test-model');
    expect(gql.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await usageRows(t, k.accountId)).toEqual([]);

    expect((await chat(k.key, 'cheap-model')).status).toBe(200);
    expect((await record(k.key, k.accountId, 'allowed', 'cheap-model')).errors).toBeUndefined();
  });
});

describe('updateApiKey', () => {
  it('changes label, limit, reset and models for the key’s own account, audited; null clears', async () => {
    const k = await keyWith(1_000_000n, {});
    const res = await t.gql(
      UpdateBudgetKey,
      {
        id: k.id,
        input: { label: 'ci', spendLimitMillicredits: '5000', limitReset: 'WEEKLY', allowedModels: ['cheap-model', 'cheap-model'] },
      },
      k.ownKey,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateApiKey).toMatchObject({
      label: 'ci',
      spendLimitMillicredits: '5000',
      limitReset: 'WEEKLY',
      allowedModels: ['cheap-model'],
    });
    const cleared = await t.gql(UpdateBudgetKey, { id: k.id, input: { spendLimitMillicredits: null, allowedModels: null } }, k.ownKey);
    expect(cleared.data!.updateApiKey).toMatchObject({
      label: 'ci',
      spendLimitMillicredits: null,
      limitReset: 'WEEKLY',
      allowedModels: null,
    });
    const audit = await t.db.query<{ n: string }>(
      `select count(*)::text n from audit_log where action = 'apiKey.update' and target_id = $1`,
      [k.id],
    );
    expect(audit[0].n).toBe('2');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const k = await keyWith(1_000_000n, {});
    for (const [input, field] of [
      [{ spendLimitMillicredits: '-1' }, 'spendLimitMillicredits'],
      [{ spendLimitMillicredits: '12.5' }, 'spendLimitMillicredits'],
      [{ allowedModels: [] }, 'allowedModels'],
      [{ allowedModels: ['  '] }, 'allowedModels'],
      [{ label: 'x'.repeat(101) }, 'label'],
    ] as [UpdateApiKeyInput, string][]) {
      const res = await t.gql(UpdateBudgetKey, { id: k.id, input }, k.ownKey);
      expect(res.errors?.[0].extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const created = await t.gql(CreateBudgetKey, { accountId: k.accountId, limit: 'ten' });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'spendLimitMillicredits' });
  });

  it('another account cannot update my key (FORBIDDEN, nothing changed); ADMIN can', async () => {
    const mine = await keyWith(1_000_000n, { limit: '1000' });
    const other = await t.account(0n);
    const res = await t.gql(UpdateBudgetKey, { id: mine.id, input: { spendLimitMillicredits: '999999' } }, other.key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await keyView(mine.accountId, mine.id)).toMatchObject({ spendLimitMillicredits: '1000' });
    const admin = await t.gql(UpdateBudgetKey, { id: mine.id, input: { spendLimitMillicredits: '2000' } });
    expect(admin.data!.updateApiKey.spendLimitMillicredits).toBe('2000');
  });

  it('a new reset recounts the new period from the key’s usage: nothing forgotten', async () => {
    const k = await keyWith(1_000_000n, { limit: '300', reset: 'NEVER' });
    expect((await record(k.key, k.accountId, 'r1')).errors).toBeUndefined();
    expect((await record(k.key, k.accountId, 'r2')).errors).toBeUndefined();
    const res = await t.gql(UpdateBudgetKey, { id: k.id, input: { limitReset: 'DAILY' } }, k.ownKey);
    expect(res.errors).toBeUndefined();
    expect(await keyView(k.accountId, k.id)).toMatchObject({ spentThisPeriodMillicredits: '200' });
    expect((await record(k.key, k.accountId, 'r3')).errors).toBeUndefined();
    expect((await record(k.key, k.accountId, 'r4')).errors?.[0].extensions?.code).toBe('SPEND_CAP_EXCEEDED');
  });
});

describe('GET /v1/key', () => {
  const getKey = (headers: Record<string, string>) => fetch(`${t.url}/v1/key`, { headers });

  it('shows the same figures as GraphQL after calls, by bearer and by x-api-key', async () => {
    answerInFull();
    const k = await keyWith(1_000_000n, { limit: (CALL * 5n).toString(), reset: 'MONTHLY' });
    for (let i = 0; i < 3; i++) expect((await chat(k.key)).status).toBe(200);
    expect((await record(k.key, k.accountId, 'g1')).errors).toBeUndefined();
    await balanceRow(t, k.accountId);

    const bearer = await getKey({ authorization: `Bearer ${k.key}` });
    expect(bearer.status).toBe(200);
    const { data } = await jsonOf(bearer);
    const view = await t.gql(BudgetKeys, {}, k.ownKey);
    const gqlKey = view.data!.apiKeys.find((x) => x.id === k.id)!;
    const spent = CALL * 3n + 100n;
    expect(gqlKey.spentThisPeriodMillicredits).toBe(spent.toString());
    expect(data).toEqual({
      label: 'budgeted',
      limit_millicredits: gqlKey.spendLimitMillicredits,
      limit_remaining_millicredits: (CALL * 5n - spent).toString(),
      usage_millicredits: spent.toString(),
      usage_daily_millicredits: spent.toString(),
      usage_weekly_millicredits: spent.toString(),
      usage_monthly_millicredits: gqlKey.spentThisPeriodMillicredits,
      limit_reset: 'MONTHLY',
      available_millicredits: view.data!.me.balance.availableMillicredits,
    });
    expect(data.available_millicredits).toBe((1_000_000n - spent).toString());
    expect(await jsonOf(await getKey({ 'x-api-key': k.key }))).toEqual({ data });
  });

  it('a key without a limit: null limit and remaining; no key: 401', async () => {
    const plain = await t.account(5_000n);
    const { data } = await jsonOf(await getKey({ authorization: `Bearer ${plain.key}` }));
    expect(data).toMatchObject({ label: null, limit_millicredits: null, limit_remaining_millicredits: null, usage_millicredits: '0' });
    expect(data.available_millicredits).toBe('5000');
    const none = await getKey({});
    expect(none.status).toBe(401);
    expect((await jsonOf(none)).error.code).toBe('invalid_api_key');
  });
});
