/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysListDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysRevokeDocument,
    "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) { id key }\n  }\n": typeof types.ApiKeysCreateDocument,
    "\n  query ApiKeysMe { me { id } }\n": typeof types.ApiKeysMeDocument,
    "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) { enabled thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents hasPaymentMethod notice }\n  }\n": typeof types.BillingSetAutoRechargeDocument,
    "\n  query BillingMyAutoRecharge {\n    me { balance { availableMillicredits } autoRecharge { enabled spentThisMonthCents lastAttemptAt notice hasPaymentMethod } }\n  }\n": typeof types.BillingMyAutoRechargeDocument,
    "\n  mutation BillingCharge($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n": typeof types.BillingChargeDocument,
    "query BillingPacks { creditPacks { id name priceCents creditsMillicredits } }": typeof types.BillingPacksDocument,
    "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status creditsMillicredits stripePaymentIntentId receiptUrl }\n  }\n": typeof types.BillingRefulfillDocument,
    "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n": typeof types.BillingReplayDocument,
    "\n  query BillingStale { stalePurchases(olderThanMinutes: 0) { id status } }\n": typeof types.BillingStaleDocument,
    "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) { outcome purchase { id status } }\n  }\n": typeof types.BillingRefulfillStaleDocument,
    "\n  query BillingNegativeBalances { negativeBalances { accountId balanceMillicredits } }\n": typeof types.BillingNegativeBalancesDocument,
    "\n  mutation BillingSpend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n": typeof types.BillingSpendDocument,
    "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n": typeof types.BillingCreateCheckoutDocument,
    "\n  query BillingMyPurchases {\n    me {\n      id\n      balance { balanceMillicredits availableMillicredits }\n      purchases {\n        id packId status kind amountCents amountPaidCents refundedCents creditsMillicredits refundedCreditsMillicredits\n        receiptUrl stripeCheckoutSessionId stripePaymentIntentId transactionId failureReason createdAt\n      }\n    }\n  }\n": typeof types.BillingMyPurchasesDocument,
    "\n  query BillingFailedEvents { failedStripeEvents(first: 50) { id type status attempts lastError purchaseId } }\n": typeof types.BillingFailedEventsDocument,
    "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id kind status amountMillicredits remainingMillicredits priority expiresAt sourceTransactionId\n        allocations { transactionId amountMillicredits purpose }\n      }\n    }\n  }\n": typeof types.AccountGrantsDocument,
    "\n  query MyGrants {\n    me { grants { id kind status remainingMillicredits } }\n  }\n": typeof types.MyGrantsDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n": typeof types.VoidGrantDocument,
    "\n  mutation ExpireGrantsNow {\n    expireGrantsNow { expiredGrants expiredMillicredits }\n  }\n": typeof types.ExpireGrantsNowDocument,
    "mutation GrantsRecordUsage($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }": typeof types.GrantsRecordUsageDocument,
    "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": typeof types.MetricsRecordUsageDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays }\n  }\n": typeof types.CreatePromoCodeDocument,
    "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) { id type amountMillicredits balanceAfterMillicredits referenceId }\n  }\n": typeof types.RedeemPromoCodeDocument,
    "\n  query PromoCodes {\n    promoCodes { code redemptions maxRedemptions }\n  }\n": typeof types.PromoCodesDocument,
    "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id balance { balanceMillicredits } }\n  }\n": typeof types.GrantsCreateAccountDocument,
    "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits idempotencyKey }\n  }\n": typeof types.SettleKeyClaimDocument,
    "\n  query ActiveRatesSimulated {\n    activeRates { model enabled simulated }\n  }\n": typeof types.ActiveRatesSimulatedDocument,
    "\n  query MyProxySettings {\n    me { id proxySettings { accountId requestCapMillicredits sessionCapMillicredits sessionWindowSeconds streamingHolds minOutputTokens } }\n  }\n": typeof types.MyProxySettingsDocument,
    "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) { accountId requestCapMillicredits sessionCapMillicredits streamingHolds minOutputTokens }\n  }\n": typeof types.SetProxySettingsDocument,
    "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls cogsExactUsd\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsRefundedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits promotionalMillicredits negativeMillicredits negativeBalanceAccounts\n      heldMillicredits expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) { model calls revenueMillicredits costMicroUsd marginMillicredits }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) { model }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) { accountId label revenueMillicredits marginMillicredits }\n    members: financeByMember(from: $from, to: $to) { accountId apiKeyId label revenueMillicredits }\n    negativeBalances { accountId balanceMillicredits }\n    breakageByMonth(from: $from, to: $to) { month expiredMillicredits }\n  }\n": typeof types.FinanceDashboardDocument,
    "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": typeof types.FinanceRecordUsageDocument,
    "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id day trigger status step progressDone progressTotal mismatchCount error\n      checks { name status findings note }\n      findings { id check accountId subject expected actual driftMillicredits driftTokens }\n    }\n  }\n": typeof types.RunReconciliationDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) { id status mismatchCount findings(first: 5) { check } }\n  }\n": typeof types.ReconciliationRunsDocument,
    "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": typeof types.OutageChargeDocument,
    "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id }\n  }\n": typeof types.ReturnToRecordDocument,
    "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n": typeof types.ReturnToCheckoutDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name timeZone balance { balanceMillicredits availableMillicredits } members { accountId role } }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits removedAt }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) { accountId monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits }\n  }\n": typeof types.SetAllocationDocument,
    "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) { accountId removedAt }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) { id policy { requestCapMillicredits sessionCapMillicredits sessionWindowSeconds allowedModels } }\n  }\n": typeof types.SetPolicyDocument,
    "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id name timeZone\n      balance { balanceMillicredits availableMillicredits heldMillicredits }\n      members { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits heldMillicredits periodStart removedAt }\n    }\n  }\n": typeof types.TeamViewDocument,
    "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits memberAccountId idempotencyKey }\n  }\n": typeof types.TeamChargeDocument,
    "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) { id key }\n  }\n": typeof types.CreateTeamKeyDocument,
    "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) { id purchaseId }\n  }\n": typeof types.TeamCheckoutDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) { day accountId model calls chargedMillicredits }\n  }\n": typeof types.TeamSpendDocument,
    "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) { id name balance { balanceMillicredits } ledger(first: 5) { edges { node { type amountMillicredits } } } }\n  }\n": typeof types.TeamAsAccountDocument,
    "query MyTeams { me { teams { id name } } }": typeof types.MyTeamsDocument,
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n": typeof types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n": typeof types.RecordUsageDocument,
    "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n": typeof types.MyBalanceDocument,
};
const documents: Documents = {
    "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysListDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysRevokeDocument,
    "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) { id key }\n  }\n": types.ApiKeysCreateDocument,
    "\n  query ApiKeysMe { me { id } }\n": types.ApiKeysMeDocument,
    "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) { enabled thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents hasPaymentMethod notice }\n  }\n": types.BillingSetAutoRechargeDocument,
    "\n  query BillingMyAutoRecharge {\n    me { balance { availableMillicredits } autoRecharge { enabled spentThisMonthCents lastAttemptAt notice hasPaymentMethod } }\n  }\n": types.BillingMyAutoRechargeDocument,
    "\n  mutation BillingCharge($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n": types.BillingChargeDocument,
    "query BillingPacks { creditPacks { id name priceCents creditsMillicredits } }": types.BillingPacksDocument,
    "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status creditsMillicredits stripePaymentIntentId receiptUrl }\n  }\n": types.BillingRefulfillDocument,
    "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n": types.BillingReplayDocument,
    "\n  query BillingStale { stalePurchases(olderThanMinutes: 0) { id status } }\n": types.BillingStaleDocument,
    "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) { outcome purchase { id status } }\n  }\n": types.BillingRefulfillStaleDocument,
    "\n  query BillingNegativeBalances { negativeBalances { accountId balanceMillicredits } }\n": types.BillingNegativeBalancesDocument,
    "\n  mutation BillingSpend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n": types.BillingSpendDocument,
    "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n": types.BillingCreateCheckoutDocument,
    "\n  query BillingMyPurchases {\n    me {\n      id\n      balance { balanceMillicredits availableMillicredits }\n      purchases {\n        id packId status kind amountCents amountPaidCents refundedCents creditsMillicredits refundedCreditsMillicredits\n        receiptUrl stripeCheckoutSessionId stripePaymentIntentId transactionId failureReason createdAt\n      }\n    }\n  }\n": types.BillingMyPurchasesDocument,
    "\n  query BillingFailedEvents { failedStripeEvents(first: 50) { id type status attempts lastError purchaseId } }\n": types.BillingFailedEventsDocument,
    "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id kind status amountMillicredits remainingMillicredits priority expiresAt sourceTransactionId\n        allocations { transactionId amountMillicredits purpose }\n      }\n    }\n  }\n": types.AccountGrantsDocument,
    "\n  query MyGrants {\n    me { grants { id kind status remainingMillicredits } }\n  }\n": types.MyGrantsDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n": types.VoidGrantDocument,
    "\n  mutation ExpireGrantsNow {\n    expireGrantsNow { expiredGrants expiredMillicredits }\n  }\n": types.ExpireGrantsNowDocument,
    "mutation GrantsRecordUsage($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }": types.GrantsRecordUsageDocument,
    "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": types.MetricsRecordUsageDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays }\n  }\n": types.CreatePromoCodeDocument,
    "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) { id type amountMillicredits balanceAfterMillicredits referenceId }\n  }\n": types.RedeemPromoCodeDocument,
    "\n  query PromoCodes {\n    promoCodes { code redemptions maxRedemptions }\n  }\n": types.PromoCodesDocument,
    "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id balance { balanceMillicredits } }\n  }\n": types.GrantsCreateAccountDocument,
    "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits idempotencyKey }\n  }\n": types.SettleKeyClaimDocument,
    "\n  query ActiveRatesSimulated {\n    activeRates { model enabled simulated }\n  }\n": types.ActiveRatesSimulatedDocument,
    "\n  query MyProxySettings {\n    me { id proxySettings { accountId requestCapMillicredits sessionCapMillicredits sessionWindowSeconds streamingHolds minOutputTokens } }\n  }\n": types.MyProxySettingsDocument,
    "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) { accountId requestCapMillicredits sessionCapMillicredits streamingHolds minOutputTokens }\n  }\n": types.SetProxySettingsDocument,
    "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls cogsExactUsd\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsRefundedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits promotionalMillicredits negativeMillicredits negativeBalanceAccounts\n      heldMillicredits expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) { model calls revenueMillicredits costMicroUsd marginMillicredits }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) { model }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) { accountId label revenueMillicredits marginMillicredits }\n    members: financeByMember(from: $from, to: $to) { accountId apiKeyId label revenueMillicredits }\n    negativeBalances { accountId balanceMillicredits }\n    breakageByMonth(from: $from, to: $to) { month expiredMillicredits }\n  }\n": types.FinanceDashboardDocument,
    "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": types.FinanceRecordUsageDocument,
    "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id day trigger status step progressDone progressTotal mismatchCount error\n      checks { name status findings note }\n      findings { id check accountId subject expected actual driftMillicredits driftTokens }\n    }\n  }\n": types.RunReconciliationDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) { id status mismatchCount findings(first: 5) { check } }\n  }\n": types.ReconciliationRunsDocument,
    "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n": types.OutageChargeDocument,
    "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id }\n  }\n": types.ReturnToRecordDocument,
    "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n": types.ReturnToCheckoutDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name timeZone balance { balanceMillicredits availableMillicredits } members { accountId role } }\n  }\n": types.CreateTeamDocument,
    "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits removedAt }\n  }\n": types.AddMemberDocument,
    "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) { accountId monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits }\n  }\n": types.SetAllocationDocument,
    "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) { accountId removedAt }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) { id policy { requestCapMillicredits sessionCapMillicredits sessionWindowSeconds allowedModels } }\n  }\n": types.SetPolicyDocument,
    "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id name timeZone\n      balance { balanceMillicredits availableMillicredits heldMillicredits }\n      members { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits heldMillicredits periodStart removedAt }\n    }\n  }\n": types.TeamViewDocument,
    "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits memberAccountId idempotencyKey }\n  }\n": types.TeamChargeDocument,
    "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) { id key }\n  }\n": types.CreateTeamKeyDocument,
    "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) { id purchaseId }\n  }\n": types.TeamCheckoutDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) { day accountId model calls chargedMillicredits }\n  }\n": types.TeamSpendDocument,
    "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) { id name balance { balanceMillicredits } ledger(first: 5) { edges { node { type amountMillicredits } } } }\n  }\n": types.TeamAsAccountDocument,
    "query MyTeams { me { teams { id name } } }": types.MyTeamsDocument,
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n": types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n": types.RecordUsageDocument,
    "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n": types.MyBalanceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) { id accountId role label createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) { id key }\n  }\n"): (typeof documents)["\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) { id key }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysMe { me { id } }\n"): (typeof documents)["\n  query ApiKeysMe { me { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) { enabled thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents hasPaymentMethod notice }\n  }\n"): (typeof documents)["\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) { enabled thresholdMillicredits packId targetBalanceMillicredits monthlyLimitCents hasPaymentMethod notice }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingMyAutoRecharge {\n    me { balance { availableMillicredits } autoRecharge { enabled spentThisMonthCents lastAttemptAt notice hasPaymentMethod } }\n  }\n"): (typeof documents)["\n  query BillingMyAutoRecharge {\n    me { balance { availableMillicredits } autoRecharge { enabled spentThisMonthCents lastAttemptAt notice hasPaymentMethod } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingCharge($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n"): (typeof documents)["\n  mutation BillingCharge($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BillingPacks { creditPacks { id name priceCents creditsMillicredits } }"): (typeof documents)["query BillingPacks { creditPacks { id name priceCents creditsMillicredits } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status creditsMillicredits stripePaymentIntentId receiptUrl }\n  }\n"): (typeof documents)["\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status creditsMillicredits stripePaymentIntentId receiptUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n"): (typeof documents)["\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingStale { stalePurchases(olderThanMinutes: 0) { id status } }\n"): (typeof documents)["\n  query BillingStale { stalePurchases(olderThanMinutes: 0) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) { outcome purchase { id status } }\n  }\n"): (typeof documents)["\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) { outcome purchase { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingNegativeBalances { negativeBalances { accountId balanceMillicredits } }\n"): (typeof documents)["\n  query BillingNegativeBalances { negativeBalances { accountId balanceMillicredits } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingSpend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n"): (typeof documents)["\n  mutation BillingSpend($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n"): (typeof documents)["\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingMyPurchases {\n    me {\n      id\n      balance { balanceMillicredits availableMillicredits }\n      purchases {\n        id packId status kind amountCents amountPaidCents refundedCents creditsMillicredits refundedCreditsMillicredits\n        receiptUrl stripeCheckoutSessionId stripePaymentIntentId transactionId failureReason createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingMyPurchases {\n    me {\n      id\n      balance { balanceMillicredits availableMillicredits }\n      purchases {\n        id packId status kind amountCents amountPaidCents refundedCents creditsMillicredits refundedCreditsMillicredits\n        receiptUrl stripeCheckoutSessionId stripePaymentIntentId transactionId failureReason createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingFailedEvents { failedStripeEvents(first: 50) { id type status attempts lastError purchaseId } }\n"): (typeof documents)["\n  query BillingFailedEvents { failedStripeEvents(first: 50) { id type status attempts lastError purchaseId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id kind status amountMillicredits remainingMillicredits priority expiresAt sourceTransactionId\n        allocations { transactionId amountMillicredits purpose }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id kind status amountMillicredits remainingMillicredits priority expiresAt sourceTransactionId\n        allocations { transactionId amountMillicredits purpose }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyGrants {\n    me { grants { id kind status remainingMillicredits } }\n  }\n"): (typeof documents)["\n  query MyGrants {\n    me { grants { id kind status remainingMillicredits } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n"): (typeof documents)["\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) { id status remainingMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpireGrantsNow {\n    expireGrantsNow { expiredGrants expiredMillicredits }\n  }\n"): (typeof documents)["\n  mutation ExpireGrantsNow {\n    expireGrantsNow { expiredGrants expiredMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantsRecordUsage($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }"): (typeof documents)["mutation GrantsRecordUsage($input: RecordUsageInput!) { recordUsage(input: $input) { chargedMillicredits } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"): (typeof documents)["\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays }\n  }\n"): (typeof documents)["\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) { id code creditsMillicredits maxRedemptions redemptions expiresAt grantValidDays }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) { id type amountMillicredits balanceAfterMillicredits referenceId }\n  }\n"): (typeof documents)["\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) { id type amountMillicredits balanceAfterMillicredits referenceId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromoCodes {\n    promoCodes { code redemptions maxRedemptions }\n  }\n"): (typeof documents)["\n  query PromoCodes {\n    promoCodes { code redemptions maxRedemptions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id balance { balanceMillicredits } }\n  }\n"): (typeof documents)["\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) { id balance { balanceMillicredits } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits idempotencyKey }\n  }\n"): (typeof documents)["\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits idempotencyKey }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveRatesSimulated {\n    activeRates { model enabled simulated }\n  }\n"): (typeof documents)["\n  query ActiveRatesSimulated {\n    activeRates { model enabled simulated }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProxySettings {\n    me { id proxySettings { accountId requestCapMillicredits sessionCapMillicredits sessionWindowSeconds streamingHolds minOutputTokens } }\n  }\n"): (typeof documents)["\n  query MyProxySettings {\n    me { id proxySettings { accountId requestCapMillicredits sessionCapMillicredits sessionWindowSeconds streamingHolds minOutputTokens } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) { accountId requestCapMillicredits sessionCapMillicredits streamingHolds minOutputTokens }\n  }\n"): (typeof documents)["\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) { accountId requestCapMillicredits sessionCapMillicredits streamingHolds minOutputTokens }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls cogsExactUsd\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsRefundedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits promotionalMillicredits negativeMillicredits negativeBalanceAccounts\n      heldMillicredits expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) { model calls revenueMillicredits costMicroUsd marginMillicredits }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) { model }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) { accountId label revenueMillicredits marginMillicredits }\n    members: financeByMember(from: $from, to: $to) { accountId apiKeyId label revenueMillicredits }\n    negativeBalances { accountId balanceMillicredits }\n    breakageByMonth(from: $from, to: $to) { month expiredMillicredits }\n  }\n"): (typeof documents)["\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date revenueUsd cogsUsd marginUsd marginRatio calls cogsExactUsd\n      creditsPurchasedMillicredits creditsDeductedMillicredits creditsRefundedMillicredits creditsPromotionalMillicredits creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits outstandingUsd paidMillicredits promotionalMillicredits negativeMillicredits negativeBalanceAccounts\n      heldMillicredits expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) { model calls revenueMillicredits costMicroUsd marginMillicredits }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) { model }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) { accountId label revenueMillicredits marginMillicredits }\n    members: financeByMember(from: $from, to: $to) { accountId apiKeyId label revenueMillicredits }\n    negativeBalances { accountId balanceMillicredits }\n    breakageByMonth(from: $from, to: $to) { month expiredMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"): (typeof documents)["\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id day trigger status step progressDone progressTotal mismatchCount error\n      checks { name status findings note }\n      findings { id check accountId subject expected actual driftMillicredits driftTokens }\n    }\n  }\n"): (typeof documents)["\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id day trigger status step progressDone progressTotal mismatchCount error\n      checks { name status findings note }\n      findings { id check accountId subject expected actual driftMillicredits driftTokens }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) { id status mismatchCount findings(first: 5) { check } }\n  }\n"): (typeof documents)["\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) { id status mismatchCount findings(first: 5) { check } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"): (typeof documents)["\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n"): (typeof documents)["\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) { id url purchaseId testMode }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name timeZone balance { balanceMillicredits availableMillicredits } members { accountId role } }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { id name timeZone balance { balanceMillicredits availableMillicredits } members { accountId role } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits removedAt }\n  }\n"): (typeof documents)["\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits removedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) { accountId monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits }\n  }\n"): (typeof documents)["\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) { accountId monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) { accountId removedAt }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) { accountId removedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) { id policy { requestCapMillicredits sessionCapMillicredits sessionWindowSeconds allowedModels } }\n  }\n"): (typeof documents)["\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) { id policy { requestCapMillicredits sessionCapMillicredits sessionWindowSeconds allowedModels } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id name timeZone\n      balance { balanceMillicredits availableMillicredits heldMillicredits }\n      members { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits heldMillicredits periodStart removedAt }\n    }\n  }\n"): (typeof documents)["\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id name timeZone\n      balance { balanceMillicredits availableMillicredits heldMillicredits }\n      members { accountId role monthlyAllocationMillicredits spentThisPeriodMillicredits remainingThisPeriodMillicredits heldMillicredits periodStart removedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits memberAccountId idempotencyKey }\n  }\n"): (typeof documents)["\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits memberAccountId idempotencyKey }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) { id key }\n  }\n"): (typeof documents)["\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) { id key }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) { id purchaseId }\n  }\n"): (typeof documents)["\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) { id purchaseId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) { day accountId model calls chargedMillicredits }\n  }\n"): (typeof documents)["\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) { day accountId model calls chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) { id name balance { balanceMillicredits } ledger(first: 5) { edges { node { type amountMillicredits } } } }\n  }\n"): (typeof documents)["\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) { id name balance { balanceMillicredits } ledger(first: 5) { edges { node { type amountMillicredits } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyTeams { me { teams { id name } } }"): (typeof documents)["query MyTeams { me { teams { id name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n"): (typeof documents)["\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) { id chargedMillicredits }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id model inputTokens cachedInputTokens outputTokens inputPer1k cachedInputPer1k outputPer1k\n      chargedMillicredits costUsd idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n"): (typeof documents)["\n  query MyBalance {\n    me { id balance { balanceMillicredits heldMillicredits availableMillicredits balanceCredits balanceUsd } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;