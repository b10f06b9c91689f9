/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } } }\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id email name createdAt\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge { enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents spentThisMonthCents notice noticeAt lastAttemptAt }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges { node { id type amountMillicredits balanceAfterMillicredits reason referenceId reversalOfId createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.AccountLedgerDocument,
    "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k chargedMillicredits costUsd } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.AccountUsageDocument,
    "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases { id createdAt packId kind status amountCents amountPaidCents currency creditsMillicredits refundedCents receiptUrl fulfilledAt failureReason }\n    }\n  }\n": typeof types.AccountPurchasesDocument,
    "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) { id kind status amountMillicredits remainingMillicredits expiresAt createdAt priority }\n    }\n  }\n": typeof types.AccountGrantsDocument,
    "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": typeof types.AccountBalanceDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) { id type amountMillicredits balanceAfterMillicredits reason referenceId createdAt }\n  }\n": typeof types.AdjustBalanceDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n": typeof types.VoidGrantDocument,
    "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) { id key }\n  }\n": typeof types.CreateAccountApiKeyDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } }\n  }\n": typeof types.CreateAccountDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id createdAt action actorKind actorLabel actorRole targetType targetId reason before after } }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": typeof types.AuditActionsDocument,
    "\n  query Viewer {\n    viewer { kind role staffUser { id email name role } }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { kind role staffUser { id email name role } }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits creditsRefundedMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) { key accountId label calls revenueUsd cogsUsd marginUsd revenueMillicredits }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits paidUsd promotionalMillicredits promotionalUsd\n      expiringNext30DaysMillicredits heldMillicredits negativeMillicredits negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) { month expiredMillicredits expiredUsd entries }\n    reconciliationRuns(first: 1) { id day status mismatchCount startedAt finishedAt trigger }\n  }\n": typeof types.DashboardDocument,
    "\n  query PromoCodes {\n    promoCodes(first: 500) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n": typeof types.PromoCodesDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n": typeof types.CreatePromoCodeDocument,
    "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id accountId createdAt packId kind status amountCents amountPaidCents creditsMillicredits refundedCents receiptUrl failureReason fulfilledAt } }\n    }\n  }\n": typeof types.StaffPurchasesDocument,
    "\n  query RateCards {\n    rateCards {\n      id version name active enabled createdAt activatedAt\n      rates { model inputPer1k cachedInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd costOutputPer1kUsd maxOutputTokens enabled simulated }\n    }\n  }\n": typeof types.RateCardsDocument,
    "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) { id version name active }\n  }\n": typeof types.PublishRateCardDocument,
    "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) { id version active }\n  }\n": typeof types.ActivateRateCardDocument,
    "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n": typeof types.SetRateCardEnabledDocument,
    "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) { model enabled }\n  }\n": typeof types.SetModelEnabledDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) { id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error }\n  }\n": typeof types.ReconciliationRunsDocument,
    "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error\n      checks { name status findings note }\n      findings(first: 200) { id check accountId subject expected actual driftMillicredits driftTokens createdAt }\n    }\n  }\n": typeof types.ReconciliationRunDocument,
    "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) { id status }\n  }\n": typeof types.RunReconciliationDocument,
    "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name role disabled lastSignInAt createdAt updatedAt } }\n    }\n  }\n": typeof types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": typeof types.StaffUserDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": typeof types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": typeof types.UpdateStaffUserDocument,
    "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) { id type status source attempts lastError receivedAt processedAt purchaseId }\n    stalePurchases(first: 100, olderThanMinutes: 15) { id accountId packId status amountCents creditsMillicredits createdAt stripeCheckoutSessionId }\n  }\n": typeof types.WebhooksPageDocument,
    "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n": typeof types.ReplayStripeEventDocument,
    "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status fulfilledAt }\n  }\n": typeof types.RefulfillPurchaseDocument,
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n": typeof types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": typeof types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n": typeof types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n": typeof types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n": typeof types.SetOwnAutoRechargeDocument,
    "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) { kind accountId }\n  }\n": typeof types.CreditsSignInWithKeyDocument,
    "\n  mutation CreditsSignOut {\n    signOut\n  }\n": typeof types.CreditsSignOutDocument,
};
const documents: Documents = {
    "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } } }\n    }\n  }\n": types.AccountsDocument,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id email name createdAt\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge { enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents spentThisMonthCents notice noticeAt lastAttemptAt }\n    }\n  }\n": types.AccountDocument,
    "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges { node { id type amountMillicredits balanceAfterMillicredits reason referenceId reversalOfId createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.AccountLedgerDocument,
    "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k chargedMillicredits costUsd } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.AccountUsageDocument,
    "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases { id createdAt packId kind status amountCents amountPaidCents currency creditsMillicredits refundedCents receiptUrl fulfilledAt failureReason }\n    }\n  }\n": types.AccountPurchasesDocument,
    "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) { id kind status amountMillicredits remainingMillicredits expiresAt createdAt priority }\n    }\n  }\n": types.AccountGrantsDocument,
    "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": types.AccountBalanceDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) { id type amountMillicredits balanceAfterMillicredits reason referenceId createdAt }\n  }\n": types.AdjustBalanceDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n": types.VoidGrantDocument,
    "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) { id key }\n  }\n": types.CreateAccountApiKeyDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } }\n  }\n": types.CreateAccountDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id createdAt action actorKind actorLabel actorRole targetType targetId reason before after } }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": types.AuditActionsDocument,
    "\n  query Viewer {\n    viewer { kind role staffUser { id email name role } }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { kind role staffUser { id email name role } }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits creditsRefundedMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) { key accountId label calls revenueUsd cogsUsd marginUsd revenueMillicredits }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits paidUsd promotionalMillicredits promotionalUsd\n      expiringNext30DaysMillicredits heldMillicredits negativeMillicredits negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) { month expiredMillicredits expiredUsd entries }\n    reconciliationRuns(first: 1) { id day status mismatchCount startedAt finishedAt trigger }\n  }\n": types.DashboardDocument,
    "\n  query PromoCodes {\n    promoCodes(first: 500) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n": types.PromoCodesDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n": types.CreatePromoCodeDocument,
    "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id accountId createdAt packId kind status amountCents amountPaidCents creditsMillicredits refundedCents receiptUrl failureReason fulfilledAt } }\n    }\n  }\n": types.StaffPurchasesDocument,
    "\n  query RateCards {\n    rateCards {\n      id version name active enabled createdAt activatedAt\n      rates { model inputPer1k cachedInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd costOutputPer1kUsd maxOutputTokens enabled simulated }\n    }\n  }\n": types.RateCardsDocument,
    "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) { id version name active }\n  }\n": types.PublishRateCardDocument,
    "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) { id version active }\n  }\n": types.ActivateRateCardDocument,
    "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n": types.SetRateCardEnabledDocument,
    "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) { model enabled }\n  }\n": types.SetModelEnabledDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) { id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error }\n  }\n": types.ReconciliationRunsDocument,
    "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error\n      checks { name status findings note }\n      findings(first: 200) { id check accountId subject expected actual driftMillicredits driftTokens createdAt }\n    }\n  }\n": types.ReconciliationRunDocument,
    "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) { id status }\n  }\n": types.RunReconciliationDocument,
    "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name role disabled lastSignInAt createdAt updatedAt } }\n    }\n  }\n": types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": types.StaffUserDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n": types.UpdateStaffUserDocument,
    "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) { id type status source attempts lastError receivedAt processedAt purchaseId }\n    stalePurchases(first: 100, olderThanMinutes: 15) { id accountId packId status amountCents creditsMillicredits createdAt stripeCheckoutSessionId }\n  }\n": types.WebhooksPageDocument,
    "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n": types.ReplayStripeEventDocument,
    "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status fulfilledAt }\n  }\n": types.RefulfillPurchaseDocument,
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n": types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n": types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n": types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n": types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n": types.SetOwnAutoRechargeDocument,
    "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) { kind accountId }\n  }\n": types.CreditsSignInWithKeyDocument,
    "\n  mutation CreditsSignOut {\n    signOut\n  }\n": types.CreditsSignOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } } }\n    }\n  }\n"): typeof import('./graphql.js').AccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id email name createdAt\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge { enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents spentThisMonthCents notice noticeAt lastAttemptAt }\n    }\n  }\n"): typeof import('./graphql.js').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges { node { id type amountMillicredits balanceAfterMillicredits reason referenceId reversalOfId createdAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k chargedMillicredits costUsd } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases { id createdAt packId kind status amountCents amountPaidCents currency creditsMillicredits refundedCents receiptUrl fulfilledAt failureReason }\n    }\n  }\n"): typeof import('./graphql.js').AccountPurchasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) { id kind status amountMillicredits remainingMillicredits expiresAt createdAt priority }\n    }\n  }\n"): typeof import('./graphql.js').AccountGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n"): typeof import('./graphql.js').AccountBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) { id type amountMillicredits balanceAfterMillicredits reason referenceId createdAt }\n  }\n"): typeof import('./graphql.js').AdjustBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n"): typeof import('./graphql.js').VoidGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) { id key }\n  }\n"): typeof import('./graphql.js').CreateAccountApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id email name createdAt balance { balanceMillicredits availableMillicredits heldMillicredits updatedAt } }\n  }\n"): typeof import('./graphql.js').CreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id createdAt action actorKind actorLabel actorRole targetType targetId reason before after } }\n    }\n  }\n"): typeof import('./graphql.js').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions {\n    auditActions\n  }\n"): typeof import('./graphql.js').AuditActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { kind role staffUser { id email name role } }\n  }\n"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) { kind role staffUser { id email name role } }\n  }\n"): typeof import('./graphql.js').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql.js').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits creditsRefundedMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) { key model calls revenueUsd cogsUsd marginUsd marginRatio }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) { key accountId label calls revenueUsd cogsUsd marginUsd revenueMillicredits }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits paidUsd promotionalMillicredits promotionalUsd\n      expiringNext30DaysMillicredits heldMillicredits negativeMillicredits negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) { month expiredMillicredits expiredUsd entries }\n    reconciliationRuns(first: 1) { id day status mismatchCount startedAt finishedAt trigger }\n  }\n"): typeof import('./graphql.js').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromoCodes {\n    promoCodes(first: 500) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n"): typeof import('./graphql.js').PromoCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays createdAt }\n  }\n"): typeof import('./graphql.js').CreatePromoCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id accountId createdAt packId kind status amountCents amountPaidCents creditsMillicredits refundedCents receiptUrl failureReason fulfilledAt } }\n    }\n  }\n"): typeof import('./graphql.js').StaffPurchasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateCards {\n    rateCards {\n      id version name active enabled createdAt activatedAt\n      rates { model inputPer1k cachedInputPer1k outputPer1k costInputPer1kUsd costCachedInputPer1kUsd costOutputPer1kUsd maxOutputTokens enabled simulated }\n    }\n  }\n"): typeof import('./graphql.js').RateCardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) { id version name active }\n  }\n"): typeof import('./graphql.js').PublishRateCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) { id version active }\n  }\n"): typeof import('./graphql.js').ActivateRateCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) { id enabled }\n  }\n"): typeof import('./graphql.js').SetRateCardEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) { model enabled }\n  }\n"): typeof import('./graphql.js').SetModelEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) { id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error }\n  }\n"): typeof import('./graphql.js').ReconciliationRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id day status trigger startedAt finishedAt mismatchCount progressDone progressTotal step error\n      checks { name status findings note }\n      findings(first: 200) { id check accountId subject expected actual driftMillicredits driftTokens createdAt }\n    }\n  }\n"): typeof import('./graphql.js').ReconciliationRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) { id status }\n  }\n"): typeof import('./graphql.js').RunReconciliationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges { node { id email name role disabled lastSignInAt createdAt updatedAt } }\n    }\n  }\n"): typeof import('./graphql.js').StaffUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n"): typeof import('./graphql.js').StaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n"): typeof import('./graphql.js').CreateStaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) { id email name role disabled lastSignInAt createdAt updatedAt }\n  }\n"): typeof import('./graphql.js').UpdateStaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) { id type status source attempts lastError receivedAt processedAt purchaseId }\n    stalePurchases(first: 100, olderThanMinutes: 15) { id accountId packId status amountCents creditsMillicredits createdAt stripeCheckoutSessionId }\n  }\n"): typeof import('./graphql.js').WebhooksPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n"): typeof import('./graphql.js').ReplayStripeEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status fulfilledAt }\n  }\n"): typeof import('./graphql.js').RefulfillPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      balance { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n      autoRecharge {\n        enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n        monthlyLimitCents spentThisMonthCents notice noticeAt\n      }\n      purchases {\n        id createdAt packId creditsMillicredits amountCents amountPaidCents currency status\n        receiptUrl refundedCents kind\n      }\n    }\n    creditPacks { id name priceCents creditsMillicredits }\n  }\n"): typeof import('./graphql.js').CreditsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges { node { id createdAt model chargedMillicredits inputTokens cachedInputTokens outputTokens } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreditsUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CreditsBalance {\n    balanceUpdated { accountId balanceMillicredits availableMillicredits heldMillicredits updatedAt }\n  }\n"): typeof import('./graphql.js').CreditsBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyPack($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url testMode }\n  }\n"): typeof import('./graphql.js').BuyPackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) { id amountMillicredits balanceAfterMillicredits }\n  }\n"): typeof import('./graphql.js').RedeemPromoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled hasPaymentMethod thresholdMillicredits packId targetBalanceMillicredits\n      monthlyLimitCents spentThisMonthCents notice noticeAt\n    }\n  }\n"): typeof import('./graphql.js').SetOwnAutoRechargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) { kind accountId }\n  }\n"): typeof import('./graphql.js').CreditsSignInWithKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditsSignOut {\n    signOut\n  }\n"): typeof import('./graphql.js').CreditsSignOutDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
