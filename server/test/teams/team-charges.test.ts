import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  CreateTeamKey,
  RemoveMember,
  SetAllocation,
  SetPolicy,
  TeamCharge,
  TeamQuery,
  addMembers,
  chargeInput,
  codeOf,
  fundedTeam,
  memberRow,
  postedOf,
} from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('charging a team', () => {
  it('charges the team, records the member on the usage row and leaves the member’s own balance alone', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null, 5_000n);
    const charged = await t.gql(TeamCharge, { input: chargeInput(teamId, 'one') }, member.key);
    expect(charged.errors).toBeUndefined();
    expect(charged.data!.recordUsage).toMatchObject({ chargedMillicredits: '100', memberAccountId: member.id, idempotencyKey: 'one' });
    expect(await postedOf(t, teamId)).toBe(9_900n);
    expect(await postedOf(t, member.id)).toBe(5_000n);
    const [row] = await t.db.query<{ account_id: string; member_account_id: string }>(`select account_id, member_account_id from usage_records where id = $1`, [
      charged.data!.recordUsage.id,
    ]);
    expect(row).toEqual({ account_id: teamId, member_account_id: member.id });
    expect((await memberRow(t, teamId, member.id)).spent).toBe(100n);
    // The member's own charges still hit their own account only.
    await t.gql(TeamCharge, { input: chargeInput(null, 'own') }, member.key);
    expect(await postedOf(t, member.id)).toBe(4_900n);
    expect(await postedOf(t, teamId)).toBe(9_900n);
  });

  it('lets a charge land exactly at the allocation and refuses one millicredit over, writing nothing', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 250n);
    // 1,000 tokens = 100; 500 tokens = 50: 100 + 100 + 50 = 250 exactly.
    for (const [key, tokens] of [['a', 1000], ['b', 1000], ['c', 500]] as const) {
      const r = await t.gql(TeamCharge, { input: chargeInput(teamId, key, tokens) }, member.key);
      expect(r.errors).toBeUndefined();
    }
    expect((await memberRow(t, teamId, member.id)).spent).toBe(250n);
    // 10 tokens x 0.100/1k = 1 millicredit (rounded up): one over the cap.
    const over = await t.gql(TeamCharge, { input: chargeInput(teamId, 'd', 10) }, member.key);
    expect(codeOf(over)).toBe('SPEND_CAP_EXCEEDED');
    expect(over.errors![0].extensions!.remainingMillicredits).toBe('0');
    expect(await postedOf(t, teamId)).toBe(9_750n);
    expect((await memberRow(t, teamId, member.id)).spent).toBe(250n);
    const [n] = await t.db.query<{ n: string }>(`select count(*) n from usage_records where account_id = $1`, [teamId]);
    expect(n.n).toBe('3');

    // One millicredit more allocation lets exactly that charge through.
    await t.gql(SetAllocation, { input: { teamId, accountId: member.id, monthlyAllocationMillicredits: '251' } }, owner.key);
    const fits = await t.gql(TeamCharge, { input: chargeInput(teamId, 'd', 10) }, member.key);
    expect(fits.errors).toBeUndefined();
    const view = await t.gql(TeamQuery, { id: teamId }, member.key);
    expect(view.data!.team!.members).toEqual([expect.objectContaining({ accountId: member.id, spentThisPeriodMillicredits: '251', remainingThisPeriodMillicredits: '0' })]);
  });

  it('refuses INSUFFICIENT_CREDITS (402) when the team balance is short, and leaves the allocation untouched', async () => {
    const { teamId, owner } = await fundedTeam(t, 150n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 1_000n);
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'a') }, member.key)).errors).toBeUndefined();
    const short = await t.gql(TeamCharge, { input: chargeInput(teamId, 'b') }, member.key);
    expect(codeOf(short)).toBe('INSUFFICIENT_CREDITS');
    expect(short.status).toBe(402);
    expect(await postedOf(t, teamId)).toBe(50n);
    expect((await memberRow(t, teamId, member.id)).spent).toBe(100n);
  });

  it('refuses an outsider and a removed member with FORBIDDEN; the removed member’s history stays', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const outsider = await t.account(1_000n);
    const first = await t.gql(TeamCharge, { input: chargeInput(teamId, 'before') }, member.key);
    expect(first.errors).toBeUndefined();

    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'x') }, outsider.key))).toBe('FORBIDDEN');

    const removed = await t.gql(RemoveMember, { teamId, accountId: member.id }, owner.key);
    expect(removed.data!.removeTeamMember.removedAt).toBeTruthy();
    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'after') }, member.key))).toBe('FORBIDDEN');
    expect(await postedOf(t, teamId)).toBe(9_900n);
    expect(await postedOf(t, outsider.id)).toBe(1_000n);
    const rows = await t.db.query<{ member_account_id: string }>(`select member_account_id from usage_records where account_id = $1`, [teamId]);
    expect(rows).toEqual([{ member_account_id: member.id }]);
    // The owner still sees the removed member with their spend.
    const view = await t.gql(TeamQuery, { id: teamId }, owner.key);
    expect(view.data!.team!.members.find((m) => m.accountId === member.id)).toMatchObject({ spentThisPeriodMillicredits: '100' });
  });

  it('keeps each member’s idempotency keys apart on the shared team account', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [a, b] = await addMembers(t, teamId, owner.key, 2, null);
    const first = await t.gql(TeamCharge, { input: chargeInput(teamId, 'same-key') }, a.key);
    const repeat = await t.gql(TeamCharge, { input: chargeInput(teamId, 'same-key') }, a.key);
    const other = await t.gql(TeamCharge, { input: chargeInput(teamId, 'same-key') }, b.key);
    expect(repeat.data!.recordUsage.id).toBe(first.data!.recordUsage.id);
    expect(other.data!.recordUsage.id).not.toBe(first.data!.recordUsage.id);
    expect(other.data!.recordUsage.memberAccountId).toBe(b.id);
    expect(await postedOf(t, teamId)).toBe(9_800n);
  });

  it('applies the team policy: per-request cap and allowed models', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const set = await t.gql(SetPolicy, { input: { teamId, requestCapMillicredits: '150', allowedModels: ['cheap-model'] } }, owner.key);
    expect(set.data!.setTeamPolicy.policy).toEqual({ requestCapMillicredits: '150', sessionCapMillicredits: null, sessionWindowSeconds: 3600, allowedModels: ['cheap-model'] });

    const tooBig = await t.gql(TeamCharge, { input: chargeInput(teamId, 'big', 2000) }, member.key);
    expect(codeOf(tooBig)).toBe('SPEND_CAP_EXCEEDED');
    const otherModel = await t.gql(TeamCharge, { input: chargeInput(teamId, 'm', 10, 'test-model') }, member.key);
    expect(codeOf(otherModel)).toBe('MODEL_DISABLED');
    expect(await postedOf(t, teamId)).toBe(10_000n);
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'ok', 1500) }, member.key)).errors).toBeUndefined();
    // The member's own account is not under the team's policy.
    const own = await t.account(10_000n);
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'own', 10, 'test-model') }, own.key)).errors).toBeUndefined();

    const [audit] = await t.db.query<{ after: any }>(`select after from audit_log where action = 'team.setPolicy' and target_id = $1`, [teamId]);
    expect(audit.after).toMatchObject({ requestCap: '150', allowedModels: ['cheap-model'] });
  });

  it('charges the team from a key issued for it, without naming the team, and refuses another team', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const other = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null, 1_000n);
    const issued = await t.gql(CreateTeamKey, { teamId, label: 'ci' }, member.key);
    expect(issued.errors).toBeUndefined();
    const teamKey = issued.data!.createTeamApiKey.key;
    const charged = await t.gql(TeamCharge, { input: chargeInput(null, 'via-key') }, teamKey);
    expect(charged.data!.recordUsage.memberAccountId).toBe(member.id);
    expect(await postedOf(t, teamId)).toBe(9_900n);
    expect(await postedOf(t, member.id)).toBe(1_000n);
    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(other.teamId, 'elsewhere') }, teamKey))).toBe('FORBIDDEN');
    // An outsider cannot get a key for the team.
    const outsider = await t.account();
    expect(codeOf(await t.gql(CreateTeamKey, { teamId }, outsider.key))).toBe('FORBIDDEN');
  });

  it('charges a team row by row in recordUsageBatch, each row refused or charged on its own', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 250n, 1_000n);
    const batch = await t.gql(
      `mutation($inputs: [RecordUsageInput!]!) { recordUsageBatch(inputs: $inputs) { index usage { memberAccountId chargedMillicredits } errorCode } }`,
      { inputs: [chargeInput(teamId, 'b1'), chargeInput(null, 'own'), chargeInput(teamId, 'b2'), chargeInput(teamId, 'b3')] },
      member.key,
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data.recordUsageBatch).toEqual([
      { index: 0, usage: { memberAccountId: member.id, chargedMillicredits: '100' }, errorCode: null },
      { index: 1, usage: { memberAccountId: null, chargedMillicredits: '100' }, errorCode: null },
      { index: 2, usage: { memberAccountId: member.id, chargedMillicredits: '100' }, errorCode: null },
      { index: 3, usage: null, errorCode: 'SPEND_CAP_EXCEEDED' },
    ]);
    expect(await postedOf(t, teamId)).toBe(9_800n);
    expect(await postedOf(t, member.id)).toBe(900n);
    expect((await memberRow(t, teamId, member.id)).spent).toBe(200n);
  });
});
