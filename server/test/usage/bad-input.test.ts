import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function rowCounts() {
  const [r] = await t.db.query<{ tx: string; p: string; u: string; a: string }>(
    `select (select count(*) from ledger_transactions) as tx, (select count(*) from ledger_postings) as p,
            (select count(*) from usage_records) as u, (select count(*) from audit_log) as a`,
  );
  return r;
}

const RECORD = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { id } }`;
const ADJUST = `mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`;

describe('bad input is refused with a typed error and writes nothing', () => {
  it('refuses bad usage input', async () => {
    const user = await t.account(1_000_000n);
    const before = await rowCounts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ model: 'test-model', inputTokens: -1, outputTokens: 0, idempotencyKey: 'a' }, 'BAD_USER_INPUT'],
      [{ model: 'test-model', inputTokens: 1, outputTokens: 2_000_000_000, idempotencyKey: 'a' }, 'BAD_USER_INPUT'],
      [{ model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: '   ' }, 'BAD_USER_INPUT'],
      [{ model: 'no-such-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'a' }, 'MODEL_NOT_FOUND'],
      [{ accountId: 'not-a-uuid', model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'a' }, 'BAD_USER_INPUT'],
      [{ model: 'test-model', inputTokens: 1.5, outputTokens: 1, idempotencyKey: 'a' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const res = await t.gql(RECORD, { input }, user.key);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses bad adjustments and unknown accounts', async () => {
    const user = await t.account();
    const before = await rowCounts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ accountId: user.id, amountMillicredits: '1.5', reason: 'x' }, 'BAD_USER_INPUT'],
      [{ accountId: user.id, amountMillicredits: '99999999999999999999', reason: 'x' }, 'BAD_USER_INPUT'],
      [{ accountId: user.id, amountMillicredits: '0', reason: 'x' }, 'BAD_USER_INPUT'],
      [{ accountId: user.id, amountMillicredits: '100', reason: '  ' }, 'BAD_USER_INPUT'],
      [{ accountId: '00000000-0000-4000-8000-000000000000', amountMillicredits: '100', reason: 'x' }, 'NOT_FOUND'],
      [{ accountId: user.id, amountMillicredits: '-1', reason: 'would overdraw' }, 'INSUFFICIENT_CREDITS'],
    ];
    for (const [input, code] of cases) {
      const res = await t.gql(ADJUST, { input });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('answers INSUFFICIENT_CREDITS with HTTP 402 and a sanitised creditsUrl', async () => {
    const user = await t.account(10n);
    const input = { model: 'test-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'broke' };
    const ok = await t.gql(RECORD, { input }, user.key, { 'x-return-to': '/chat?id=7' });
    expect(ok.status).toBe(402);
    expect(ok.errors?.[0]?.extensions).toMatchObject({
      code: 'INSUFFICIENT_CREDITS',
      creditsUrl: 'https://app.example.test/credits?returnTo=%2Fchat%3Fid%3D7',
    });
    const evil = await t.gql(RECORD, { input }, user.key, { 'x-return-to': 'https://evil.example/phish' });
    expect(evil.errors?.[0]?.extensions?.creditsUrl).toBe('https://app.example.test/credits');
    const sneaky = await t.gql(RECORD, { input }, user.key, { 'x-return-to': '//evil.example/x' });
    expect(sneaky.errors?.[0]?.extensions?.creditsUrl).toBe('https://app.example.test/credits');
    const [u] = await t.db.query<{ n: string }>(`select count(*) as n from usage_records where account_id = $1`, [user.id]);
    expect(u.n).toBe('0');
  });

  it('refuses a disabled model with MODEL_DISABLED, and charges again once re-enabled', async () => {
    const user = await t.account(1_000_000n);
    const off = await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: false) { model enabled } }`);
    expect(off.data).toEqual({ setModelEnabled: { model: 'cheap-model', enabled: false } });
    const refused = await t.gql(
      RECORD,
      { input: { model: 'cheap-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'm1' } },
      user.key,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('MODEL_DISABLED');
    await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: true) { enabled } }`);
    const charged = await t.gql(
      RECORD,
      { input: { model: 'cheap-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'm1' } },
      user.key,
    );
    expect(charged.errors).toBeUndefined();
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      `select before, after from audit_log where action = 'model.setEnabled' and target_id = 'cheap-model' order by id`,
    );
    expect(audit).toEqual([
      { before: { enabled: true }, after: { enabled: false } },
      { before: { enabled: false }, after: { enabled: true } },
    ]);
  });
});
