import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { SetAllocation, TeamCharge, addMembers, chargeInput, fundedTeam } from '../teams/support.js';

const SetThresholds = `mutation Set($accountId: ID, $t: [String!]!, $p: [Int!], $member: ID, $key: ID) {
  setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $t, thresholdsPercent: $p, memberAccountId: $member, apiKeyId: $key) {
    accountId memberAccountId thresholdMillicredits percent custom alerted
  }
}`;
const Spend = `mutation Spend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NOTIFY_WORKER: 'false', LOW_BALANCE_THRESHOLD_MILLICREDITS: '1000', CHECKOUT_TEST_MODE: 'true' });
});
afterAll(async () => t?.close());

const lowEvents = async (accountId: string) =>
  t.db.query<{ data: Record<string, string> }>(
    `select data from outbox_events where account_id = $1 and type = 'balance.low' order by seq`,
    [accountId],
  );

/** 100 millicredits per charge (cheap-model), all at once, each by the member's own key for the team. */
const race = (teamId: string, member: { key: string }, n: number) =>
  Promise.all(Array.from({ length: n }, () => t.gql(TeamCharge, { input: chargeInput(teamId, randomUUID()) }, member.key)));

describe("low-balance thresholds on a team member's allocation", () => {
  it('fires each threshold once under racing charges, to the team, and again only once the allocation rises', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 10_000n);
    const set = await t.gql(SetThresholds, { accountId: teamId, member: member.id, t: ['5000'], p: [20] }, owner.key);
    expect(set.errors).toBeUndefined();
    expect(set.data.setLowBalanceThresholds).toEqual([
      { accountId: teamId, memberAccountId: member.id, thresholdMillicredits: '5000', percent: null, custom: true, alerted: false },
      { accountId: teamId, memberAccountId: member.id, thresholdMillicredits: '2000', percent: 20, custom: true, alerted: false },
    ]);

    // 60 racing charges: remaining 10,000 -> 4,000 crosses 5,000: exactly one event.
    const first = await race(teamId, member, 60);
    expect(first.every((r) => r.data?.recordUsage)).toBe(true);
    let events = await lowEvents(teamId);
    expect(events.map((e) => e.data.thresholdMillicredits)).toEqual(['5000']);
    expect(events[0].data).toMatchObject({
      teamId,
      memberAccountId: member.id,
      remainingAllocationMillicredits: '4900', // the charge that crossed
      monthlyAllocationMillicredits: '10000',
    });
    // 30 more: 4,000 -> 1,000 crosses 20 % (2,000), once; the member's own account hears nothing.
    await race(teamId, member, 30);
    expect((await lowEvents(teamId)).map((e) => e.data.thresholdMillicredits)).toEqual(['5000', '2000']);
    await race(teamId, member, 5);
    expect((await lowEvents(teamId)).map((e) => e.data.thresholdMillicredits)).toEqual(['5000', '2000']);
    expect(await lowEvents(member.id)).toEqual([]);

    // A larger allocation: 20,000 - 9,500 = 10,500 re-arms 5,000, and 20 % is now 4,000.
    const raised = await t.gql(
      SetAllocation,
      { input: { teamId, accountId: member.id, monthlyAllocationMillicredits: '20000' } },
      owner.key,
    );
    expect(raised.errors).toBeUndefined();
    const view = await t.gql(
      `query($id: ID!) { team(id: $id) { members { accountId lowBalanceAlerts { thresholdMillicredits percent alerted } } } }`,
      { id: teamId },
      owner.key,
    );
    const row = view.data.team.members.find((m: { accountId: string }) => m.accountId === member.id);
    expect(row.lowBalanceAlerts).toEqual([
      { thresholdMillicredits: '5000', percent: null, alerted: false },
      { thresholdMillicredits: '4000', percent: 20, alerted: false },
    ]);
    // 70 racing charges: 10,500 -> 3,500 crosses both, each once.
    await race(teamId, member, 70);
    events = await lowEvents(teamId);
    expect(events.map((e) => e.data.thresholdMillicredits)).toEqual(['5000', '2000', '5000', '4000']);
  });

  it("only the team's OWNERs (or ADMIN) set a member's thresholds; a member that is not one is NOT_FOUND", async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member, other] = await addMembers(t, teamId, owner.key, 2, 5_000n);
    const byMember = await t.gql(SetThresholds, { accountId: teamId, member: other.id, t: ['100'] }, member.key);
    expect(byMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stranger = await t.account();
    const notMember = await t.gql(SetThresholds, { accountId: teamId, member: stranger.id, t: ['100'] }, owner.key);
    expect(notMember.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const p of [[0], [101], [150]]) {
      const bad = await t.gql(SetThresholds, { accountId: teamId, member: member.id, t: [], p }, owner.key);
      expect(bad.errors?.[0].extensions?.code, String(p)).toBe('BAD_USER_INPUT');
    }
    const byAdmin = await t.gql(SetThresholds, { accountId: teamId, member: member.id, t: [], p: [50] });
    expect(byAdmin.data.setLowBalanceThresholds).toEqual([
      { accountId: teamId, memberAccountId: member.id, thresholdMillicredits: '2500', percent: 50, custom: true, alerted: false },
    ]);
    const [audit] = await t.db.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where target_id = $1 and action = 'team.setMemberLowBalanceThresholds' order by created_at desc limit 1`,
      [teamId],
    );
    expect(audit.after).toMatchObject({ memberAccountId: member.id, thresholdsPercent: [50], thresholdsMillicredits: [] });
  });
});

describe('low-balance thresholds in percent of the last purchase', () => {
  it('follow each purchase, fire once per crossing under racing charges, and re-arm after a top-up', async () => {
    const user = await t.account(1_000_000n);
    // No purchase yet: 50 % is of nothing (0).
    const before = await t.gql(SetThresholds, { t: ['100000'], p: [50] }, user.key);
    expect(
      before.data.setLowBalanceThresholds.map((a: { thresholdMillicredits: string; percent: number | null }) => [
        a.thresholdMillicredits,
        a.percent,
      ]),
    ).toEqual([
      ['100000', null],
      ['0', 50],
    ]);

    // A starter pack (10,000 credits): 50 % is 5,000,000 millicredits, below 11,000,000 available.
    const checkout = await t.gql(`mutation { createCheckoutSession(packId: "starter") { purchaseId } }`, {}, user.key);
    expect(checkout.errors).toBeUndefined();
    const paid = await fetch(`${t.url}/billing/test-checkout/${checkout.data.createCheckoutSession.purchaseId}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(paid.status).toBe(200);
    const me = await t.gql(`{ me { lowBalanceAlerts { thresholdMillicredits percent alerted } } }`, {}, user.key);
    expect(me.data.me.lowBalanceAlerts).toEqual([
      { thresholdMillicredits: '5000000', percent: 50, alerted: false },
      { thresholdMillicredits: '100000', percent: null, alerted: false },
    ]);

    // 20 racing charges of 360,000 (test-model, 150,000 input tokens): 11,000,000 -> 3,800,000 crosses 50 %, once.
    const spend = () =>
      t.gql(Spend, { input: { model: 'test-model', inputTokens: 150_000, outputTokens: 0, idempotencyKey: randomUUID() } }, user.key);
    const spent = await Promise.all(Array.from({ length: 20 }, spend));
    expect(spent.every((r) => r.data?.recordUsage?.chargedMillicredits === '360000')).toBe(true);
    const thresholds = async () => (await lowEvents(user.id)).map((e) => e.data.thresholdMillicredits);
    expect(await thresholds()).toEqual(['5000000']);
    await Promise.all(Array.from({ length: 3 }, spend));
    expect(await thresholds()).toEqual(['5000000']);

    // A second purchase re-arms it (available is back above); the next crossing fires again.
    const again = await t.gql(`mutation { createCheckoutSession(packId: "starter") { purchaseId } }`, {}, user.key);
    await fetch(`${t.url}/billing/test-checkout/${again.data.createCheckoutSession.purchaseId}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    await Promise.all(Array.from({ length: 25 }, spend));
    expect(await thresholds()).toEqual(['5000000', '5000000']);
  });
});

describe("low-balance thresholds on an API key's budget", () => {
  it("fire once per crossing under racing charges, to the key's account, and again only once the limit rises", async () => {
    const user = await t.account(1_000_000n);
    const [key] = (await t.gql(`{ apiKeys { id } }`, {}, user.key)).data.apiKeys;
    const limit = (spendLimitMillicredits: string) =>
      t.gql(
        `mutation($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id } }`,
        {
          id: key.id,
          input: { spendLimitMillicredits },
        },
        user.key,
      );
    expect((await limit('100000')).errors).toBeUndefined();
    const set = await t.gql(SetThresholds, { key: key.id, t: ['50000'], p: [20] }, user.key);
    expect(set.errors).toBeUndefined();
    expect(
      set.data.setLowBalanceThresholds.map((a: { thresholdMillicredits: string; percent: number | null }) => [
        a.thresholdMillicredits,
        a.percent,
      ]),
    ).toEqual([
      ['50000', null],
      ['20000', 20],
    ]);
    const spend = () =>
      t.gql(Spend, { input: { model: 'test-model', inputTokens: 1000, outputTokens: 0, idempotencyKey: randomUUID() } }, user.key);
    const keyEvents = async () =>
      (await lowEvents(user.id)).filter((e) => e.data.apiKeyId === key.id).map((e) => e.data.thresholdMillicredits);

    // 30 racing charges of 2,400: 100,000 -> 28,000 left crosses 50,000, once.
    const first = await Promise.all(Array.from({ length: 30 }, spend));
    expect(first.every((r) => r.data?.recordUsage)).toBe(true);
    expect(await keyEvents()).toEqual(['50000']);
    // 5 more: 28,000 -> 16,000 crosses 20 % (20,000), once.
    await Promise.all(Array.from({ length: 5 }, spend));
    expect(await keyEvents()).toEqual(['50000', '20000']);
    const [event] = (await lowEvents(user.id)).filter((e) => e.data.apiKeyId === key.id);
    expect(event.data).toMatchObject({ accountId: user.id, spendLimitMillicredits: '100000', remainingBudgetMillicredits: '49600' }); // the 21st charge crossed

    // A limit of 200,000: 116,000 left re-arms both, and 20 % is now 40,000.
    expect((await limit('200000')).errors).toBeUndefined();
    const listed = await t.gql(`{ apiKeys { id lowBalanceAlerts { thresholdMillicredits percent alerted } } }`, {}, user.key);
    expect(listed.data.apiKeys.find((k: { id: string }) => k.id === key.id).lowBalanceAlerts).toEqual([
      { thresholdMillicredits: '50000', percent: null, alerted: false },
      { thresholdMillicredits: '40000', percent: 20, alerted: false },
    ]);
    // 35 racing charges: 116,000 -> 32,000 crosses both, each once.
    await Promise.all(Array.from({ length: 35 }, spend));
    expect(await keyEvents()).toEqual(['50000', '20000', '50000', '40000']);

    // Another account's key is not found for this account; a stranger cannot name this account.
    const other = await t.account();
    expect((await t.gql(SetThresholds, { key: key.id, t: ['1'] }, other.key)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(SetThresholds, { accountId: user.id, key: key.id, t: ['1'] }, other.key)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
