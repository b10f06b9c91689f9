import { graphql } from '../gql/index.js';
import type { TestApp } from '../support/harness.js';

export const CreateTeam = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
      timeZone
      balance {
        balanceMillicredits
        availableMillicredits
      }
      members {
        accountId
        role
      }
    }
  }
`);

export const AddMember = graphql(`
  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {
    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {
      accountId
      role
      monthlyAllocationMillicredits
      spentThisPeriodMillicredits
      removedAt
      status
    }
  }
`);

export const AcceptInvitation = graphql(`
  mutation AcceptInvitation($teamId: ID!) {
    acceptTeamInvitation(teamId: $teamId) {
      accountId
      role
      status
      monthlyAllocationMillicredits
      spentThisPeriodMillicredits
      removedAt
    }
  }
`);

export const DeclineInvitation = graphql(`
  mutation DeclineInvitation($teamId: ID!) {
    declineTeamInvitation(teamId: $teamId)
  }
`);

export const MyInvitations = graphql(`
  query MyInvitations {
    me {
      teamInvitations {
        teamId
        teamName
        accountId
        role
        invitedAt
      }
    }
  }
`);

export const SetAllocation = graphql(`
  mutation SetAllocation($input: SetMemberAllocationInput!) {
    setMemberAllocation(input: $input) {
      accountId
      monthlyAllocationMillicredits
      spentThisPeriodMillicredits
      remainingThisPeriodMillicredits
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($teamId: ID!, $accountId: ID!) {
    removeTeamMember(teamId: $teamId, accountId: $accountId) {
      accountId
      removedAt
    }
  }
`);

export const SetPolicy = graphql(`
  mutation SetPolicy($input: SetTeamPolicyInput!) {
    setTeamPolicy(input: $input) {
      id
      policy {
        requestCapMillicredits
        sessionCapMillicredits
        sessionWindowSeconds
        allowedModels
      }
    }
  }
`);

export const TeamQuery = graphql(`
  query TeamView($id: ID!) {
    team(id: $id) {
      id
      name
      timeZone
      balance {
        balanceMillicredits
        availableMillicredits
        heldMillicredits
      }
      members {
        accountId
        role
        monthlyAllocationMillicredits
        spentThisPeriodMillicredits
        remainingThisPeriodMillicredits
        heldMillicredits
        periodStart
        removedAt
      }
    }
  }
`);

export const TeamCharge = graphql(`
  mutation TeamCharge($input: RecordUsageInput!) {
    recordUsage(input: $input) {
      id
      chargedMillicredits
      memberAccountId
      idempotencyKey
    }
  }
`);

export const CreateTeamKey = graphql(`
  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {
    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) {
      id
      key
    }
  }
`);

/** cheap-model: 1,000 input tokens x 0.100 credits/1k = 100 millicredits per charge. */
export const chargeInput = (teamId: string | null, key: string, inputTokens = 1000, model = 'cheap-model') => ({
  model,
  inputTokens,
  outputTokens: 0,
  idempotencyKey: key,
  ...(teamId ? { teamId } : {}),
});

/** A team funded with `millicredits` (an ADMIN adjustment on its account), owned by a new account. */
export async function fundedTeam(t: TestApp, millicredits: bigint, timeZone = 'UTC') {
  const owner = await t.account();
  const created = await t.gql(CreateTeam, { input: { name: 'Acme', timeZone } }, owner.key);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const teamId = created.data!.createTeam.id;
  if (millicredits > 0n) {
    const adjusted = await t.gql(`mutation($input: AdjustBalanceInput!) { adjustBalance(input: $input) { id } }`, {
      input: { accountId: teamId, amountMillicredits: millicredits.toString(), reason: 'team funds' },
    });
    if (adjusted.errors) throw new Error(JSON.stringify(adjusted.errors));
  }
  return { teamId, owner };
}

/** The owner invites the account and the account accepts with its own key: it is then an active member. */
export async function joinTeam(
  t: TestApp,
  teamId: string,
  ownerKey: string,
  member: { id: string; key: string },
  role?: 'OWNER' | 'MEMBER',
) {
  const invited = await t.gql(AddMember, { teamId, accountId: member.id, ...(role ? { role } : {}) }, ownerKey);
  if (invited.errors) throw new Error(JSON.stringify(invited.errors));
  const accepted = await t.gql(AcceptInvitation, { teamId }, member.key);
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  return accepted.data!.acceptTeamInvitation;
}

/** New accounts that joined the team (invited, then accepted), each with `allocation` (null: no cap). */
export async function addMembers(t: TestApp, teamId: string, ownerKey: string, n: number, allocation: bigint | null, ownFunds = 0n) {
  const members = [];
  for (let i = 0; i < n; i++) {
    const m = await t.account(ownFunds);
    await joinTeam(t, teamId, ownerKey, m);
    if (allocation !== null) {
      const set = await t.gql(
        SetAllocation,
        { input: { teamId, accountId: m.id, monthlyAllocationMillicredits: allocation.toString() } },
        ownerKey,
      );
      if (set.errors) throw new Error(JSON.stringify(set.errors));
    }
    members.push(m);
  }
  return members;
}

/** Read after the settles of answered proxy calls still queued on the app (answers come first). */
export async function postedOf(t: TestApp, accountId: string): Promise<bigint> {
  await t.services.proxy.settled();
  const [row] = await t.db.query<{ posted: string }>(`select posted from accounts where id = $1`, [accountId]);
  return BigInt(row.posted);
}

export async function memberRow(t: TestApp, teamId: string, accountId: string) {
  await t.services.proxy.settled();
  const [row] = await t.db.query<{ spent: string; held: string; period_start: Date }>(
    `select m.spent, m.period_start,
            (select coalesce(sum(h.amount), 0) from holds h where h.account_id = m.team_id and h.member_account_id = m.account_id and h.state = 'HELD') as held
       from team_members m where m.team_id = $1 and m.account_id = $2`,
    [teamId, accountId],
  );
  return { spent: BigInt(row.spent), held: BigInt(row.held), periodStart: row.period_start };
}

export const codeOf = (r: { errors?: readonly any[] }) => r.errors?.[0]?.extensions?.code as string | undefined;
