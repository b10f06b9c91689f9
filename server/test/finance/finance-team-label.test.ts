import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { addMembers, chargeInput, fundedTeam, TeamCharge } from '../teams/support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('top accounts by spend', () => {
  it('names a team account by its team name and a customer by email, never by a bare id', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const charged = await t.gql(TeamCharge, { input: chargeInput(teamId, 'team-label-1') }, member.key);
    expect(charged.errors).toBeUndefined();
    const solo = await t.account(1_000_000n);
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'solo-label-1') }, solo.key)).errors).toBeUndefined();
    await t.services.finance.rollup();

    const today = new Date().toISOString().slice(0, 10);
    const res = await t.gql(
      `query($from: DateTime!, $to: DateTime!) { financeByAccount(from: $from, to: $to, limit: 50) { accountId label } }`,
      { from: `${today}T00:00:00.000Z`, to: new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const labels = new Map((res.data as any).financeByAccount.map((r: { accountId: string; label: string }) => [r.accountId, r.label]));
    expect(labels.get(teamId)).toBe('Acme');
    const [{ email }] = await t.db.query<{ email: string }>(`select email from accounts where id = $1`, [solo.id]);
    expect(labels.get(solo.id)).toBe(email);
  });
});
