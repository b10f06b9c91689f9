import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const LEDGER = `query($first: Int, $after: String) { me { balance { balanceMillicredits } ledger(first: $first, after: $after) {
  edges { cursor node { id type amountMillicredits balanceAfterMillicredits } } pageInfo { hasNextPage endCursor } } } }`;
const USAGE = `query($first: Int, $after: String) { me { usage(first: $first, after: $after) {
  edges { node { idempotencyKey } } pageInfo { hasNextPage endCursor } } } }`;

describe('ledger and usage pagination', () => {
  it('walks the ledger newest first in pages whose balances chain to the current balance', async () => {
    const user = await t.account(1_000_000n);
    for (let i = 0; i < 7; i++) {
      await t.services.usage.record(null, user.id, { model: 'cheap-model', inputTokens: 1000 * (i + 1), outputTokens: 0, idempotencyKey: `p${i}` });
    }
    const seen: Array<{ amountMillicredits: string; balanceAfterMillicredits: string; type: string }> = [];
    let after: string | null = null;
    let balance = '';
    for (let page = 0; page < 10; page++) {
      const res: { data?: any; errors?: unknown } = await t.gql(LEDGER, { first: 3, after }, user.key);
      expect(res.errors).toBeUndefined();
      balance = res.data.me.balance.balanceMillicredits;
      seen.push(...res.data.me.ledger.edges.map((e: { node: (typeof seen)[number] }) => e.node));
      if (!res.data.me.ledger.pageInfo.hasNextPage) break;
      after = res.data.me.ledger.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(8); // the funding bonus + 7 charges
    expect(seen[0].balanceAfterMillicredits).toBe(balance);
    expect(seen[seen.length - 1].type).toBe('BONUS');
    for (let i = 0; i < seen.length - 1; i++) {
      // newer.balanceAfter = older.balanceAfter + newer.amount
      expect(BigInt(seen[i].balanceAfterMillicredits)).toBe(BigInt(seen[i + 1].balanceAfterMillicredits) + BigInt(seen[i].amountMillicredits));
    }
    expect(BigInt(balance)).toBe(1_000_000n - 100n * (1n + 2n + 3n + 4n + 5n + 6n + 7n));
  });

  it('pages usage newest first and refuses bad page sizes and cursors', async () => {
    const user = await t.account(1_000_000n);
    for (let i = 0; i < 5; i++) {
      await t.services.usage.record(null, user.id, { model: 'cheap-model', inputTokens: 10, outputTokens: 0, idempotencyKey: `u${i}` });
    }
    const first = await t.gql(USAGE, { first: 2 }, user.key);
    expect(first.data.me.usage.edges.map((e: { node: { idempotencyKey: string } }) => e.node.idempotencyKey)).toEqual(['u4', 'u3']);
    const second = await t.gql(USAGE, { first: 10, after: first.data.me.usage.pageInfo.endCursor }, user.key);
    expect(second.data.me.usage.edges.map((e: { node: { idempotencyKey: string } }) => e.node.idempotencyKey)).toEqual(['u2', 'u1', 'u0']);
    expect(second.data.me.usage.pageInfo.hasNextPage).toBe(false);
    expect((await t.gql(USAGE, { first: 0 }, user.key)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(USAGE, { first: 1000 }, user.key)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(USAGE, { first: 2, after: 'garbage' }, user.key)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('connection totals', () => {
  it('counts every item of a list across pages, whatever the page size', async () => {
    const user = await t.account(1_000_000n);
    for (let i = 0; i < 4; i++) {
      await t.services.usage.record(null, user.id, { model: 'cheap-model', inputTokens: 10, outputTokens: 0, idempotencyKey: `t${i}` });
    }
    const res = await t.gql(`{ me { ledger(first: 1) { totalCount edges { cursor } } usage(first: 2) { totalCount edges { cursor } } } }`, {}, user.key);
    expect(res.errors).toBeUndefined();
    expect(res.data.me.ledger).toMatchObject({ totalCount: 5 }); // the funding bonus + 4 charges
    expect(res.data.me.ledger.edges).toHaveLength(1);
    expect(res.data.me.usage).toMatchObject({ totalCount: 4 });
    expect(res.data.me.usage.edges).toHaveLength(2);
  });

  it('sends millicredit amounts as decimal strings', async () => {
    const user = await t.account(1_234_567n);
    const res = await t.gql(`{ me { balance { balanceMillicredits availableMillicredits } } }`, {}, user.key);
    expect(res.data.me.balance).toEqual({ balanceMillicredits: '1234567', availableMillicredits: '1234567' });
  });
});
