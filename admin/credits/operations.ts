import { graphql } from '../shared/gql';

export const CreditsPageQuery = graphql(`
  query CreditsPage {
    me {
      id
      email
      name
      createdAt
      balance {
        accountId
        balanceMillicredits
        availableMillicredits
        heldMillicredits
        updatedAt
      }
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
      }
      purchases {
        id
        createdAt
        packId
        creditsMillicredits
        amountCents
        amountPaidCents
        currency
        status
        receiptUrl
        refundedCents
        kind
        subtotalCents
        taxCents
        totalCents
        invoiceUrl
        invoicePdfUrl
      }
      teams {
        id
        name
      }
    }
    creditPacks {
      id
      name
      priceCents
      creditsMillicredits
    }
  }
`);

export const CreditsUsageQuery = graphql(`
  query CreditsUsage($first: Int!, $after: String) {
    me {
      id
      usage(first: $first, after: $after) {
        edges {
          node {
            id
            createdAt
            model
            chargedMillicredits
            inputTokens
            cachedInputTokens
            outputTokens
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

export const CreditsBalanceSubscription = graphql(`
  subscription CreditsBalance {
    balanceUpdated {
      accountId
      balanceMillicredits
      availableMillicredits
      heldMillicredits
      updatedAt
    }
  }
`);

export const BuyPackMutation = graphql(`
  mutation BuyPack($packId: ID!, $returnTo: String, $accountId: ID) {
    createCheckoutSession(packId: $packId, returnTo: $returnTo, accountId: $accountId) {
      id
      url
      testMode
    }
  }
`);

export const RedeemPromoMutation = graphql(`
  mutation RedeemPromo($code: String!) {
    redeemPromoCode(code: $code) {
      id
      amountMillicredits
      balanceAfterMillicredits
    }
  }
`);

export const SetAutoRechargeMutation = graphql(`
  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {
    setAutoRecharge(input: $input) {
      enabled
      hasPaymentMethod
      thresholdMillicredits
      packId
      targetBalanceMillicredits
      monthlyLimitCents
      spentThisMonthCents
      notice
      noticeAt
    }
  }
`);

export const SignInWithKeyMutation = graphql(`
  mutation CreditsSignInWithKey($key: String!) {
    signInWithKey(key: $key) {
      kind
      accountId
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation CreditsSignOut {
    signOut
  }
`);

export const CreditsTeamQuery = graphql(`
  query CreditsTeam($id: ID!) {
    team(id: $id) {
      id
      name
      timeZone
      balance {
        accountId
        balanceMillicredits
        availableMillicredits
        heldMillicredits
        updatedAt
      }
      members {
        accountId
        email
        role
        monthlyAllocationMillicredits
        spentThisPeriodMillicredits
        remainingThisPeriodMillicredits
        periodStart
        removedAt
      }
    }
  }
`);

export const CreditsUsageHistoryQuery = graphql(`
  query CreditsUsageHistory($first: Int!, $after: String) {
    me {
      id
      usage(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            createdAt
            model
            chargedMillicredits
            inputTokens
            cachedInputTokens
            outputTokens
            apiKeyId
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    apiKeys {
      id
      label
    }
  }
`);

export const CreditsUsageReportQuery = graphql(`
  query CreditsUsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageGroup!]!, $accountId: ID) {
    usageReport(from: $from, to: $to, groupBy: $groupBy, accountId: $accountId) {
      apiKeyId
      apiKeyLabel
      memberAccountId
      memberEmail
      model
      calls
      inputTokens
      cachedInputTokens
      outputTokens
      chargedMillicredits
    }
  }
`);

export const CreditsExpiringQuery = graphql(`
  query CreditsExpiring {
    me {
      id
      grants {
        id
        kind
        remainingMillicredits
        expiresAt
      }
    }
  }
`);
