import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, rawChat } from '../proxy/support.js';
import { Browser } from '../sessions/support.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  AcceptInvitation,
  AddMember,
  CreateTeam,
  CreateTeamKey,
  DeclineInvitation,
  MyInvitations,
  RemoveMember,
  TeamCharge,
  TeamQuery,
  chargeInput,
  codeOf,
  fundedTeam,
  joinTeam,
  postedOf,
} from './support.js';

/** The attack as it was run, in operations the schema had before the fix. */
const ATTACK = {
  createTeam: `mutation { createTeam(input: { name: "Trap" }) { id } }`,
  addMember: `mutation($t: ID!, $a: ID!) { addTeamMember(teamId: $t, accountId: $a) { accountId role } }`,
  teamKey: `mutation($t: ID!, $a: ID) { createTeamApiKey(teamId: $t, accountId: $a) { id key } }`,
};
const ME = `query { me { id email balance { balanceMillicredits } } }`;
const TEAM_INVITATIONS = `query($id: ID!) { team(id: $id) { invitations { accountId role teamName } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TEAMS_PER_DAY_PER_ACCOUNT: 3 });
});
afterAll(async () => t?.close());

const messages = [{ role: 'user' as const, content: 'Hello' }];

/** A Credits-page session of the account, opened through a portal link of its key. */
async function portalOf(key: string) {
  const link = await t.gql(`mutation { createPortalSession { url } }`, {}, key);
  const browser = new Browser(t);
  expect((await browser.get(new URL(link.data.createPortalSession.url).pathname)).status).toBe(303);
  return (query: string, variables: Record<string, unknown> = {}) => browser.gql(query, variables, { 'x-creditmeter-session': 'portal' });
}

async function keysOf(accountId: string) {
  return t.db.query<{ id: string; team_id: string | null; revoked_at: Date | null }>(
    `select id, team_id, revoked_at from api_keys where account_id = $1 order by id`,
    [accountId],
  );
}

async function auditActions(teamId: string) {
  return t.db.query<{ action: string; actor_account_id: string | null; actor_role: string }>(
    `select action, actor_account_id, actor_role from audit_log where target_id = $1 order by id`,
    [teamId],
  );
}

describe('defect 1: account takeover through team keys', () => {
  for (const via of ['a USER key', 'a Credits-page session'] as const) {
    it(`createTeam → addTeamMember(victim) → createTeamApiKey(victim) from ${via} gets no key, and the victim is untouched`, async () => {
      const victim = await t.account(100_000n);
      const attacker = await t.account();
      const call =
        via === 'a USER key' ? (q: string, v: Record<string, unknown> = {}) => t.gql(q, v, attacker.key) : await portalOf(attacker.key);
      const keysBefore = await keysOf(victim.id);

      const teamId = (await call(ATTACK.createTeam)).data.createTeam.id as string;
      expect((await call(ATTACK.addMember, { t: teamId, a: victim.id })).errors).toBeUndefined();
      const key = await call(ATTACK.teamKey, { t: teamId, a: victim.id });

      expect(codeOf(key)).toBe('FORBIDDEN');
      expect(key.data?.createTeamApiKey ?? null).toBeNull();
      expect(await keysOf(victim.id)).toEqual(keysBefore);
      // The victim was only invited: not a member, and nothing of theirs moved.
      expect(await t.db.query(`select 1 from team_members where team_id = $1 and account_id = $2`, [teamId, victim.id])).toEqual([]);
      expect(await postedOf(t, victim.id)).toBe(100_000n);
      expect((await t.gql(ME, {}, victim.key)).data.me).toMatchObject({ id: victim.id, balance: { balanceMillicredits: '100000' } });
      // Nor can the attacker answer the invitation: accepting is for the caller's own account only.
      expect(codeOf(await call(`mutation { acceptTeamInvitation(teamId: "${teamId}") { status } }`))).toBe('NOT_FOUND');
      expect((await t.gql(MyInvitations, {}, victim.key)).data!.me.teamInvitations).toEqual([
        expect.objectContaining({ teamId, teamName: 'Trap', role: 'MEMBER' }),
      ]);
    });
  }
});

describe('joining a team needs the member’s consent', () => {
  it('an OWNER invites; the invited account can do nothing with the team until it accepts with its own key; audited', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const invitee = await t.account();
    const invited = await t.gql(AddMember, { teamId, accountId: invitee.id }, owner.key);
    expect(invited.data!.addTeamMember).toMatchObject({ accountId: invitee.id, status: 'INVITED', removedAt: null });

    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'early') }, invitee.key))).toBe('FORBIDDEN');
    const proxied = await rawChat(t, invitee.key, { model: 'cheap-model', messages, max_tokens: 5 }, { 'X-Team-Id': teamId });
    expect([proxied.status, (await jsonOf(proxied)).error.code]).toEqual([403, 'forbidden']);
    expect(codeOf(await t.gql(CreateTeamKey, { teamId }, invitee.key))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TeamQuery, { id: teamId }, invitee.key))).toBe('FORBIDDEN');
    expect(await postedOf(t, teamId)).toBe(10_000n);

    const mine = await t.gql(MyInvitations, {}, invitee.key);
    expect(mine.data!.me.teamInvitations).toEqual([
      { teamId, teamName: 'Acme', accountId: invitee.id, role: 'MEMBER', invitedAt: expect.any(String) },
    ]);
    expect((await t.gql(TEAM_INVITATIONS, { id: teamId }, owner.key)).data.team.invitations).toEqual([
      { accountId: invitee.id, role: 'MEMBER', teamName: 'Acme' },
    ]);

    const accepted = await t.gql(AcceptInvitation, { teamId }, invitee.key);
    expect(accepted.data!.acceptTeamInvitation).toMatchObject({ accountId: invitee.id, role: 'MEMBER', status: 'ACTIVE' });
    expect((await t.gql(MyInvitations, {}, invitee.key)).data!.me.teamInvitations).toEqual([]);
    expect((await t.gql(TEAM_INVITATIONS, { id: teamId }, owner.key)).data.team.invitations).toEqual([]);
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'now') }, invitee.key)).errors).toBeUndefined();
    expect(await postedOf(t, teamId)).toBe(9_900n);

    expect((await auditActions(teamId)).filter((r) => r.action.startsWith('team.') && r.action !== 'team.create')).toEqual([
      { action: 'team.invite', actor_account_id: owner.id, actor_role: 'USER' },
      { action: 'team.acceptInvitation', actor_account_id: invitee.id, actor_role: 'USER' },
    ]);
  });

  it('a declined or withdrawn invitation cannot be accepted; a second invitation changes the role; all audited', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const [a, b] = [await t.account(), await t.account()];
    await t.gql(AddMember, { teamId, accountId: a.id }, owner.key);
    await t.gql(AddMember, { teamId, accountId: b.id }, owner.key);

    expect((await t.gql(DeclineInvitation, { teamId }, a.key)).data!.declineTeamInvitation).toBe(true);
    expect((await t.gql(DeclineInvitation, { teamId }, a.key)).data!.declineTeamInvitation).toBe(false);
    expect(codeOf(await t.gql(AcceptInvitation, { teamId }, a.key))).toBe('NOT_FOUND');

    const withdrawn = await t.gql(RemoveMember, { teamId, accountId: b.id }, owner.key);
    expect(withdrawn.data!.removeTeamMember.removedAt).not.toBeNull();
    expect(codeOf(await t.gql(AcceptInvitation, { teamId }, b.key))).toBe('NOT_FOUND');

    await t.gql(AddMember, { teamId, accountId: b.id }, owner.key);
    const again = await t.gql(AddMember, { teamId, accountId: b.id, role: 'OWNER' }, owner.key);
    expect(again.data!.addTeamMember).toMatchObject({ role: 'OWNER', status: 'INVITED' });
    expect((await t.gql(AcceptInvitation, { teamId }, b.key)).data!.acceptTeamInvitation).toMatchObject({
      role: 'OWNER',
      status: 'ACTIVE',
    });

    const members = await t.db.query<{ account_id: string }>(`select account_id from team_members where team_id = $1 order by added_at`, [
      teamId,
    ]);
    expect(members.map((m) => m.account_id)).toEqual([owner.id, b.id]);
    expect((await auditActions(teamId)).map((r) => r.action)).toEqual([
      'team.create',
      'team.invite',
      'team.invite',
      'team.declineInvitation',
      'team.withdrawInvitation',
      'team.invite',
      'team.invite',
      'team.acceptInvitation',
    ]);
  });

  it('an ADMIN adds a member at once, audited as ADMIN', async () => {
    const { teamId } = await fundedTeam(t, 0n);
    const member = await t.account();
    const added = await t.gql(AddMember, { teamId, accountId: member.id });
    expect(added.data!.addTeamMember).toMatchObject({ status: 'ACTIVE', removedAt: null });
    expect((await auditActions(teamId)).at(-1)).toMatchObject({ action: 'team.addMember', actor_role: 'ADMIN' });
  });
});

describe('createTeamApiKey', () => {
  it('issues a key only to the member’s own account; for someone else only ADMIN, and only for an active member', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const member = await t.account();
    await joinTeam(t, teamId, owner.key, member);
    const before = await keysOf(member.id);

    expect(codeOf(await t.gql(CreateTeamKey, { teamId, accountId: member.id }, owner.key))).toBe('FORBIDDEN');
    expect(await keysOf(member.id)).toEqual(before);
    const own = await t.gql(CreateTeamKey, { teamId, accountId: member.id }, member.key);
    expect(own.errors).toBeUndefined();
    const byAdmin = await t.gql(CreateTeamKey, { teamId, accountId: member.id });
    expect(byAdmin.errors).toBeUndefined();
    const outsider = await t.account();
    expect(codeOf(await t.gql(CreateTeamKey, { teamId, accountId: outsider.id }))).toBe('FORBIDDEN');
    expect((await keysOf(member.id)).filter((k) => k.team_id === teamId)).toHaveLength(2);
  });

  it('refuses a team key for everything on the teams side but charging its team', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const ownersTeamKey = (await t.gql(CreateTeamKey, { teamId }, owner.key)).data!.createTeamApiKey.key;
    const other = await fundedTeam(t, 0n);
    await t.gql(AddMember, { teamId: other.teamId, accountId: owner.id }, other.owner.key);
    const newcomer = await t.account();

    expect(codeOf(await t.gql(CreateTeam, { input: { name: 'From a team key' } }, ownersTeamKey))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(AddMember, { teamId, accountId: newcomer.id }, ownersTeamKey))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CreateTeamKey, { teamId }, ownersTeamKey))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(AcceptInvitation, { teamId: other.teamId }, ownersTeamKey))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DeclineInvitation, { teamId: other.teamId }, ownersTeamKey))).toBe('FORBIDDEN');
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'charge') }, ownersTeamKey)).errors).toBeUndefined();
    // The owner's own key still answers the invitation.
    expect((await t.gql(AcceptInvitation, { teamId: other.teamId }, owner.key)).errors).toBeUndefined();
    expect(await t.db.query(`select 1 from team_invitations where account_id = $1`, [newcomer.id])).toEqual([]);
  });
});

describe('teams created per account per day', () => {
  it('refuses the one over the cap with RATE_LIMIT_EXCEEDED and writes nothing; keys and portal sessions of an account share it', async () => {
    const owner = await t.account();
    for (let i = 0; i < 2; i++) expect((await t.gql(CreateTeam, { input: { name: `T${i}` } }, owner.key)).errors).toBeUndefined();
    const portal = await portalOf(owner.key);
    expect((await portal(ATTACK.createTeam)).errors).toBeUndefined();
    const counts = () =>
      t.db.query(
        `select (select count(*) from accounts where kind = 'TEAM')::int as teams,
                (select count(*) from audit_log where action = 'team.create')::int as audits`,
      );
    const before = await counts();

    const over = await t.gql(CreateTeam, { input: { name: 'One too many' } }, owner.key);
    expect(codeOf(over)).toBe('RATE_LIMIT_EXCEEDED');
    expect(over.errors![0].extensions).toMatchObject({ limitPerDay: 3, retryAfterSeconds: expect.any(Number) });
    expect(codeOf(await portal(ATTACK.createTeam))).toBe('RATE_LIMIT_EXCEEDED');
    expect(await counts()).toEqual(before);

    // Another account, and ADMIN, are not held back by it.
    expect((await t.gql(CreateTeam, { input: { name: 'Other' } }, (await t.account()).key)).errors).toBeUndefined();
    expect((await t.gql(CreateTeam, { input: { name: 'Staff-made', ownerAccountId: owner.id } })).errors).toBeUndefined();
  });

  it('holds under concurrent creation: exactly the cap succeeds', async () => {
    const owner = await t.account();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => t.gql(CreateTeam, { input: { name: `Race ${i}` } }, owner.key)));
    expect(results.map(codeOf).sort()).toEqual(
      [undefined, undefined, undefined, 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT_EXCEEDED', 'RATE_LIMIT_EXCEEDED'].sort(),
    );
    const [row] = await t.db.query<{ n: number }>(`select count(*)::int as n from teams where created_by_account_id = $1`, [owner.id]);
    expect(row.n).toBe(3);
  });
});
