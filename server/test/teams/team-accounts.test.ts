import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { deliver, event } from '../billing/fake-stripe.js';
import { startBillingApp, type BillingTest } from '../billing/support.js';
import { subscribe } from '../support/ws.js';

const BALANCE = `subscription($accountId: ID) { balanceUpdated(accountId: $accountId) { accountId balanceMillicredits } }`;
import type { TestApp } from '../support/harness.js';
import {
  AcceptInvitation,
  AddMember,
  CreateTeam,
  RemoveMember,
  SetAllocation,
  TeamCharge,
  TeamQuery,
  addMembers,
  chargeInput,
  codeOf,
  fundedTeam,
  postedOf,
} from './support.js';

const TeamCheckout = graphql(`
  mutation TeamCheckout($packId: ID!, $accountId: ID) {
    createCheckoutSession(packId: $packId, accountId: $accountId) {
      id
      purchaseId
    }
  }
`);

const TeamSpend = graphql(`
  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {
    teamSpend(teamId: $teamId, from: $from, to: $to) {
      day
      accountId
      model
      calls
      chargedMillicredits
    }
  }
`);

const AccountOf = graphql(`
  query TeamAsAccount($id: ID!) {
    account(id: $id) {
      id
      name
      balance {
        balanceMillicredits
      }
      ledger(first: 5) {
        edges {
          node {
            type
            amountMillicredits
          }
        }
      }
    }
  }
`);

const MyTeams = graphql(`
  query MyTeams {
    me {
      teams {
        id
        name
      }
    }
  }
`);

let b: BillingTest;
let t: TestApp;
beforeAll(async () => {
  b = await startBillingApp();
  t = b.t;
});
afterAll(async () => b?.close());

describe('creating and managing a team', () => {
  it('makes a USER key the OWNER of the team it creates, on an account of kind TEAM, audited', async () => {
    const owner = await t.account();
    const created = await t.gql(CreateTeam, { input: { name: 'Acme' } }, owner.key);
    expect(created.errors).toBeUndefined();
    const team = created.data!.createTeam;
    expect(team).toMatchObject({
      name: 'Acme',
      timeZone: 'UTC',
      balance: { balanceMillicredits: '0' },
      members: [{ accountId: owner.id, role: 'OWNER' }],
    });
    const [row] = await t.db.query<{ kind: string }>(`select kind from accounts where id = $1`, [team.id]);
    expect(row.kind).toBe('TEAM');
    const [audit] = await t.db.query<{ actor_account_id: string }>(
      `select actor_account_id from audit_log where action = 'team.create' and target_id = $1`,
      [team.id],
    );
    expect(audit.actor_account_id).toBe(owner.id);
    expect((await t.gql(MyTeams, {}, owner.key)).data!.me.teams).toEqual([{ id: team.id, name: 'Acme' }]);
  });

  it('lets an ADMIN create a team for a named owner, and refuses SUPPORT keys', async () => {
    const owner = await t.account();
    const created = await t.gql(CreateTeam, { input: { name: 'Staff-made', timeZone: 'Europe/Paris', ownerAccountId: owner.id } });
    expect(created.data!.createTeam.members).toEqual([{ accountId: owner.id, role: 'OWNER' }]);
    const support = await t.account(0n, 'SUPPORT');
    expect(codeOf(await t.gql(CreateTeam, { input: { name: 'Nope' } }, support.key))).toBe('FORBIDDEN');
    const user = await t.account();
    expect(codeOf(await t.gql(CreateTeam, { input: { name: 'Nope', ownerAccountId: owner.id } }, user.key))).toBe('FORBIDDEN');
  });

  it('lets only OWNERs (and ADMIN) manage members, and a MEMBER sees only their own row', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const [member, other] = await addMembers(t, teamId, owner.key, 2, 500n);
    const outsider = await t.account();
    expect(codeOf(await t.gql(AddMember, { teamId, accountId: outsider.id }, member.key))).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(SetAllocation, { input: { teamId, accountId: member.id, monthlyAllocationMillicredits: '9' } }, member.key)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(RemoveMember, { teamId, accountId: other.id }, member.key))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TeamQuery, { id: teamId }, outsider.key))).toBe('FORBIDDEN');

    const seen = await t.gql(TeamQuery, { id: teamId }, member.key);
    expect(seen.data!.team!.members.map((m) => m.accountId)).toEqual([member.id]);
    const all = await t.gql(TeamQuery, { id: teamId }, owner.key);
    expect(all.data!.team!.members.map((m) => m.accountId)).toEqual([owner.id, member.id, other.id]);
    // ADMIN may manage any team.
    expect(
      (await t.gql(SetAllocation, { input: { teamId, accountId: other.id, monthlyAllocationMillicredits: null } })).data!
        .setMemberAllocation.monthlyAllocationMillicredits,
    ).toBeNull();
    const actions = await t.db.query<{ action: string }>(`select action from audit_log where target_id = $1 order by id`, [teamId]);
    expect(actions.map((a) => a.action)).toEqual([
      'team.create',
      'team.invite',
      'team.acceptInvitation',
      'team.setMemberAllocation',
      'team.invite',
      'team.acceptInvitation',
      'team.setMemberAllocation',
      'team.setMemberAllocation',
    ]);
  });

  it('refuses bad input with BAD_USER_INPUT and changes nothing', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const [member] = await addMembers(t, teamId, owner.key, 1, 500n);
    for (const amount of ['-1', '1.5', 'lots', '99999999999999999999999']) {
      const r = await t.gql(SetAllocation, { input: { teamId, accountId: member.id, monthlyAllocationMillicredits: amount } }, owner.key);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await t.gql(CreateTeam, { input: { name: '   ' } }, owner.key))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(AddMember, { teamId: 'not-a-uuid', accountId: member.id }, owner.key))).toBe('BAD_USER_INPUT');
    // A team cannot be a member of a team.
    const other = await fundedTeam(t, 0n);
    expect(codeOf(await t.gql(AddMember, { teamId, accountId: other.teamId }, owner.key))).toBe('NOT_FOUND');
    const view = await t.gql(TeamQuery, { id: teamId }, owner.key);
    expect(view.data!.team!.members.find((m) => m.accountId === member.id)!.monthlyAllocationMillicredits).toBe('500');
  });

  it('keeps at least one OWNER, and brings a removed member back with their spend this period', async () => {
    const { teamId, owner } = await fundedTeam(t, 10_000n);
    expect(codeOf(await t.gql(RemoveMember, { teamId, accountId: owner.id }, owner.key))).toBe('CONFLICT');
    expect(codeOf(await t.gql(AddMember, { teamId, accountId: owner.id, role: 'MEMBER' }, owner.key))).toBe('CONFLICT');
    const [member] = await addMembers(t, teamId, owner.key, 1, 150n);
    await t.gql(TeamCharge, { input: chargeInput(teamId, 'a') }, member.key);
    await t.gql(RemoveMember, { teamId, accountId: member.id }, owner.key);
    // Coming back needs the member's consent again: invited, then accepted.
    const invited = await t.gql(AddMember, { teamId, accountId: member.id }, owner.key);
    expect(invited.data!.addTeamMember.status).toBe('INVITED');
    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'invited') }, member.key))).toBe('FORBIDDEN');
    const back = await t.gql(AcceptInvitation, { teamId }, member.key);
    expect(back.data!.acceptTeamInvitation).toMatchObject({
      status: 'ACTIVE',
      removedAt: null,
      spentThisPeriodMillicredits: '100',
      monthlyAllocationMillicredits: '150',
    });
    // Leaving and coming back does not reset the allocation.
    expect(codeOf(await t.gql(TeamCharge, { input: chargeInput(teamId, 'b') }, member.key))).toBe('SPEND_CAP_EXCEEDED');
    // A second owner lets the first step down.
    await t.gql(AddMember, { teamId, accountId: member.id, role: 'OWNER' }, owner.key);
    expect((await t.gql(RemoveMember, { teamId, accountId: owner.id }, owner.key)).errors).toBeUndefined();
  });
});

describe('a team id works wherever an account id does', () => {
  it('adjustBalance, account(id) with its ledger, and balanceUpdated for its members', async () => {
    const { teamId, owner } = await fundedTeam(t, 5_000n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const acct = await t.gql(AccountOf, { id: teamId });
    expect(acct.data!.account).toMatchObject({ id: teamId, name: 'Acme', balance: { balanceMillicredits: '5000' } });
    expect(acct.data!.account!.ledger.edges[0].node).toEqual({ type: 'ADJUSTMENT', amountMillicredits: '5000' });

    const sub = subscribe(t.url, member.key, BALANCE, { accountId: teamId });
    try {
      // Live once an event gets through: re-announce the current balance until one arrives.
      const current = await t.services.ledger.balance(teamId);
      while (!sub.events.length && !sub.error) {
        t.services.events.publish('balance', current);
        await sub.waitFor(1, 50).catch(() => undefined);
      }
      expect(sub.error).toBeNull();
      const announced = sub.events.length;
      await t.gql(TeamCharge, { input: chargeInput(teamId, 'live') }, member.key);
      // Late re-announcements may still arrive; the charge's event is the one with the new balance.
      const charged = { balanceUpdated: { accountId: teamId, balanceMillicredits: '4900' } };
      for (let n = announced + 1; !sub.events.some((e) => JSON.stringify(e) === JSON.stringify(charged)); n++) await sub.waitFor(n, 2000);
      expect(sub.events.filter((e: any) => e.balanceUpdated.balanceMillicredits !== '5000')).toEqual([charged]);
    } finally {
      await sub.close();
    }
    const outsider = await t.account();
    const refused = subscribe(t.url, outsider.key, BALANCE, { accountId: teamId });
    await expect(refused.waitFor(1, 2000)).rejects.toBeTruthy();
    expect(JSON.stringify(refused.error)).toContain('FORBIDDEN');
    await refused.close();
  });

  it('a team OWNER buys a pack for the team through Checkout and the same fulfilment; a MEMBER may not', async () => {
    const { teamId, owner } = await fundedTeam(t, 0n);
    const [member] = await addMembers(t, teamId, owner.key, 1, null);
    const ownerBefore = await postedOf(t, owner.id);

    const started = await t.gql(TeamCheckout, { packId: 'starter', accountId: teamId }, owner.key);
    expect(started.errors).toBeUndefined();
    const { id: sessionId, purchaseId } = started.data!.createCheckoutSession;
    const call = b.fake.calls('POST', '/v1/checkout/sessions').at(-1)!;
    expect(call.params['metadata[account_id]']).toBe(teamId);
    const session = b.fake.paySession(sessionId, {});
    expect((await deliver(t.url, event('checkout.session.completed', session))).status).toBe(200);

    const [purchase] = await t.db.query<{ account_id: string; status: string; credits: string }>(
      `select account_id, status from purchases where id = $1`,
      [purchaseId],
    );
    expect(purchase).toMatchObject({ account_id: teamId, status: 'FULFILLED' });
    const [tx] = await t.db.query<{ type: string; account_id: string }>(
      `select type, account_id from ledger_transactions where account_id = $1 and type = 'PURCHASE'`,
      [teamId],
    );
    expect(tx).toBeTruthy();
    expect(await postedOf(t, teamId)).toBeGreaterThanOrEqual(9_990_000n);
    expect(await postedOf(t, owner.id)).toBe(ownerBefore);
    // Members spend what the owner bought.
    expect((await t.gql(TeamCharge, { input: chargeInput(teamId, 'bought') }, member.key)).errors).toBeUndefined();

    expect(codeOf(await t.gql(TeamCheckout, { packId: 'starter', accountId: teamId }, member.key))).toBe('FORBIDDEN');
  });
});

describe('who spent what', () => {
  it('shows spend per member, per day in the team’s zone and per model to OWNERs and FINANCE, not to members', async () => {
    const { teamId, owner } = await fundedTeam(t, 100_000n);
    const [a, m] = await addMembers(t, teamId, owner.key, 2, null);
    await t.gql(TeamCharge, { input: chargeInput(teamId, '1') }, a.key);
    await t.gql(TeamCharge, { input: chargeInput(teamId, '2') }, a.key);
    await t.gql(TeamCharge, { input: chargeInput(teamId, '3', 1000, 'test-model') }, a.key);
    await t.gql(TeamCharge, { input: chargeInput(teamId, '4') }, m.key);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const seen = await t.gql(TeamSpend, { teamId, from, to }, owner.key);
    expect(seen.errors).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    const rows = seen.data!.teamSpend.map((r) => ({ ...r, day: r.day === today ? 'today' : r.day }));
    expect(rows).toEqual(
      [
        { day: 'today', accountId: a.id, model: 'cheap-model', calls: 2, chargedMillicredits: '200' },
        { day: 'today', accountId: a.id, model: 'test-model', calls: 1, chargedMillicredits: '2400' },
        { day: 'today', accountId: m.id, model: 'cheap-model', calls: 1, chargedMillicredits: '100' },
      ].sort((x, y) => (x.accountId + x.model).localeCompare(y.accountId + y.model)),
    );
    const finance = await t.account(0n, 'FINANCE');
    expect((await t.gql(TeamSpend, { teamId, from, to }, finance.key)).data!.teamSpend).toHaveLength(3);
    expect(codeOf(await t.gql(TeamSpend, { teamId, from, to }, a.key))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TeamSpend, { teamId, from: to, to: from }, owner.key))).toBe('BAD_USER_INPUT');
  });
});
