import { graphql } from '../../shared/gql';

export const AccountsQuery = graphql(`
  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id
          email
          name
          createdAt
          balance {
            balanceMillicredits
            availableMillicredits
            heldMillicredits
            updatedAt
          }
        }
      }
    }
  }
`);

export const AccountQuery = graphql(`
  query Account($id: ID!) {
    account(id: $id) {
      id
      email
      name
      createdAt
      lowBalanceAlert {
        thresholdMillicredits
        custom
        alerted
      }
      lowBalanceAlerts {
        thresholdMillicredits
        percent
        custom
        alerted
      }
      balance {
        accountId
        balanceMillicredits
        availableMillicredits
        heldMillicredits
        updatedAt
      }
      autoRecharge {
        enabled
        hasPaymentMethod
        thresholdMillicredits
        packId
        targetBalanceMillicredits
        monthlyLimitCents
        spentThisMonthCents
        notice
        noticeAt
        lastAttemptAt
      }
    }
  }
`);

export const AccountLedgerQuery = graphql(`
  query AccountLedger($id: ID!, $first: Int!, $after: String) {
    account(id: $id) {
      id
      ledger(first: $first, after: $after) {
        edges {
          node {
            id
            type
            amountMillicredits
            balanceAfterMillicredits
            reason
            referenceId
            reversalOfId
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const AccountUsageQuery = graphql(`
  query AccountUsage($id: ID!, $first: Int!, $after: String) {
    account(id: $id) {
      id
      usage(first: $first, after: $after) {
        edges {
          node {
            id
            createdAt
            model
            inputTokens
            cachedInputTokens
            outputTokens
            inputPer1k
            cachedInputPer1k
            outputPer1k
            chargedMillicredits
            costUsd
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const AccountPurchasesQuery = graphql(`
  query AccountPurchases($id: ID!) {
    account(id: $id) {
      id
      purchases {
        id
        createdAt
        packId
        kind
        status
        amountCents
        amountPaidCents
        currency
        creditsMillicredits
        refundedCents
        receiptUrl
        fulfilledAt
        failureReason
      }
    }
  }
`);

export const AccountGrantsQuery = graphql(`
  query AccountGrants($id: ID!) {
    account(id: $id) {
      id
      grants(includeClosed: true) {
        id
        kind
        status
        amountMillicredits
        remainingMillicredits
        expiresAt
        createdAt
        priority
      }
    }
  }
`);

export const AccountBalanceSubscription = graphql(`
  subscription AccountBalance($accountId: ID!) {
    balanceUpdated(accountId: $accountId) {
      accountId
      balanceMillicredits
      availableMillicredits
      heldMillicredits
      updatedAt
    }
  }
`);

export const AdjustBalanceMutation = graphql(`
  mutation AdjustBalance($input: AdjustBalanceInput!) {
    adjustBalance(input: $input) {
      id
      type
      amountMillicredits
      balanceAfterMillicredits
      reason
      referenceId
      createdAt
    }
  }
`);

export const VoidGrantMutation = graphql(`
  mutation VoidGrant($grantId: ID!, $reason: String!) {
    voidGrant(grantId: $grantId, reason: $reason) {
      id
      status
      remainingMillicredits
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {
    createApiKey(accountId: $accountId, role: $role) {
      id
      key
    }
  }
`);

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      email
      name
      createdAt
      balance {
        balanceMillicredits
        availableMillicredits
        heldMillicredits
        updatedAt
      }
    }
  }
`);

export const AccountApiKeysQuery = graphql(`
  query AccountApiKeys($accountId: ID!) {
    apiKeys(accountId: $accountId) {
      id
      role
      label
      createdAt
      lastUsedAt
      revokedAt
      spendLimitMillicredits
      limitReset
      allowedModels
      spentThisPeriodMillicredits
      periodResetsAt
    }
  }
`);

export const UpdateApiKeyMutation = graphql(`
  mutation UpdateAccountApiKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      id
      label
      spendLimitMillicredits
      limitReset
      allowedModels
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);
