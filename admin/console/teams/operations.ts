import { graphql } from '../../shared/gql';

// The list's rows are whole records: react-admin shows a team from its list row while it loads.
graphql(`
  fragment TeamFields on Team {
    id
    name
    timeZone
    memberCount
    createdAt
    balance {
      accountId
      balanceMillicredits
      availableMillicredits
      heldMillicredits
      updatedAt
    }
    policy {
      requestCapMillicredits
      sessionCapMillicredits
      sessionWindowSeconds
      allowedModels
    }
  }
`);

export const TeamsQuery = graphql(`
  query Teams($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          ...TeamFields
        }
      }
    }
  }
`);

export const TeamQuery = graphql(`
  query Team($id: ID!) {
    team(id: $id) {
      ...TeamFields
    }
  }
`);

export const TeamMembersQuery = graphql(`
  query TeamMembers($id: ID!) {
    team(id: $id) {
      id
      members {
        accountId
        email
        role
        monthlyAllocationMillicredits
        spentThisPeriodMillicredits
        heldMillicredits
        remainingThisPeriodMillicredits
        periodStart
        addedAt
        removedAt
        lowBalanceAlerts {
          thresholdMillicredits
          percent
          alerted
        }
      }
    }
  }
`);

export const TeamSpendQuery = graphql(`
  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {
    teamSpend(teamId: $teamId, from: $from, to: $to) {
      day
      accountId
      model
      calls
      chargedMillicredits
      costUsd
    }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
    }
  }
`);

export const AddTeamMemberMutation = graphql(`
  mutation AddTeamMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {
    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {
      accountId
      role
    }
  }
`);

export const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($teamId: ID!, $accountId: ID!) {
    removeTeamMember(teamId: $teamId, accountId: $accountId) {
      accountId
      removedAt
    }
  }
`);

export const SetMemberAllocationMutation = graphql(`
  mutation SetMemberAllocation($input: SetMemberAllocationInput!) {
    setMemberAllocation(input: $input) {
      accountId
      monthlyAllocationMillicredits
      remainingThisPeriodMillicredits
    }
  }
`);

export const SetTeamPolicyMutation = graphql(`
  mutation SetTeamPolicy($input: SetTeamPolicyInput!) {
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

export const ActiveModelsQuery = graphql(`
  query TeamPolicyModels {
    activeRates {
      model
    }
  }
`);

export const SetMemberLowBalanceThresholdsMutation = graphql(`
  mutation SetMemberLowBalanceThresholds(
    $teamId: ID!
    $memberAccountId: ID!
    $thresholdsMillicredits: [String!]!
    $thresholdsPercent: [Int!]
  ) {
    setLowBalanceThresholds(
      accountId: $teamId
      memberAccountId: $memberAccountId
      thresholdsMillicredits: $thresholdsMillicredits
      thresholdsPercent: $thresholdsPercent
    ) {
      thresholdMillicredits
      percent
    }
  }
`);
