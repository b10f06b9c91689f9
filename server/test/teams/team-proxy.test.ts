import { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, streamSse, type FakeOpenAi } from '../proxy/fake-openai.js';
import { openaiClient, rawChat, jsonOf } from '../proxy/support.js';
import { CreateTeamKey, RemoveMember, SetPolicy, addMembers, fundedTeam, memberRow, postedOf } from './support.js';

let t: TestApp;
let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  t = await startTestApp({
    OPENAI_API_KEY: 'sk-fake-upstream',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    PROXY_UPSTREAM_TIMEOUT_MS: 1500,
    HOLD_EXPIRY_INTERVAL_MS: 0,
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.calls = [];
  fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'Paris.', { prompt: 1000, completion: 10 }));
});

const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];
// test-model: 1000 x 2.400 + 10 x 9.600 = 2496 millicredits per call.
const CALL = 2496n;

async function teamKeyFor(teamId: string, memberKey: string) {
  const issued = await t.gql(CreateTeamKey, { teamId }, memberKey);
  if (issued.errors) throw new Error(JSON.stringify(issued.errors));
  return issued.data!.createTeamApiKey.key;
}

describe('the proxy charging a team', () => {
  it('a key issued for the team spends the team’s credits through the OpenAI SDK, recording the member', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 100_000n, 50_000n);
    const key = await teamKeyFor(teamId, member.key);

    const { data, response } = await openaiClient(t, key)
      .chat.completions.create({ model: 'test-model', messages, max_tokens: 50 })
      .withResponse();
    expect(data.choices[0].message.content).toBe('Paris.');
    expect(response.headers.get('x-creditmeter-charged-millicredits')).toBe(CALL.toString());
    expect(await postedOf(t, teamId)).toBe(1_000_000n - CALL);
    expect(await postedOf(t, member.id)).toBe(50_000n);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: CALL, held: 0n });
    const [row] = await t.db.query<{ member_account_id: string; source: string }>(
      `select member_account_id, source from usage_records where account_id = $1`,
      [teamId],
    );
    expect(row).toEqual({ member_account_id: member.id, source: 'PROXY' });
    const [acct] = await t.db.query<{ pending: string }>(`select pending from accounts where id = $1`, [teamId]);
    expect(acct.pending).toBe('0');
  });

  it('X-Team-Id names the team for an ordinary member key; streaming settles on the team too', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null, 50_000n);
    fake.handler = (body, _req, res) => streamSse(body, res, { pieces: ['Pa', 'ris.'], usage: { prompt: 1000, completion: 10 } });
    const client = openaiClient(t, member.key);
    const stream = await client.chat.completions.create(
      { model: 'test-model', messages, max_tokens: 50, stream: true, stream_options: { include_usage: true } },
      { headers: { 'X-Team-Id': teamId } },
    );
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('Paris.');
    expect(await postedOf(t, teamId)).toBe(1_000_000n - CALL);
    expect(await postedOf(t, member.id)).toBe(50_000n);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: CALL, held: 0n });
  });

  it('refuses a model outside the team policy with 403 model_disabled before any provider call', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    await t.gql(SetPolicy, { input: { teamId, allowedModels: ['cheap-model'] } }, owner.key);
    const key = await teamKeyFor(teamId, member.key);

    const err = await openaiClient(t, key)
      .chat.completions.create({ model: 'test-model', messages })
      .catch((e) => e);
    expect(err).toBeInstanceOf(APIError);
    expect(err.status).toBe(403);
    expect(err.code).toBe('model_disabled');
    expect(fake.calls).toHaveLength(0);
    expect(await postedOf(t, teamId)).toBe(1_000_000n);
    const holds = await t.db.query(`select 1 from holds where account_id = $1`, [teamId]);
    expect(holds).toHaveLength(0);
    // The same member's own account is not bound by the team's list.
    const own = await t.account(1_000_000n);
    await openaiClient(t, own.key).chat.completions.create({ model: 'test-model', messages, max_tokens: 50 });
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses a call whose worst case the member’s remaining allocation cannot hold, before any provider call', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    // max_tokens 50: worst case 1000-ish prompt tokens x 2.4 + 50 x 9.6; an allocation of 100 cannot hold it.
    const [member] = await addMembers(t, teamId, owner.key, 1, 100n);
    const res = await rawChat(t, member.key, { model: 'test-model', messages, max_tokens: 50 }, { 'X-Team-Id': teamId });
    expect(res.status).toBe(402);
    expect((await jsonOf(res)).error.code).toBe('spend_cap_exceeded');
    expect(fake.calls).toHaveLength(0);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 0n, held: 0n });
  });

  it('refuses a removed member and an outsider with 403 before any provider call', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const key = await teamKeyFor(teamId, member.key);
    await t.gql(RemoveMember, { teamId, accountId: member.id }, owner.key);
    const outsider = await t.account(1_000_000n);

    // The team key was revoked with the removal (401); their own key naming the team is refused (403).
    const removedTeamKey = await rawChat(t, key, { model: 'test-model', messages, max_tokens: 50 });
    const removed = await rawChat(t, member.key, { model: 'test-model', messages, max_tokens: 50 }, { 'X-Team-Id': teamId });
    const stranger = await rawChat(t, outsider.key, { model: 'test-model', messages, max_tokens: 50 }, { 'X-Team-Id': teamId });
    expect([removedTeamKey.status, removed.status, stranger.status]).toEqual([401, 403, 403]);
    expect(fake.calls).toHaveLength(0);
    expect(await postedOf(t, teamId)).toBe(1_000_000n);
  });

  it('answers 402 insufficient_credits when the team’s balance cannot hold the call', async () => {
    // The worst case (~14 prompt tokens x 2.4 + 50 x 9.6 = ~514) is more than the team holds.
    const { teamId, owner } = await fundedTeam(t, 400n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null, 1_000_000n);
    const res = await rawChat(t, member.key, { model: 'test-model', messages, max_tokens: 50 }, { 'X-Team-Id': teamId });
    expect(res.status).toBe(402);
    expect((await jsonOf(res)).error.code).toBe('insufficient_credits');
    expect(fake.calls).toHaveLength(0);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ held: 0n });
  });

  it('releases the member’s held allocation when the provider fails', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 100_000n);
    fake.handler = (_body, _req, res) => replyJson(res, 500, { error: { message: 'boom', type: 'server_error' } });
    const res = await rawChat(t, member.key, { model: 'test-model', messages, max_tokens: 50 }, { 'X-Team-Id': teamId });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(await memberRow(t, teamId, member.id)).toMatchObject({ spent: 0n, held: 0n });
    expect(await postedOf(t, teamId)).toBe(1_000_000n);
  });
});
