import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { jsonOf, rawChat } from '../proxy/support.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  CreateTeam,
  CreateTeamKey,
  RemoveMember,
  SetPolicy,
  TeamCharge,
  TeamQuery,
  addMembers,
  chargeInput,
  codeOf,
  fundedTeam,
  joinTeam,
  memberRow,
  postedOf,
} from './support.js';

const Me = `query { me { id } }`;

const TeamsList = graphql(`
  query TeamsList($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int) {
    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id
          name
          memberCount
          balance {
            balanceMillicredits
          }
        }
      }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const messages = [{ role: 'user' as const, content: 'Hello' }];

async function teamKey(teamId: string, memberKey: string) {
  const issued = await t.gql(CreateTeamKey, { teamId, label: 'laptop' }, memberKey);
  if (issued.errors) throw new Error(JSON.stringify(issued.errors));
  return issued.data!.createTeamApiKey;
}

describe('removing a member', () => {
  it('revokes the keys issued to them for the team at once, audited; their own keys and other teams’ keys keep working', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const other = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    await joinTeam(t, other.teamId, other.owner.key, member);
    const key = await teamKey(teamId, member.key);
    const otherKey = await teamKey(other.teamId, member.key);
    // The key works (and is cached by the server) before the removal.
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'before') }, key.key)).errors).toBeUndefined();

    const removed = await t.gql(RemoveMember, { teamId, accountId: member.id }, owner.key);
    expect(removed.errors).toBeUndefined();

    expect(codeOf(await t.gql(Me, {}, key.key))).toBe('UNAUTHENTICATED');
    expect((await rawChat(t, key.key, { model: 'cheap-model', messages, max_tokens: 5 })).status).toBe(401);
    const [row] = await t.db.query<{ revoked_at: Date | null }>(`select revoked_at from api_keys where id = $1`, [key.id]);
    expect(row.revoked_at).toBeInstanceOf(Date);
    const audit = await t.db.query<{ action: string; reason: string; after: { teamId: string } }>(
      `select action, reason, after from audit_log where target_type = 'apiKey' and target_id = $1`,
      [key.id],
    );
    expect(audit).toEqual([
      { action: 'apiKey.revoke', reason: 'member removed from the team', after: expect.objectContaining({ teamId }) },
    ]);

    // Their own key and the key issued for the team they still belong to are untouched.
    expect((await t.gql(Me, {}, member.key)).data).toEqual({ me: { id: member.id } });
    expect((await t.gql(TeamCharge, { input: chargeInput(null, 'other') }, otherKey.key)).errors).toBeUndefined();
    expect(await postedOf(t, other.teamId)).toBe(9_900n);
    expect(await postedOf(t, teamId)).toBe(9_900n);
  });
});

describe('an outsider naming a model outside the policy', () => {
  it('is refused FORBIDDEN (membership is checked first), not MODEL_DISABLED, through GraphQL and the proxy', async () => {
    const { teamId, owner } = await fundedTeam(t, 1_000_000n);
    await t.gql(SetPolicy, { input: { teamId, allowedModels: ['cheap-model'] } }, owner.key);
    const outsider = await t.account(1_000_000n);

    const [outside, unknown] = await Promise.all([
      t.gql(TeamCharge, { input: chargeInput(teamId, 'o1', 1000, 'test-model') }, outsider.key),
      t.gql(TeamCharge, { input: chargeInput(teamId, 'o2', 1000, 'no-such-model') }, outsider.key),
    ]);
    expect([codeOf(outside), codeOf(unknown)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);

    for (const model of ['test-model', 'no-such-model']) {
      const res = await rawChat(t, outsider.key, { model, messages, max_tokens: 5 }, { 'X-Team-Id': teamId });
      expect(res.status).toBe(403);
      expect((await jsonOf(res)).error.code).toBe('forbidden');
    }
    expect(await postedOf(t, teamId)).toBe(1_000_000n);
    expect(await postedOf(t, outsider.id)).toBe(1_000_000n);

    // A member naming the same model still learns it is outside the policy.
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'm1', 1000, 'test-model') }, member.key))).toBe('MODEL_DISABLED');
  });
});

describe('changing the team’s time zone', () => {
  it('keeps what members spent this month, is audited, and refuses an unknown zone changing nothing', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 1_000n);
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'tz') }, member.key)).errors).toBeUndefined();

    const moved = await t.gql(SetPolicy, { input: { teamId, timeZone: 'America/New_York' } }, owner.key);
    expect(moved.errors).toBeUndefined();
    const view = await t.gql(TeamQuery, { id: teamId }, owner.key);
    expect(view.data!.team!.timeZone).toBe('America/New_York');
    expect(view.data!.team!.members.find((m) => m.accountId === member.id)).toMatchObject({
      spentThisPeriodMillicredits: '100',
      remainingThisPeriodMillicredits: '900',
    });
    // The next charge still counts the month's spend: 100 + 100.
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'tz2') }, member.key)).errors).toBeUndefined();
    expect((await memberRow(t, teamId, member.id)).spent).toBe(200n);
    const [audit] = await t.db.query<{ before: { timeZone: string }; after: { timeZone: string } }>(
      `select before, after from audit_log where action = 'team.setPolicy' and target_id = $1`,
      [teamId],
    );
    expect([audit.before.timeZone, audit.after.timeZone]).toEqual(['UTC', 'America/New_York']);

    const bad = await t.gql(SetPolicy, { input: { teamId, timeZone: 'Mars/Olympus', requestCapMillicredits: '5' } }, owner.key);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('timeZone');
    const after = await t.gql(TeamQuery, { id: teamId }, owner.key);
    expect(after.data!.team!.timeZone).toBe('America/New_York');
    const member2 = await t.gql(SetPolicy, { input: { teamId, timeZone: 'UTC' } }, member.key);
    expect(codeOf(member2)).toBe('FORBIDDEN');
  });
});

describe('the teams list (console)', () => {
  it('pages, sorts and searches every team with its total, for SUPPORT+ only', async () => {
    const owner = await t.account();
    const ids: string[] = [];
    for (const name of ['Zeta list', 'Alpha list', 'Mid list']) {
      const created = await t.gql(CreateTeam, { input: { name } }, owner.key);
      ids.push(created.data!.createTeam.id);
    }
    const byName = await t.gql(TeamsList, { search: 'list', orderBy: 'NAME', direction: 'ASC', first: 2, offset: 0 });
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.teams.totalCount).toBe(3);
    expect(byName.data!.teams.edges.map((e) => e.node.name)).toEqual(['Alpha list', 'Mid list']);
    expect(byName.data!.teams.edges[0].node).toMatchObject({ memberCount: 1, balance: { balanceMillicredits: '0' } });
    const next = await t.gql(TeamsList, { search: 'list', orderBy: 'NAME', direction: 'ASC', first: 2, offset: 2 });
    expect(next.data!.teams.edges.map((e) => e.node.name)).toEqual(['Zeta list']);

    const exact = await t.gql(TeamsList, { search: ids[2], orderBy: 'CREATED_AT', direction: 'DESC', first: 10 });
    expect(exact.data!.teams.edges.map((e) => e.node.id)).toEqual([ids[2]]);
    // A wildcard in the search is a plain character.
    expect((await t.gql(TeamsList, { search: '%', orderBy: 'NAME', direction: 'ASC', first: 10 })).data!.teams.totalCount).toBe(0);

    const support = await t.account(0n, 'SUPPORT');
    expect((await t.gql(TeamsList, { orderBy: 'MEMBERS', direction: 'DESC', first: 5 }, support.key)).errors).toBeUndefined();
    expect(codeOf(await t.gql(TeamsList, { orderBy: 'NAME', direction: 'ASC', first: 5 }, owner.key))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TeamsList, { orderBy: 'NAME', direction: 'ASC', first: 500 }))).toBe('BAD_USER_INPUT');
  });
});
