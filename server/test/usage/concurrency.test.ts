import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const Charge = graphql(`
  mutation Charge($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      id
      chargedMillicredits
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

async function postedOf(accountId: string) {
  const [row] = await t.db.query<{ posted: string; pending: string }>(`select posted, pending from accounts where id = $1`, [accountId]);
  return BigInt(row.posted);
}

describe('charges under real concurrency', () => {
  it('lands exactly 10 of 40 concurrent charges against room for 10, ending at zero', async () => {
    // cheap-model: 1000 input tokens x 0.100 credits/1k = 100 millicredits per charge.
    const user = await t.account(1_000n);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.gql(Charge, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: `race-${i}` } }, user.key),
      ),
    );
    const landed = results.filter((r) => r.data?.recordUsage);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_CREDITS');
    expect(landed).toHaveLength(10);
    expect(refused).toHaveLength(30);
    expect(refused.every((r) => r.status === 402)).toBe(true);
    expect(await postedOf(user.id)).toBe(0n);
    const [rows] = await t.db.query<{ n: string }>(`select count(*) as n from usage_records where account_id = $1`, [user.id]);
    expect(rows.n).toBe('10');
  });

  it('charges once for sequential repeats of one idempotency key', async () => {
    const user = await t.account(10_000n);
    const input = { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'same' };
    const first = await t.gql(Charge, { input }, user.key);
    const second = await t.gql(Charge, { input }, user.key);
    const third = await t.gql(Charge, { input }, user.key);
    expect(second.data!.recordUsage.id).toBe(first.data!.recordUsage.id);
    expect(third.data!.recordUsage.id).toBe(first.data!.recordUsage.id);
    expect(await postedOf(user.id)).toBe(9_900n);
  });

  it('charges once for 8 parallel repeats of one idempotency key', async () => {
    const user = await t.account(10_000n);
    const input = { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'parallel' };
    const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(Charge, { input }, user.key)));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(results.map((r) => r.data!.recordUsage.id)).size).toBe(1);
    expect(await postedOf(user.id)).toBe(9_900n);
    const [tx] = await t.db.query<{ n: string }>(`select count(*) as n from ledger_transactions where account_id = $1 and type = 'USAGE'`, [
      user.id,
    ]);
    expect(tx.n).toBe('1');
  });

  it('refuses the same key with another payload as IDEMPOTENCY_CONFLICT and charges nothing more', async () => {
    const user = await t.account(10_000n);
    await t.gql(Charge, { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'k' } }, user.key);
    const conflict = await t.gql(
      Charge,
      { input: { model: 'cheap-model', inputTokens: 1001, outputTokens: 0, idempotencyKey: 'k' } },
      user.key,
    );
    expect(conflict.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await postedOf(user.id)).toBe(9_900n);
  });

  it('answers a repeat with the first row even once credits are gone or the model is switched off', async () => {
    const user = await t.account(100n);
    const input = { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'last-credits' };
    const first = await t.gql(Charge, { input }, user.key);
    expect(first.data!.recordUsage.chargedMillicredits).toBe('100');
    const broke = await t.gql(Charge, { input }, user.key);
    expect(broke.data!.recordUsage.id).toBe(first.data!.recordUsage.id);
    await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: false) { enabled } }`);
    try {
      const disabled = await t.gql(Charge, { input }, user.key);
      expect(disabled.data!.recordUsage.id).toBe(first.data!.recordUsage.id);
      const fresh = await t.gql(Charge, { input: { ...input, idempotencyKey: 'new' } }, user.key);
      expect(fresh.errors?.[0]?.extensions?.code).toBe('MODEL_DISABLED');
    } finally {
      await t.gql(`mutation { setModelEnabled(model: "cheap-model", enabled: true) { enabled } }`);
    }
    expect(await postedOf(user.id)).toBe(0n);
  });
});
