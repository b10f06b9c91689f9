import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { AcceptInvitation, AddMember, DeclineInvitation, codeOf, fundedTeam } from './support.js';

const MINE = `query { me { teamInvitations { teamId role invitedAt expiresAt } } }`;
const OF_TEAM = `query($id: ID!) { team(id: $id) { invitations { accountId } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TEAM_INVITATION_TTL_DAYS: 14, TEAM_PENDING_INVITATIONS_MAX: 3 });
});
afterAll(async () => t?.close());

/** Ages the invitation on the database's clock, which is the one expiry is judged by. */
async function age(teamId: string, accountId: string, days: number) {
  await t.db.query(`update team_invitations set created_at = now() - make_interval(days => $3) where team_id = $1 and account_id = $2`, [
    teamId,
    accountId,
    days,
  ]);
}

const stored = async (teamId: string) =>
  t.db.query(
    `select (select count(*) from team_invitations where team_id = $1::uuid)::int as invitations,
            (select count(*) from audit_log where target_id = $2::text)::int as audits`,
    [teamId, teamId],
  );

describe('team invitations expire', () => {
  it('an invitation past TEAM_INVITATION_TTL_DAYS is not listed, cannot be accepted, and inviting again works', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const invitee = await t.account();
    await t.gql(AddMember, { teamId, accountId: invitee.id }, owner.key);
    const [mine] = (await t.gql(MINE, {}, invitee.key)).data.me.teamInvitations;
    expect(Date.parse(mine.expiresAt) - Date.parse(mine.invitedAt)).toBe(14 * 86_400_000);

    await age(teamId, invitee.id, 13);
    expect((await t.gql(MINE, {}, invitee.key)).data.me.teamInvitations).toHaveLength(1);

    await age(teamId, invitee.id, 15);
    expect((await t.gql(MINE, {}, invitee.key)).data.me.teamInvitations).toEqual([]);
    expect((await t.gql(OF_TEAM, { id: teamId }, owner.key)).data.team.invitations).toEqual([]);
    const late = await t.gql(AcceptInvitation, { teamId }, invitee.key);
    expect(codeOf(late)).toBe('NOT_FOUND');
    expect(late.errors![0].message).toMatch(/expired/);
    expect(late.errors![0].extensions).toMatchObject({ reason: 'INVITATION_EXPIRED', expiredAt: expect.any(String) });
    expect(await t.db.query(`select 1 from team_members where team_id = $1 and account_id = $2`, [teamId, invitee.id])).toEqual([]);
    expect((await t.gql(DeclineInvitation, { teamId }, invitee.key)).data!.declineTeamInvitation).toBe(false);

    const again = await t.gql(AddMember, { teamId, accountId: invitee.id, role: 'OWNER' }, owner.key);
    expect(again.data!.addTeamMember).toMatchObject({ status: 'INVITED', role: 'OWNER' });
    expect((await t.gql(MINE, {}, invitee.key)).data.me.teamInvitations).toEqual([expect.objectContaining({ teamId, role: 'OWNER' })]);
    expect((await t.gql(AcceptInvitation, { teamId }, invitee.key)).data!.acceptTeamInvitation).toMatchObject({ status: 'ACTIVE' });
    // Inviting after expiry is a new invitation, not a change of a pending one.
    const [reinvite] = await t.db.query<{ before: unknown }>(
      `select before from audit_log where target_id = $1 and action = 'team.invite' order by id desc limit 1`,
      [teamId],
    );
    expect(reinvite.before).toBeNull();
  });

  it('an OWNER cannot withdraw an invitation that already expired (NOT_FOUND)', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const invitee = await t.account();
    await t.gql(AddMember, { teamId, accountId: invitee.id }, owner.key);
    await age(teamId, invitee.id, 15);
    const removed = await t.gql(`mutation($t: ID!, $a: ID!) { removeTeamMember(teamId: $t, accountId: $a) { status } }`, {
      t: teamId,
      a: invitee.id,
    });
    expect(codeOf(removed)).toBe('NOT_FOUND');
  });
});

describe('pending invitations per team', () => {
  it('refuses the one over TEAM_PENDING_INVITATIONS_MAX with RATE_LIMIT_EXCEEDED and writes nothing', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const invitees = [await t.account(), await t.account(), await t.account()];
    for (const a of invitees) expect((await t.gql(AddMember, { teamId, accountId: a.id }, owner.key)).errors).toBeUndefined();
    const before = await stored(teamId);

    const extra = await t.account();
    const over = await t.gql(AddMember, { teamId, accountId: extra.id }, owner.key);
    expect(codeOf(over)).toBe('RATE_LIMIT_EXCEEDED');
    expect(over.errors![0].extensions).toMatchObject({ limitPending: 3 });
    expect(await stored(teamId)).toEqual(before);
    expect((await t.gql(MINE, {}, extra.key)).data.me.teamInvitations).toEqual([]);

    // Changing a pending invitation's role is not a new one; another team has its own count; ADMIN adds at once.
    expect((await t.gql(AddMember, { teamId, accountId: invitees[0].id, role: 'OWNER' }, owner.key)).errors).toBeUndefined();
    const other = await fundedTeam(t, 0n);
    expect((await t.gql(AddMember, { teamId: other.teamId, accountId: extra.id }, other.owner.key)).errors).toBeUndefined();
    expect((await t.gql(AddMember, { teamId, accountId: (await t.account()).id })).data!.addTeamMember.status).toBe('ACTIVE');

    // A declined, an accepted and an expired invitation each free a place.
    await t.gql(DeclineInvitation, { teamId }, invitees[0].key);
    expect((await t.gql(AddMember, { teamId, accountId: extra.id }, owner.key)).errors).toBeUndefined();
    await t.gql(AcceptInvitation, { teamId }, invitees[1].key);
    expect((await t.gql(AddMember, { teamId, accountId: (await t.account()).id }, owner.key)).errors).toBeUndefined();
    expect(codeOf(await t.gql(AddMember, { teamId, accountId: (await t.account()).id }, owner.key))).toBe('RATE_LIMIT_EXCEEDED');
    await age(teamId, invitees[2].id, 15);
    expect((await t.gql(AddMember, { teamId, accountId: (await t.account()).id }, owner.key)).errors).toBeUndefined();
  });

  it('holds under concurrent invitations: exactly the cap is written', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const accounts = await Promise.all(Array.from({ length: 6 }, () => t.account()));
    const results = await Promise.all(accounts.map((a) => t.gql(AddMember, { teamId, accountId: a.id }, owner.key)));
    expect(results.map(codeOf).filter((c) => c === 'RATE_LIMIT_EXCEEDED')).toHaveLength(3);
    expect((await stored(teamId))[0]).toMatchObject({ invitations: 3 });
  });
});
