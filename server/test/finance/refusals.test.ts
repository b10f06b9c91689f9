import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../src/finance/finance.rules.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { completionJson, replyJson, startFakeOpenAi, type FakeOpenAi } from '../proxy/fake-openai.js';
import { rawChat } from '../proxy/support.js';

const REFUSALS = `query($from: DateTime!, $to: DateTime!) { refusalsDaily(from: $from, to: $to) { date graphql proxy total } }`;
const RECORD = `mutation($k: String!) { recordUsage(input: { model: "test-model", inputTokens: 1000, outputTokens: 1000, idempotencyKey: $k }) { id } }`;
const DAY_MS = 86_400_000;

let fake: FakeOpenAi;
let t: TestApp;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  fake.handler = (body, _req, res) => replyJson(res, 200, completionJson(body, 'ok', { prompt: 12, completion: 3 }));
  t = await startTestApp({ OPENAI_API_KEY: 'sk-fake-upstream', OPENAI_BASE_URL: `${fake.url}/v1` });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const today = () => new Date(`${utcDay(new Date())}T00:00:00Z`);

describe('refusalsDaily (402s per day)', () => {
  it('counts real refusals from GraphQL and the proxy per UTC day, with quiet days as zero', async () => {
    const broke = await t.account(0n);
    for (const k of ['r1', 'r2']) {
      const res = await t.gql(RECORD, { k }, broke.key);
      expect(res.status).toBe(402);
      expect(res.errors?.[0].extensions?.code).toBe('INSUFFICIENT_CREDITS');
    }
    const proxied = await rawChat(t, broke.key, { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(proxied.status).toBe(402);
    // A charge that goes through is not a refusal.
    const rich = await t.account(100_000_000n);
    expect((await t.gql(RECORD, { k: 'ok' }, rich.key)).errors).toBeUndefined();

    // Two days back from the end of today: the older one is quiet.
    const finance = await t.account(0n, 'FINANCE');
    const from = new Date(today().getTime() - DAY_MS);
    const to = new Date(today().getTime() + DAY_MS);
    const res = await t.gql(REFUSALS, { from: from.toISOString(), to: to.toISOString() }, finance.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.refusalsDaily).toEqual([
      { date: utcDay(from), graphql: 0, proxy: 0, total: 0 },
      { date: utcDay(today()), graphql: 2, proxy: 1, total: 3 },
    ]);
    // Answering flushed them to the table, where every instance adds its own.
    const rows = await t.db.query<{ source: string; count: string }>(
      `select source, count::text from refusals_daily where day = $1::date order by source`,
      [utcDay(today())],
    );
    expect(rows).toEqual([
      { source: 'graphql', count: '2' },
      { source: 'proxy', count: '1' },
    ]);
    await t.db.query(`insert into refusals_daily (day, source, count) values ($1::date, 'proxy', 5)`, [utcDay(from)]);
    await t.gql(RECORD, { k: 'r3' }, broke.key);
    const again = await t.gql(REFUSALS, { from: from.toISOString(), to: to.toISOString() }, finance.key);
    expect(again.data.refusalsDaily).toEqual([
      { date: utcDay(from), graphql: 0, proxy: 5, total: 5 },
      { date: utcDay(today()), graphql: 3, proxy: 1, total: 4 },
    ]);
  });

  it('is for FINANCE and ADMIN only, and refuses a bad range without touching anything', async () => {
    const range = { from: today().toISOString(), to: new Date(today().getTime() + DAY_MS).toISOString() };
    for (const role of ['USER', 'SUPPORT'] as const) {
      const key = (await t.account(0n, role)).key;
      expect((await t.gql(REFUSALS, range, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(REFUSALS, range)).errors).toBeUndefined();
    const backwards = await t.gql(REFUSALS, { from: range.to, to: range.from });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await t.gql(REFUSALS, { from: '2020-01-01T00:00:00Z', to: range.to });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
