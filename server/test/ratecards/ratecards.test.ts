import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_RATES, type TestApp } from '../support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const PUBLISH = `mutation($input: PublishRateCardInput!) { publishRateCard(input: $input) { id name version active activatedAt rates { model inputPer1k cachedInputPer1k outputPer1k enabled } } }`;
const CHARGE = `mutation($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits inputPer1k outputPer1k } }`;

describe('rate cards', () => {
  it('publishes a new version active at once, snapshots rates on usage, and rolls back', async () => {
    const user = await t.account(10_000_000n);
    const before = await t.gql(`{ rateCards { id version active } }`);
    const original = before.data.rateCards.find((c: { active: boolean }) => c.active);

    const doubled = TEST_RATES.map((r) => (r.model === 'cheap-model' ? { ...r, inputPer1k: '0.200', outputPer1k: '0.800' } : r));
    const published = await t.gql(PUBLISH, { input: { name: 'Doubled cheap', rates: doubled } });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishRateCard).toMatchObject({ name: 'Doubled cheap', active: true });
    expect(published.data.publishRateCard.rates).toContainEqual({
      model: 'cheap-model',
      inputPer1k: '0.200',
      cachedInputPer1k: '0.200',
      outputPer1k: '0.800',
      enabled: true,
    });

    const onNew = await t.gql(
      CHARGE,
      { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'v2' } },
      user.key,
    );
    expect(onNew.data.recordUsage).toEqual({ chargedMillicredits: '200', inputPer1k: '0.200', outputPer1k: '0.800' });

    const rollback = await t.gql(`mutation($id: ID!) { activateRateCard(id: $id) { id active } }`, { id: original.id });
    expect(rollback.data.activateRateCard).toEqual({ id: original.id, active: true });
    const onOld = await t.gql(
      CHARGE,
      { input: { model: 'cheap-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: 'v1' } },
      user.key,
    );
    expect(onOld.data.recordUsage).toEqual({ chargedMillicredits: '100', inputPer1k: '0.100', outputPer1k: '0.400' });

    // The earlier row keeps the rates it was charged at.
    const usage = await t.gql(
      `{ me { usage(first: 2) { edges { node { idempotencyKey inputPer1k chargedMillicredits } } } } }`,
      {},
      user.key,
    );
    expect(usage.data.me.usage.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { idempotencyKey: 'v1', inputPer1k: '0.100', chargedMillicredits: '100' },
      { idempotencyKey: 'v2', inputPer1k: '0.200', chargedMillicredits: '200' },
    ]);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where action like 'rateCard.%' order by id`);
    // The harness published the first card; this test published one and rolled back.
    expect(audit.map((a) => a.action)).toEqual(['rateCard.publish', 'rateCard.publish', 'rateCard.activate']);
  });

  it('switching the active card off refuses every model on it', async () => {
    const user = await t.account(1_000_000n);
    const cards = await t.gql(`{ rateCards { id active } }`);
    const active = cards.data.rateCards.find((c: { active: boolean }) => c.active);
    await t.gql(`mutation($id: ID!) { setRateCardEnabled(id: $id, enabled: false) { enabled } }`, { id: active.id });
    try {
      const refused = await t.gql(
        CHARGE,
        { input: { model: 'test-model', inputTokens: 1, outputTokens: 1, idempotencyKey: 'off' } },
        user.key,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('MODEL_DISABLED');
      const rates = await t.gql(`{ activeRates { model enabled } }`, {}, user.key);
      expect(rates.data.activeRates.every((r: { enabled: boolean }) => !r.enabled)).toBe(true);
    } finally {
      await t.gql(`mutation($id: ID!) { setRateCardEnabled(id: $id, enabled: true) { enabled } }`, { id: active.id });
    }
  });

  it('refuses invalid rate cards and writes nothing', async () => {
    const [before] = await t.db.query<{ n: string }>(`select count(*) as n from rate_cards`);
    const bad = [
      { name: 'dupe', rates: [TEST_RATES[0], TEST_RATES[0]] },
      { name: 'too precise', rates: [{ ...TEST_RATES[1], inputPer1k: '0.1234' }] },
      { name: 'negative', rates: [{ ...TEST_RATES[1], outputPer1k: '-1.000' }] },
      { name: 'empty', rates: [] },
      { name: ' ', rates: [TEST_RATES[1]] },
      { name: 'bad model', rates: [{ ...TEST_RATES[1], model: 'has spaces' }] },
    ];
    for (const input of bad) {
      const res = await t.gql(PUBLISH, { input });
      expect(res.errors?.[0]?.extensions?.code, input.name).toBe('BAD_USER_INPUT');
    }
    const [after] = await t.db.query<{ n: string }>(`select count(*) as n from rate_cards`);
    expect(after.n).toBe(before.n);
  });
});
