import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const RecordUsage = graphql(`
  mutation RecordUsage($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      id
      model
      inputTokens
      cachedInputTokens
      outputTokens
      inputPer1k
      cachedInputPer1k
      outputPer1k
      chargedMillicredits
      costUsd
      idempotencyKey
    }
  }
`);

const MyBalance = graphql(`
  query MyBalance {
    me {
      id
      balance {
        balanceMillicredits
        heldMillicredits
        availableMillicredits
        balanceCredits
        balanceUsd
      }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('recordUsage', () => {
  it('charges ceil(tokens x rates / 1000) and snapshots the rates on the row', async () => {
    const user = await t.account(1_000_000n);
    const res = await t.gql(
      RecordUsage,
      { input: { model: 'test-model', inputTokens: 1234, cachedInputTokens: 100, outputTokens: 57, idempotencyKey: 'a-1' } },
      user.key,
    );
    expect(res.errors).toBeUndefined();
    // 1234*2400 + 100*1200 + 57*9600 = 3,628,800 -> /1000 = 3628.8 -> 3629
    expect(res.data!.recordUsage).toMatchObject({
      chargedMillicredits: '3629',
      inputPer1k: '2.400',
      cachedInputPer1k: '1.200',
      outputPer1k: '9.600',
      // 1234*1000 + 100*500 + 57*4000 = 1,512,000 -> 1512 micro-dollars
      costUsd: '0.001512',
    });
    const balance = await t.gql(MyBalance, {}, user.key);
    expect(balance.data!.me.balance).toMatchObject({
      balanceMillicredits: String(1_000_000 - 3629),
      availableMillicredits: String(1_000_000 - 3629),
      heldMillicredits: '0',
    });
  });
});
