import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';

const Batch = `
  mutation Batch($inputs: [RecordUsageInput!]!) {
    recordUsageBatch(inputs: $inputs) { index errorCode errorMessage usage { id chargedMillicredits idempotencyKey } }
  }`;

interface Row {
  index: number;
  errorCode: string | null;
  errorMessage: string | null;
  usage: { id: string; chargedMillicredits: string; idempotencyKey: string } | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function postedOf(accountId: string) {
  const [row] = await t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]);
  return BigInt(row.posted);
}

// cheap-model: 1000 input tokens x 0.100 credits/1k = 100 millicredits a row.
const row = (key: string, extra: Record<string, unknown> = {}) => ({
  model: 'cheap-model',
  inputTokens: 1000,
  outputTokens: 0,
  idempotencyKey: key,
  ...extra,
});

describe('recordUsageBatch', () => {
  it('answers each row on its own, refuses rows that no longer fit in order, and replays without charging more', async () => {
    const user = await t.account(350n);
    const inputs = [row('a'), row('b'), row('unknown', { model: 'no-such-model' }), row('c'), row('d'), row('e', { inputTokens: 500 })];
    const first = await t.gql<{ recordUsageBatch: Row[] }>(Batch, { inputs }, user.key);
    expect(first.errors).toBeUndefined();
    const rows = first.data!.recordUsageBatch;
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.errorCode)).toEqual([null, null, 'MODEL_NOT_FOUND', null, 'INSUFFICIENT_CREDITS', null]);
    expect(rows[4].errorMessage).toMatch(/Not enough available credits/);
    expect(rows[4].usage).toBeNull();
    expect(rows.filter((r) => r.usage).map((r) => r.usage!.chargedMillicredits)).toEqual(['100', '100', '100', '50']);
    expect(await postedOf(user.id)).toBe(0n);

    // The same batch again: the first results, nothing charged.
    const replay = await t.gql<{ recordUsageBatch: Row[] }>(Batch, { inputs }, user.key);
    const again = replay.data!.recordUsageBatch;
    expect(again.map((r) => r.usage?.id ?? null)).toEqual(rows.map((r) => r.usage?.id ?? null));
    expect(again[4].errorCode).toBe('INSUFFICIENT_CREDITS');
    expect(await postedOf(user.id)).toBe(0n);
    const [n] = await t.db.query<{ n: string }>(`select count(*) as n from usage_records where account_id = $1`, [user.id]);
    expect(n.n).toBe('4');
  });

  it('keeps the rules of recordUsage per row: another account needs ADMIN, a reused key with another payload conflicts', async () => {
    const user = await t.account(10_000n);
    const other = await t.account(10_000n);
    await t.gql(Batch, { inputs: [row('k1')] }, user.key);
    const res = await t.gql<{ recordUsageBatch: Row[] }>(
      Batch,
      { inputs: [row('k1', { inputTokens: 2000 }), row('x', { accountId: other.id }), row('k2'), row('k2')] },
      user.key,
    );
    const rows = res.data!.recordUsageBatch;
    expect(rows.map((r) => r.errorCode)).toEqual(['IDEMPOTENCY_CONFLICT', 'FORBIDDEN', null, null]);
    expect(rows[3].usage!.id).toBe(rows[2].usage!.id);
    expect(await postedOf(user.id)).toBe(9_800n);
    expect(await postedOf(other.id)).toBe(10_000n);

    const admin = await t.gql<{ recordUsageBatch: Row[] }>(Batch, { inputs: [row('by-admin', { accountId: other.id })] });
    expect(admin.data!.recordUsageBatch[0].errorCode).toBeNull();
    expect(await postedOf(other.id)).toBe(9_900n);
  });

  it('takes 1,000 rows in one call and refuses more, writing nothing', async () => {
    const user = await t.account(1_000_000n);
    const full = await t.gql<{ recordUsageBatch: Row[] }>(
      Batch,
      { inputs: Array.from({ length: 1000 }, (_, i) => row(`bulk-${i}`)) },
      user.key,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.recordUsageBatch.filter((r) => r.usage)).toHaveLength(1000);
    expect(await postedOf(user.id)).toBe(900_000n);
    const tooMany = await t.gql(Batch, { inputs: Array.from({ length: 1001 }, (_, i) => row(`over-${i}`)) }, user.key);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await postedOf(user.id)).toBe(900_000n);
  });

  it('needs a key', async () => {
    const res = await t.gql(Batch, { inputs: [row('anon')] }, null);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
