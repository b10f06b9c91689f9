import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

/** Issue 8, smaller findings: odd input is a typed 400 that writes nothing, never a 500. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function rowCounts() {
  const [r] = await t.db.query(
    `select (select count(*) from ledger_transactions) as tx, (select count(*) from usage_records) as u,
            (select count(*) from accounts) as a, (select count(*) from audit_log) as au`,
  );
  return r;
}

const statement = (key: string, file: string) => fetch(`${t.url}/statements/${file}`, { headers: { authorization: `Bearer ${key}` } });

describe('statements for impossible or future months', () => {
  it('answers 400 BAD_USER_INPUT for 9999-12 and for a month that has not begun, 200 for this month', async () => {
    const user = await t.account(5_000n);
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    const current = now.toISOString().slice(0, 7);
    for (const file of ['9999-12.pdf', '9999-12.csv', `${next}.pdf`, `${next}.csv`]) {
      const res = await statement(user.key, file);
      expect(res.status, file).toBe(400);
      expect(((await res.json()) as any).error.code, file).toBe('BAD_USER_INPUT');
    }
    expect((await statement(user.key, `${current}.csv`)).status).toBe(200);
    expect((await statement(user.key, `${current}.pdf`)).status).toBe(200);
  });
});

describe('NUL characters', () => {
  it('are refused with 400 BAD_USER_INPUT in an idempotency key, a name, or any other argument, and write nothing', async () => {
    const user = await t.account(1_000_000n);
    const before = await rowCounts();
    const cases: Array<[string, Record<string, unknown>, string | null]> = [
      [`mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id } }`, { i: { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'a\u0000b' } }, user.key],
      [`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { email: 'nul@example.test', name: 'x\u0000y' } }, null],
      [`mutation { createAccount(input: { email: "nul2@example.test", name: "x\\u0000y" }) { id } }`, {}, null],
      [`mutation($i: AdjustBalanceInput!) { adjustBalance(input: $i) { id } }`, { i: { accountId: user.id, amountMillicredits: '5', reason: 'because\u0000' } }, null],
    ];
    for (const [query, variables, key] of cases) {
      const res = await t.gql(query, variables, key ?? t.adminKey);
      expect(res.status, query).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('are refused by the domain helpers too (non-GraphQL callers)', async () => {
    const user = await t.account(1_000_000n);
    const principal = (await t.services.auth.authenticate(user.key))!;
    await expect(
      t.services.usage.record(principal, user.id, { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'k\u0000' } as any),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(t.services.accounts.create(null, { email: 'helper@example.test', name: '\u0000' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('cursors', () => {
  it('beyond int64 are BAD_USER_INPUT, not a database error', async () => {
    const user = await t.account(1_000n);
    for (const seq of ['9223372036854775808', '9999999999999999999']) {
      const after = Buffer.from(`s:${seq}`).toString('base64url');
      const res = await t.gql(`query($a: String) { me { ledger(first: 5, after: $a) { edges { cursor } } } }`, { a: after }, user.key);
      expect(res.errors?.[0]?.extensions?.code, seq).toBe('BAD_USER_INPUT');
    }
    const max = Buffer.from('s:9223372036854775807').toString('base64url');
    const ok = await t.gql(`query($a: String) { me { ledger(first: 5, after: $a) { edges { cursor } } } }`, { a: max }, user.key);
    expect(ok.errors).toBeUndefined();
  });
});

describe('ids compare normalised', () => {
  const SET = `mutation($i: SetAutoRechargeInput!) { setAutoRecharge(input: $i) { enabled } }`;
  const input = (accountId: string) => ({ accountId, enabled: false, thresholdMillicredits: '1000', packId: 'starter', monthlyLimitCents: 10000 });

  it("accept the caller's own id in upper case (setAutoRecharge, statements) and still refuse another account", async () => {
    const user = await t.account();
    const other = await t.account();
    const own = await t.gql(SET, { i: input(user.id.toUpperCase()) }, user.key);
    expect(own.errors).toBeUndefined();
    expect(own.data.setAutoRecharge.enabled).toBe(false);
    const foreign = await t.gql(SET, { i: input(other.id.toUpperCase()) }, user.key);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const month = new Date().toISOString().slice(0, 7);
    expect((await statement(user.key, `${month}.csv?accountId=${user.id.toUpperCase()}`)).status).toBe(200);
    expect((await statement(user.key, `${month}.csv?accountId=${other.id.toUpperCase()}`)).status).toBe(403);
  });
});
