import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
let keys: Record<'USER' | 'SUPPORT' | 'FINANCE' | 'ADMIN', string>;
let other: { id: string; key: string };
beforeAll(async () => {
  t = await startTestApp();
  other = await t.account(1_000_000n);
  keys = {
    USER: (await t.account(1_000_000n, 'USER')).key,
    SUPPORT: (await t.account(0n, 'SUPPORT')).key,
    FINANCE: (await t.account(0n, 'FINANCE')).key,
    ADMIN: t.adminKey,
  };
});
afterAll(async () => t?.close());

const code = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

describe('role boundaries', () => {
  const operations: Array<{ name: string; query: () => string; vars?: () => Record<string, unknown>; allowed: string[] }> = [
    { name: 'account(id)', query: () => `{ account(id: "${other.id}") { id } }`, allowed: ['SUPPORT', 'FINANCE', 'ADMIN'] },
    { name: 'rateCards', query: () => `{ rateCards { id } }`, allowed: ['SUPPORT', 'FINANCE', 'ADMIN'] },
    {
      name: 'createAccount',
      query: () => `mutation { createAccount(input: { email: "r${Math.random()}@example.test" }) { id } }`,
      allowed: ['ADMIN'],
    },
    { name: 'createApiKey', query: () => `mutation { createApiKey(accountId: "${other.id}") { id key } }`, allowed: ['ADMIN'] },
    {
      name: 'publishRateCard',
      query: () =>
        `mutation { publishRateCard(input: { name: "r", rates: [{ model: "test-model", inputPer1k: "2.400", cachedInputPer1k: "1.200", outputPer1k: "9.600", costInputPer1kUsd: "0.001", costCachedInputPer1kUsd: "0.0005", costOutputPer1kUsd: "0.004" }, { model: "cheap-model", inputPer1k: "0.100", outputPer1k: "0.400", costInputPer1kUsd: "0.00005", costOutputPer1kUsd: "0.0002" }] }) { id } }`,
      allowed: ['ADMIN'],
    },
    {
      name: 'setModelEnabled',
      query: () => `mutation { setModelEnabled(model: "test-model", enabled: true) { enabled } }`,
      allowed: ['ADMIN'],
    },
    {
      name: 'adjustBalance',
      query: () => `mutation { adjustBalance(input: { accountId: "${other.id}", amountMillicredits: "1", reason: "role test" }) { id } }`,
      allowed: ['ADMIN'],
    },
    {
      name: 'recordUsage for another account',
      query: () =>
        `mutation { recordUsage(input: { accountId: "${other.id}", model: "cheap-model", inputTokens: 1, outputTokens: 1, idempotencyKey: "rk${Math.random()}" }) { id } }`,
      allowed: ['ADMIN'],
    },
  ];

  for (const op of operations) {
    it(`${op.name}: allowed for ${op.allowed.join(', ')} only`, async () => {
      for (const role of ['USER', 'SUPPORT', 'FINANCE', 'ADMIN'] as const) {
        const res = await t.gql(op.query(), {}, keys[role]);
        expect(code(res), `${role} on ${op.name}`).toBe(op.allowed.includes(role) ? 'OK' : 'FORBIDDEN');
      }
      expect(code(await t.gql(op.query(), {}, null))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(op.query(), {}, 'cm_not_a_real_key'))).toBe('UNAUTHENTICATED');
    });
  }

  it('every key sees its own account through me, and only its own', async () => {
    const res = await t.gql(`{ me { id balance { balanceMillicredits } } }`, {}, other.key);
    expect(res.data).toEqual({ me: { id: other.id, balance: { balanceMillicredits: expect.any(String) } } });
  });

  it('stores keys hashed, never in clear', async () => {
    const created = await t.gql<{ createApiKey: { id: string; key: string } }>(
      `mutation { createApiKey(accountId: "${other.id}", role: SUPPORT) { id key } }`,
    );
    const { id, key } = created.data!.createApiKey;
    const rows = await t.db.query<{ key_hash: string; role: string }>(`select key_hash, role from api_keys where id = $1`, [id]);
    expect(rows[0].role).toBe('SUPPORT');
    expect(rows[0].key_hash).not.toContain(key);
    const anywhere = await t.db.query(`select 1 from api_keys where key_hash = $1 or key_prefix = $1`, [key]);
    expect(anywhere).toEqual([]);
  });

  it('audits staff mutations in the same transaction as the change', async () => {
    const res = await t.gql<{ adjustBalance: { id: string } }>(
      `mutation { adjustBalance(input: { accountId: "${other.id}", amountMillicredits: "-250", reason: "duplicate charge", referenceId: "INC-42" }) { id } }`,
    );
    const txId = res.data!.adjustBalance.id;
    const [audit] = await t.db.query<{ action: string; reason: string; actor_role: string; after: Record<string, string> }>(
      `select action, reason, actor_role, after from audit_log where after->>'transactionId' = $1`,
      [txId],
    );
    expect(audit).toMatchObject({ action: 'ledger.adjustBalance', reason: 'duplicate charge', actor_role: 'ADMIN' });
    expect(audit.after).toMatchObject({ amountMillicredits: '-250', referenceId: 'INC-42' });
  });
});

describe('HTTP hardening', () => {
  it('sends conservative security headers and hides the framework', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
