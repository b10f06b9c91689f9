import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/roles.js';
import { startTestApp, type TestApp } from '../support/harness.js';

const Spend = `mutation Spend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;
// test-model: 2.400 per 1k input -> 1,000 input tokens cost 2,400 millicredits.
const spend = (key: string, tokens = 1000) =>
  t.gql(Spend, { input: { model: 'test-model', inputTokens: tokens, outputTokens: 0, idempotencyKey: randomUUID() } }, key);
const SetThresholds = `mutation Set($accountId: ID, $t: [String!]!) {
  setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $t) { accountId thresholdMillicredits custom alerted }
}`;

let t: TestApp;
let admin: Principal;
const lowEvents = async (accountId: string) =>
  (
    await t.db.query<{ data: Record<string, string> }>(
      `select data from outbox_events where account_id = $1 and type = 'balance.low' order by seq`,
      [accountId],
    )
  ).map((e) => e.data.thresholdMillicredits);
const topUp = (accountId: string, amount: bigint) =>
  t.services.ledger.adjustBalance(admin, { accountId, amountMillicredits: amount.toString(), reason: 'top up' });

beforeAll(async () => {
  t = await startTestApp({ NOTIFY_WORKER: 'false', LOW_BALANCE_THRESHOLD_MILLICREDITS: '1000' });
  admin = (await t.services.auth.authenticate(t.adminKey))!;
});
afterAll(async () => t?.close());

describe('several low-balance thresholds', () => {
  it('fires each threshold once per crossing under racing charges, and again only after a top-up', async () => {
    const user = await t.account(200_000n);
    const set = await t.gql(SetThresholds, { t: ['50000', '150000', '100000', '100000'] }, user.key);
    expect(set.errors).toBeUndefined();
    // Highest first, duplicates dropped; none alerted at 200,000.
    expect(set.data.setLowBalanceThresholds.map((a: { thresholdMillicredits: string }) => a.thresholdMillicredits)).toEqual([
      '150000',
      '100000',
      '50000',
    ]);
    expect(await lowEvents(user.id)).toEqual([]);

    // 30 racing charges of 2,400 = 72,000: 200,000 -> 128,000 crosses 150,000 only.
    await Promise.all(Array.from({ length: 30 }, () => spend(user.key)));
    expect(await lowEvents(user.id)).toEqual(['150000']);
    // 20 more: 128,000 -> 80,000 crosses 100,000, once.
    await Promise.all(Array.from({ length: 20 }, () => spend(user.key)));
    expect(await lowEvents(user.id)).toEqual(['150000', '100000']);
    await Promise.all(Array.from({ length: 5 }, () => spend(user.key)));
    expect(await lowEvents(user.id)).toEqual(['150000', '100000']);

    // A top-up to 108,000 re-arms 100,000 (available is back above it) but not 150,000.
    await topUp(user.id, 40_000n);
    const me = await t.gql(`{ me { lowBalanceAlerts { thresholdMillicredits alerted } } }`, {}, user.key);
    expect(me.data.me.lowBalanceAlerts).toEqual([
      { thresholdMillicredits: '150000', alerted: true },
      { thresholdMillicredits: '100000', alerted: false },
      { thresholdMillicredits: '50000', alerted: false },
    ]);
    // 108,000 -> 98,400 crosses 100,000 again: it fires again; 150,000 does not.
    await Promise.all(Array.from({ length: 4 }, () => spend(user.key)));
    expect(await lowEvents(user.id)).toEqual(['150000', '100000', '100000']);
  });

  it('fires every threshold one charge jumps over, each once, with the threshold in data', async () => {
    const user = await t.account(100_000n);
    await t.gql(SetThresholds, { t: ['90000', '80000', '10000'] }, user.key);
    await spend(user.key, 10_000); // 24,000 at once: 100,000 -> 76,000
    expect(await lowEvents(user.id)).toEqual(['90000', '80000']);
    const [event] = await t.db.query<{ data: Record<string, string> }>(
      `select data from outbox_events where account_id = $1 and type = 'balance.low' order by seq limit 1`,
      [user.id],
    );
    expect(event.data).toMatchObject({ accountId: user.id, thresholdMillicredits: '90000', availableMillicredits: '76000' });
  });

  it('fires at once for a new threshold above the balance, keeps the state of kept ones, and returns to the default on []', async () => {
    const user = await t.account(50_000n);
    await t.gql(SetThresholds, { t: ['60000'] }, user.key);
    expect(await lowEvents(user.id)).toEqual(['60000']);
    // 60,000 kept (still alerted, no second event); 70,000 is new and above: it fires.
    const res = await t.gql(SetThresholds, { t: ['60000', '70000'] }, user.key);
    expect(res.data.setLowBalanceThresholds).toEqual([
      { accountId: user.id, thresholdMillicredits: '70000', custom: true, alerted: true },
      { accountId: user.id, thresholdMillicredits: '60000', custom: true, alerted: true },
    ]);
    expect(await lowEvents(user.id)).toEqual(['60000', '70000']);
    const reset = await t.gql(SetThresholds, { t: [] }, user.key);
    expect(reset.data.setLowBalanceThresholds).toEqual([
      { accountId: user.id, thresholdMillicredits: '1000', custom: false, alerted: false },
    ]);
    const single = await t.gql(`{ me { lowBalanceAlert { thresholdMillicredits custom } } }`, {}, user.key);
    expect(single.data.me.lowBalanceAlert).toEqual({ thresholdMillicredits: '1000', custom: false });
  });

  it('refuses bad input with a typed error and changes nothing; another account needs ADMIN', async () => {
    const user = await t.account(50_000n);
    await t.gql(SetThresholds, { t: ['20000'] }, user.key);
    for (const bad of [['-1'], ['12.5'], ['abc'], Array.from({ length: 11 }, (_, i) => String(i + 1))]) {
      const res = await t.gql(SetThresholds, { t: bad }, user.key);
      expect(res.errors?.[0].extensions?.code, bad.join(',')).toBe('BAD_USER_INPUT');
    }
    const other = await t.account();
    expect((await t.gql(SetThresholds, { accountId: other.id, t: ['5'] }, user.key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const me = await t.gql(`{ me { lowBalanceAlerts { thresholdMillicredits custom } } }`, {}, user.key);
    expect(me.data.me.lowBalanceAlerts).toEqual([{ thresholdMillicredits: '20000', custom: true }]);
    // ADMIN sets another account's thresholds, audited.
    const byAdmin = await t.gql(SetThresholds, { accountId: user.id, t: ['30000', '5000'] });
    expect(byAdmin.errors).toBeUndefined();
    const [audit] = await t.db.query<{ after: { thresholdsMillicredits: string[] } }>(
      `select after from audit_log where target_id = $1 and action = 'account.setLowBalanceThreshold' order by created_at desc limit 1`,
      [user.id],
    );
    expect(audit.after.thresholdsMillicredits).toEqual(['30000', '5000']);
  });
});
