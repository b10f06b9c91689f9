/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CreateAccountInput = {
  email: string;
  name?: string | null | undefined;
};

export type CreatePromoCodeInput = {
  code: string;
  /** Credits each redemption grants (millicredits, positive) */
  creditsMillicredits: string;
  expiresAt?: string | null | undefined;
  grantValidDays?: number | null | undefined;
  /** Omitted: unlimited */
  maxRedemptions?: number | null | undefined;
};

export type CreateTeamInput = {
  name: string;
  /** ADMIN only: the first OWNER (a USER key always becomes the owner itself) */
  ownerAccountId?: string | number | null | undefined;
  /** IANA time zone name */
  timeZone?: string | null | undefined;
};

/** Where the credits of a grant came from */
export type GrantKind =
  | 'ADJUSTMENT'
  | 'BONUS'
  | 'OPENING'
  | 'PROMO'
  | 'PURCHASE'
  | 'REVERSAL';

export type GrantStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SPENT'
  | 'VOIDED';

/** When a key's spend limit starts over: midnight, Monday 00:00 or the 1st, in the account's time zone (a team's own, else UTC); NEVER */
export type KeyLimitReset =
  | 'DAILY'
  | 'MONTHLY'
  | 'NEVER'
  | 'WEEKLY';

export type LedgerEntryType =
  | 'ADJUSTMENT'
  | 'BONUS'
  | 'EXPIRY'
  | 'PROMO'
  | 'PURCHASE'
  | 'REFUND'
  | 'REVERSAL'
  | 'USAGE';

/** Omitted fields stay as they are; a null cap removes the cap */
export type ProxySettingsInput = {
  minOutputTokens?: number | null | undefined;
  requestCapMillicredits?: string | null | undefined;
  /** ADMIN only: requests per minute per API key; null = the server default, 0 = unlimited */
  requestsPerMinute?: number | null | undefined;
  sessionCapMillicredits?: string | null | undefined;
  sessionWindowSeconds?: number | null | undefined;
  shrinkHolds?: boolean | null | undefined;
  streamingHolds?: boolean | null | undefined;
};

export type PurchaseStatus =
  | 'FAILED'
  | 'FULFILLED'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED';

export type ReconciliationStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type RecordUsageInput = {
  /** Omitted: the caller's account; another account needs ADMIN */
  accountId?: string | number | null | undefined;
  audioInputTokens?: number | null | undefined;
  audioOutputTokens?: number | null | undefined;
  /** Input written to the prompt cache for 1 hour */
  cacheWrite1hInputTokens?: number | null | undefined;
  /** Input written to the prompt cache (5 minutes) */
  cacheWriteInputTokens?: number | null | undefined;
  cachedInputTokens?: number | null | undefined;
  idempotencyKey: string;
  imageInputTokens?: number | null | undefined;
  /** Uncached input tokens */
  inputTokens: number;
  model: string;
  outputTokens: number;
  /** Part of outputTokens (at most outputTokens): shown, not charged again */
  reasoningTokens?: number | null | undefined;
  /** Charge this team instead (the caller must be an active member); a key issued for a team charges it by default */
  teamId?: string | number | null | undefined;
};

/** What a key may do: USER sees only its own account */
export type Role =
  | 'ADMIN'
  | 'FINANCE'
  | 'SUPPORT'
  | 'USER';

export type SetAutoRechargeInput = {
  /** Omitted: the caller's account; another account needs ADMIN */
  accountId?: string | number | null | undefined;
  enabled: boolean;
  monthlyLimitCents: number;
  packId?: string | number | null | undefined;
  targetBalanceMillicredits?: string | null | undefined;
  thresholdMillicredits: string;
};

export type SetMemberAllocationInput = {
  accountId: string | number;
  /** Millicredits per period; null = no cap */
  monthlyAllocationMillicredits?: string | null | undefined;
  teamId: string | number;
};

/** Fields left out keep their value; null clears a cap (or allows every model) */
export type SetTeamPolicyInput = {
  allowedModels?: Array<string> | null | undefined;
  requestCapMillicredits?: string | null | undefined;
  sessionCapMillicredits?: string | null | undefined;
  sessionWindowSeconds?: number | null | undefined;
  teamId: string | number;
  /** IANA time zone periods start in; null or omitted keeps it. Members keep what they spent this month */
  timeZone?: string | null | undefined;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** ACTIVE charges the team; INVITED has not accepted yet and may do nothing; REMOVED no longer may charge it */
export type TeamMemberStatus =
  | 'ACTIVE'
  | 'INVITED'
  | 'REMOVED';

export type TeamOrderBy =
  | 'BALANCE'
  | 'CREATED_AT'
  | 'MEMBERS'
  | 'NAME';

/** OWNERs manage the team; every active member may charge it */
export type TeamRole =
  | 'MEMBER'
  | 'OWNER';

/** Only the fields given change; null clears the limit or the model list */
export type UpdateApiKeyInput = {
  /** Models the key may call; null: every model */
  allowedModels?: Array<string> | null | undefined;
  /** A name to tell keys apart (at most 100 characters) */
  label?: string | null | undefined;
  limitReset?: KeyLimitReset | null | undefined;
  /** Millicredits per period, a decimal string; null: no limit */
  spendLimitMillicredits?: string | null | undefined;
};

export type ApiKeysListQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type ApiKeysListQuery = { apiKeys: Array<{ id: string, accountId: string, role: Role, label: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type ApiKeysRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type ApiKeysRevokeMutation = { revokeApiKey: { id: string, accountId: string, role: Role, label: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type ApiKeysCreateMutationVariables = Exact<{
  accountId: string | number;
  role?: Role | null | undefined;
  label?: string | null | undefined;
}>;


export type ApiKeysCreateMutation = { createApiKey: { id: string, key: string } };

export type ApiKeysMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysMeQuery = { me: { id: string } };

export type BillingSetAutoRechargeMutationVariables = Exact<{
  input: SetAutoRechargeInput;
}>;


export type BillingSetAutoRechargeMutation = { setAutoRecharge: { enabled: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, hasPaymentMethod: boolean, notice: string | null } };

export type BillingMyAutoRechargeQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingMyAutoRechargeQuery = { me: { balance: { availableMillicredits: string }, autoRecharge: { enabled: boolean, spentThisMonthCents: number, lastAttemptAt: string | null, notice: string | null, hasPaymentMethod: boolean } | null } };

export type BillingChargeMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type BillingChargeMutation = { recordUsage: { chargedMillicredits: string } };

export type BillingPacksQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingPacksQuery = { creditPacks: Array<{ id: string, name: string, priceCents: number, creditsMillicredits: string }> };

export type BillingPurchaseDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type BillingPurchaseDetailsQuery = { purchase: { id: string, status: PurchaseStatus, packName: string, accountEmail: string | null, amountPaidCents: number | null, subtotalCents: number | null, taxCents: number | null, totalCents: number | null, revenueCents: number | null, refundableCents: number, refundedCents: number, creditsMillicredits: string, refundedCreditsMillicredits: string, invoiceUrl: string | null, invoicePdfUrl: string | null, receiptUrl: string | null, ledgerEntries: Array<{ type: LedgerEntryType, amountMillicredits: string }>, disputes: Array<{ id: string }> } | null };

export type BillingRefundPurchaseMutationVariables = Exact<{
  purchaseId: string | number;
  amountCents?: number | null | undefined;
  reason: string;
}>;


export type BillingRefundPurchaseMutation = { refundPurchase: { id: string, status: PurchaseStatus, refundedCents: number } };

export type BillingRefulfillMutationVariables = Exact<{
  purchaseId: string | number;
  reason: string;
}>;


export type BillingRefulfillMutation = { refulfillPurchase: { id: string, status: PurchaseStatus, creditsMillicredits: string, stripePaymentIntentId: string | null, receiptUrl: string | null } };

export type BillingReplayMutationVariables = Exact<{
  eventId: string | number;
  reason: string;
}>;


export type BillingReplayMutation = { replayStripeEvent: { outcome: string, event: { id: string, status: string, attempts: number, lastError: string | null } } };

export type BillingStaleQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingStaleQuery = { stalePurchases: Array<{ id: string, status: PurchaseStatus }> };

export type BillingRefulfillStaleMutationVariables = Exact<{
  reason: string;
}>;


export type BillingRefulfillStaleMutation = { refulfillStalePurchases: Array<{ outcome: string, purchase: { id: string, status: PurchaseStatus } }> };

export type BillingNegativeBalancesQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingNegativeBalancesQuery = { negativeBalances: Array<{ accountId: string, balanceMillicredits: string }> };

export type BillingSpendMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type BillingSpendMutation = { recordUsage: { chargedMillicredits: string } };

export type BillingCreateCheckoutMutationVariables = Exact<{
  packId: string | number;
  returnTo?: string | null | undefined;
}>;


export type BillingCreateCheckoutMutation = { createCheckoutSession: { id: string, url: string, purchaseId: string, testMode: boolean } };

export type BillingMyPurchasesQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingMyPurchasesQuery = { me: { id: string, balance: { balanceMillicredits: string, availableMillicredits: string }, purchases: Array<{ id: string, packId: string, status: PurchaseStatus, kind: string, amountCents: number, amountPaidCents: number | null, refundedCents: number, creditsMillicredits: string, refundedCreditsMillicredits: string, receiptUrl: string | null, stripeCheckoutSessionId: string | null, stripePaymentIntentId: string | null, transactionId: string | null, failureReason: string | null, createdAt: string }> } };

export type BillingFailedEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingFailedEventsQuery = { failedStripeEvents: Array<{ id: string, type: string, status: string, attempts: number, lastError: string | null, purchaseId: string | null }> };

export type FinanceDashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type FinanceDashboardQuery = { financeDaily: Array<{ date: string, revenueUsd: number, cogsUsd: number, marginUsd: number, marginRatio: number | null, calls: number, cogsExactUsd: string, creditsPurchasedMillicredits: string, creditsDeductedMillicredits: string, creditsRefundedMillicredits: string, creditsPromotionalMillicredits: string, creditsExpiredMillicredits: string }>, liability: { outstandingMillicredits: string, outstandingUsd: number, paidMillicredits: string, promotionalMillicredits: string, adjustmentsMillicredits: string, negativeMillicredits: string, negativeBalanceAccounts: number, heldMillicredits: string, expiringNext30DaysMillicredits: string | null }, byCost: Array<{ model: string | null, calls: number, revenueMillicredits: string, costMicroUsd: string, marginMillicredits: string }>, byRevenue: Array<{ model: string | null }>, topAccounts: Array<{ accountId: string | null, label: string | null, revenueMillicredits: string, marginMillicredits: string }>, members: Array<{ accountId: string | null, apiKeyId: string | null, label: string | null, revenueMillicredits: string }>, negativeBalances: Array<{ accountId: string, balanceMillicredits: string }>, breakageByMonth: Array<{ month: string, expiredMillicredits: string }> };

export type FinanceRecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type FinanceRecordUsageMutation = { recordUsage: { chargedMillicredits: string } };

export type RevenueRollForwardQueryVariables = Exact<{
  month: string;
}>;


export type RevenueRollForwardQuery = { revenueRollForward: { month: string, openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string, closingDeferredUsd: number, recognisedUsd: number, ledgerBalanceMillicredits: string, customerDebtMillicredits: string, tiesToLedger: boolean, promotional: { openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string }, adjustments: { purchasedMillicredits: string, recognisedMillicredits: string, adjustedMillicredits: string, closingDeferredMillicredits: string }, total: { closingDeferredMillicredits: string } } };

export type LiabilitySplitQueryVariables = Exact<{ [key: string]: never; }>;


export type LiabilitySplitQuery = { liability: { outstandingMillicredits: string, paidMillicredits: string, promotionalMillicredits: string, adjustmentsMillicredits: string } };

export type AccountGrantsQueryVariables = Exact<{
  id: string | number;
  includeClosed?: boolean | null | undefined;
}>;


export type AccountGrantsQuery = { account: { grants: Array<{ id: string, kind: GrantKind, status: GrantStatus, amountMillicredits: string, remainingMillicredits: string, priority: number, expiresAt: string | null, sourceTransactionId: string | null, allocations: Array<{ transactionId: string, amountMillicredits: string, purpose: string }> }> } | null };

export type MyGrantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyGrantsQuery = { me: { grants: Array<{ id: string, kind: GrantKind, status: GrantStatus, remainingMillicredits: string }> } };

export type VoidGrantMutationVariables = Exact<{
  grantId: string | number;
  reason: string;
}>;


export type VoidGrantMutation = { voidGrant: { id: string, status: GrantStatus, remainingMillicredits: string } };

export type ExpireGrantsNowMutationVariables = Exact<{ [key: string]: never; }>;


export type ExpireGrantsNowMutation = { expireGrantsNow: { expiredGrants: number, expiredMillicredits: string } };

export type GrantsRecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type GrantsRecordUsageMutation = { recordUsage: { chargedMillicredits: string } };

export type LimitKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type LimitKeyMutation = { updateApiKey: { id: string } };

export type KeyPeriodQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type KeyPeriodQuery = { apiKeys: Array<{ id: string, spentThisPeriodMillicredits: string, periodResetsAt: string | null }> };

export type SurfaceKeyMutationVariables = Exact<{
  accountId: string | number;
  limit?: string | null | undefined;
  models?: Array<string> | string | null | undefined;
}>;


export type SurfaceKeyMutation = { createApiKey: { id: string, key: string } };

export type SurfaceKeySpentQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type SurfaceKeySpentQuery = { apiKeys: Array<{ id: string, spentThisPeriodMillicredits: string }> };

export type CreateBudgetKeyMutationVariables = Exact<{
  accountId: string | number;
  label?: string | null | undefined;
  limit?: string | null | undefined;
  reset?: KeyLimitReset | null | undefined;
  models?: Array<string> | string | null | undefined;
}>;


export type CreateBudgetKeyMutation = { createApiKey: { id: string, key: string } };

export type UpdateBudgetKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type UpdateBudgetKeyMutation = { updateApiKey: { id: string, label: string | null, spendLimitMillicredits: string | null, limitReset: KeyLimitReset, allowedModels: Array<string> | null } };

export type BudgetKeysQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
}>;


export type BudgetKeysQuery = { apiKeys: Array<{ id: string, label: string | null, spendLimitMillicredits: string | null, limitReset: KeyLimitReset, allowedModels: Array<string> | null, spentThisPeriodMillicredits: string, periodResetsAt: string | null }>, me: { balance: { availableMillicredits: string } } };

export type RecordOnKeyMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type RecordOnKeyMutation = { recordUsage: { id: string, chargedMillicredits: string } };

export type MetricsRecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type MetricsRecordUsageMutation = { recordUsage: { chargedMillicredits: string } };

export type CreatePromoCodeMutationVariables = Exact<{
  input: CreatePromoCodeInput;
}>;


export type CreatePromoCodeMutation = { createPromoCode: { id: string, code: string, creditsMillicredits: string, maxRedemptions: number | null, redemptions: number, expiresAt: string | null, grantValidDays: number | null } };

export type RedeemPromoCodeMutationVariables = Exact<{
  code: string;
}>;


export type RedeemPromoCodeMutation = { redeemPromoCode: { id: string, type: LedgerEntryType, amountMillicredits: string, balanceAfterMillicredits: string, referenceId: string | null } };

export type PromoCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type PromoCodesQuery = { promoCodes: Array<{ code: string, redemptions: number, maxRedemptions: number | null }> };

export type GrantsCreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type GrantsCreateAccountMutation = { createAccount: { id: string, balance: { balanceMillicredits: string } } };

export type SettleKeyClaimMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type SettleKeyClaimMutation = { recordUsage: { chargedMillicredits: string, idempotencyKey: string } };

export type ActiveRatesSimulatedQueryVariables = Exact<{ [key: string]: never; }>;


export type ActiveRatesSimulatedQuery = { activeRates: Array<{ model: string, enabled: boolean, simulated: boolean }> };

export type MyProxySettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProxySettingsQuery = { me: { id: string, proxySettings: { accountId: string, requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, streamingHolds: boolean, minOutputTokens: number } } };

export type SetProxySettingsMutationVariables = Exact<{
  accountId?: string | number | null | undefined;
  input: ProxySettingsInput;
}>;


export type SetProxySettingsMutation = { setProxySettings: { accountId: string, requestCapMillicredits: string | null, sessionCapMillicredits: string | null, streamingHolds: boolean, minOutputTokens: number } };

export type RunReconciliationMutationVariables = Exact<{
  day?: string | null | undefined;
  wait: boolean;
}>;


export type RunReconciliationMutation = { runReconciliation: { id: string, day: string, trigger: string, status: ReconciliationStatus, step: string | null, progressDone: number, progressTotal: number, mismatchCount: number, error: string | null, checks: Array<{ name: string, status: string, findings: number, note: string | null }>, findings: Array<{ id: string, check: string, accountId: string | null, subject: string | null, expected: string | null, actual: string | null, driftMillicredits: string | null, driftTokens: string | null }> } };

export type ReconciliationRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReconciliationRunsQuery = { reconciliationRuns: Array<{ id: string, status: ReconciliationStatus, mismatchCount: number, findings: Array<{ check: string }> }> };

export type OutageChargeMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type OutageChargeMutation = { recordUsage: { chargedMillicredits: string } };

export type ReturnToRecordMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type ReturnToRecordMutation = { recordUsage: { id: string } };

export type ReturnToCheckoutMutationVariables = Exact<{
  packId: string | number;
  returnTo?: string | null | undefined;
}>;


export type ReturnToCheckoutMutation = { createCheckoutSession: { id: string, url: string, purchaseId: string, testMode: boolean } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { id: string, name: string, timeZone: string, balance: { balanceMillicredits: string, availableMillicredits: string }, members: Array<{ accountId: string, role: TeamRole }> } };

export type AddMemberMutationVariables = Exact<{
  teamId: string | number;
  accountId: string | number;
  role?: TeamRole | null | undefined;
}>;


export type AddMemberMutation = { addTeamMember: { accountId: string, role: TeamRole, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, removedAt: string | null, status: TeamMemberStatus } };

export type AcceptInvitationMutationVariables = Exact<{
  teamId: string | number;
}>;


export type AcceptInvitationMutation = { acceptTeamInvitation: { accountId: string, role: TeamRole, status: TeamMemberStatus, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, removedAt: string | null } };

export type DeclineInvitationMutationVariables = Exact<{
  teamId: string | number;
}>;


export type DeclineInvitationMutation = { declineTeamInvitation: boolean };

export type MyInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvitationsQuery = { me: { teamInvitations: Array<{ teamId: string, teamName: string, accountId: string, role: TeamRole, invitedAt: string }> } };

export type SetAllocationMutationVariables = Exact<{
  input: SetMemberAllocationInput;
}>;


export type SetAllocationMutation = { setMemberAllocation: { accountId: string, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, remainingThisPeriodMillicredits: string | null } };

export type RemoveMemberMutationVariables = Exact<{
  teamId: string | number;
  accountId: string | number;
}>;


export type RemoveMemberMutation = { removeTeamMember: { accountId: string, removedAt: string | null } };

export type SetPolicyMutationVariables = Exact<{
  input: SetTeamPolicyInput;
}>;


export type SetPolicyMutation = { setTeamPolicy: { id: string, policy: { requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, allowedModels: Array<string> | null } } };

export type TeamViewQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamViewQuery = { team: { id: string, name: string, timeZone: string, balance: { balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string }, members: Array<{ accountId: string, role: TeamRole, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, remainingThisPeriodMillicredits: string | null, heldMillicredits: string, periodStart: string, removedAt: string | null }> } | null };

export type TeamChargeMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type TeamChargeMutation = { recordUsage: { id: string, chargedMillicredits: string, memberAccountId: string | null, idempotencyKey: string } };

export type CreateTeamKeyMutationVariables = Exact<{
  teamId: string | number;
  accountId?: string | number | null | undefined;
  label?: string | null | undefined;
}>;


export type CreateTeamKeyMutation = { createTeamApiKey: { id: string, key: string } };

export type TeamCheckoutMutationVariables = Exact<{
  packId: string | number;
  accountId?: string | number | null | undefined;
}>;


export type TeamCheckoutMutation = { createCheckoutSession: { id: string, purchaseId: string } };

export type TeamSpendQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
}>;


export type TeamSpendQuery = { teamSpend: Array<{ day: string, accountId: string, model: string, calls: number, chargedMillicredits: string }> };

export type TeamAsAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamAsAccountQuery = { account: { id: string, name: string | null, balance: { balanceMillicredits: string }, ledger: { edges: Array<{ node: { type: LedgerEntryType, amountMillicredits: string } }> } } | null };

export type MyTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTeamsQuery = { me: { teams: Array<{ id: string, name: string }> } };

export type TeamsListQueryVariables = Exact<{
  search?: string | null | undefined;
  orderBy: TeamOrderBy;
  direction: SortDirection;
  first: number;
  offset?: number | null | undefined;
}>;


export type TeamsListQuery = { teams: { totalCount: number, edges: Array<{ node: { id: string, name: string, memberCount: number, balance: { balanceMillicredits: string } } }> } };

export type ChargeMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type ChargeMutation = { recordUsage: { id: string, chargedMillicredits: string } };

export type RecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type RecordUsageMutation = { recordUsage: { id: string, model: string, inputTokens: number, cachedInputTokens: number, outputTokens: number, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, chargedMillicredits: string, costUsd: string, idempotencyKey: string } };

export type MyBalanceQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBalanceQuery = { me: { id: string, balance: { balanceMillicredits: string, heldMillicredits: string, availableMillicredits: string, balanceCredits: number, balanceUsd: number } } };


export const ApiKeysListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiKeysListQuery, ApiKeysListQueryVariables>;
export const ApiKeysRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeysRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiKeysRevokeMutation, ApiKeysRevokeMutationVariables>;
export const ApiKeysCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeysCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<ApiKeysCreateMutation, ApiKeysCreateMutationVariables>;
export const ApiKeysMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeysMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ApiKeysMeQuery, ApiKeysMeQueryVariables>;
export const BillingSetAutoRechargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingSetAutoRecharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetAutoRechargeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setAutoRecharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"packId"}},{"kind":"Field","name":{"kind":"Name","value":"targetBalanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"notice"}}]}}]}}]} as unknown as DocumentNode<BillingSetAutoRechargeMutation, BillingSetAutoRechargeMutationVariables>;
export const BillingMyAutoRechargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingMyAutoRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisMonthCents"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"notice"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}}]}}]}}]}}]} as unknown as DocumentNode<BillingMyAutoRechargeQuery, BillingMyAutoRechargeQueryVariables>;
export const BillingChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingCharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<BillingChargeMutation, BillingChargeMutationVariables>;
export const BillingPacksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingPacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditPacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"priceCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditsMillicredits"}}]}}]}}]} as unknown as DocumentNode<BillingPacksQuery, BillingPacksQueryVariables>;
export const BillingPurchaseDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingPurchaseDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"packName"}},{"kind":"Field","name":{"kind":"Name","value":"accountEmail"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaidCents"}},{"kind":"Field","name":{"kind":"Name","value":"subtotalCents"}},{"kind":"Field","name":{"kind":"Name","value":"taxCents"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"revenueCents"}},{"kind":"Field","name":{"kind":"Name","value":"refundableCents"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCreditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceUrl"}},{"kind":"Field","name":{"kind":"Name","value":"invoicePdfUrl"}},{"kind":"Field","name":{"kind":"Name","value":"receiptUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ledgerEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amountMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disputes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<BillingPurchaseDetailsQuery, BillingPurchaseDetailsQueryVariables>;
export const BillingRefundPurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRefundPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purchaseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"amountCents"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"purchaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purchaseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"amountCents"},"value":{"kind":"Variable","name":{"kind":"Name","value":"amountCents"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCents"}}]}}]}}]} as unknown as DocumentNode<BillingRefundPurchaseMutation, BillingRefundPurchaseMutationVariables>;
export const BillingRefulfillDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRefulfill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purchaseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refulfillPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"purchaseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purchaseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"creditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"stripePaymentIntentId"}},{"kind":"Field","name":{"kind":"Name","value":"receiptUrl"}}]}}]}}]} as unknown as DocumentNode<BillingRefulfillMutation, BillingRefulfillMutationVariables>;
export const BillingReplayDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingReplay"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayStripeEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"eventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]}}]} as unknown as DocumentNode<BillingReplayMutation, BillingReplayMutationVariables>;
export const BillingStaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingStale"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stalePurchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"olderThanMinutes"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BillingStaleQuery, BillingStaleQueryVariables>;
export const BillingRefulfillStaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingRefulfillStale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refulfillStalePurchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"olderThanMinutes"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<BillingRefulfillStaleMutation, BillingRefulfillStaleMutationVariables>;
export const BillingNegativeBalancesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingNegativeBalances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"negativeBalances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}}]}}]}}]} as unknown as DocumentNode<BillingNegativeBalancesQuery, BillingNegativeBalancesQueryVariables>;
export const BillingSpendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingSpend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<BillingSpendMutation, BillingSpendMutationVariables>;
export const BillingCreateCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BillingCreateCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"packId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"packId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"packId"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"testMode"}}]}}]}}]} as unknown as DocumentNode<BillingCreateCheckoutMutation, BillingCreateCheckoutMutationVariables>;
export const BillingMyPurchasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingMyPurchases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"packId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaidCents"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCreditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"receiptUrl"}},{"kind":"Field","name":{"kind":"Name","value":"stripeCheckoutSessionId"}},{"kind":"Field","name":{"kind":"Name","value":"stripePaymentIntentId"}},{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<BillingMyPurchasesQuery, BillingMyPurchasesQueryVariables>;
export const BillingFailedEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingFailedEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedStripeEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}}]}}]}}]} as unknown as DocumentNode<BillingFailedEventsQuery, BillingFailedEventsQueryVariables>;
export const FinanceDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FinanceDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"financeDaily"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"revenueUsd"}},{"kind":"Field","name":{"kind":"Name","value":"cogsUsd"}},{"kind":"Field","name":{"kind":"Name","value":"marginUsd"}},{"kind":"Field","name":{"kind":"Name","value":"marginRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"cogsExactUsd"}},{"kind":"Field","name":{"kind":"Name","value":"creditsPurchasedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsDeductedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsRefundedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsPromotionalMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsExpiredMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outstandingMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingUsd"}},{"kind":"Field","name":{"kind":"Name","value":"paidMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"promotionalMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"negativeMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"negativeBalanceAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"heldMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"expiringNext30DaysMillicredits"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byCost"},"name":{"kind":"Name","value":"financeByModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"COST"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"revenueMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"marginMillicredits"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byRevenue"},"name":{"kind":"Name","value":"financeByModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"REVENUE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"topAccounts"},"name":{"kind":"Name","value":"financeByAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"revenueMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"marginMillicredits"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"members"},"name":{"kind":"Name","value":"financeByMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"revenueMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"negativeBalances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"breakageByMonth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"expiredMillicredits"}}]}}]}}]} as unknown as DocumentNode<FinanceDashboardQuery, FinanceDashboardQueryVariables>;
export const FinanceRecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinanceRecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<FinanceRecordUsageMutation, FinanceRecordUsageMutationVariables>;
export const RevenueRollForwardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RevenueRollForward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revenueRollForward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"openingDeferredMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"recognisedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"breakageMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"refundedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"reclassifiedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"closingDeferredMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"closingDeferredUsd"}},{"kind":"Field","name":{"kind":"Name","value":"recognisedUsd"}},{"kind":"Field","name":{"kind":"Name","value":"promotional"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openingDeferredMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"recognisedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"breakageMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"refundedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"reclassifiedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"closingDeferredMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"adjustments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchasedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"recognisedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"adjustedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"closingDeferredMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closingDeferredMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledgerBalanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"customerDebtMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"tiesToLedger"}}]}}]}}]} as unknown as DocumentNode<RevenueRollForwardQuery, RevenueRollForwardQueryVariables>;
export const LiabilitySplitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LiabilitySplit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"liability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outstandingMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"paidMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"promotionalMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentsMillicredits"}}]}}]}}]} as unknown as DocumentNode<LiabilitySplitQuery, LiabilitySplitQueryVariables>;
export const AccountGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountGrants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeClosed"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeClosed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeClosed"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"remainingMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"sourceTransactionId"}},{"kind":"Field","name":{"kind":"Name","value":"allocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionId"}},{"kind":"Field","name":{"kind":"Name","value":"amountMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccountGrantsQuery, AccountGrantsQueryVariables>;
export const MyGrantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyGrants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"remainingMillicredits"}}]}}]}}]}}]} as unknown as DocumentNode<MyGrantsQuery, MyGrantsQueryVariables>;
export const VoidGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VoidGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voidGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"remainingMillicredits"}}]}}]}}]} as unknown as DocumentNode<VoidGrantMutation, VoidGrantMutationVariables>;
export const ExpireGrantsNowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExpireGrantsNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireGrantsNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiredGrants"}},{"kind":"Field","name":{"kind":"Name","value":"expiredMillicredits"}}]}}]}}]} as unknown as DocumentNode<ExpireGrantsNowMutation, ExpireGrantsNowMutationVariables>;
export const GrantsRecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantsRecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<GrantsRecordUsageMutation, GrantsRecordUsageMutationVariables>;
export const LimitKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LimitKeyMutation, LimitKeyMutationVariables>;
export const KeyPeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KeyPeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"periodResetsAt"}}]}}]}}]} as unknown as DocumentNode<KeyPeriodQuery, KeyPeriodQueryVariables>;
export const SurfaceKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SurfaceKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"models"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"spendLimitMillicredits"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"limitReset"},"value":{"kind":"EnumValue","value":"MONTHLY"}},{"kind":"Argument","name":{"kind":"Name","value":"allowedModels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"models"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<SurfaceKeyMutation, SurfaceKeyMutationVariables>;
export const SurfaceKeySpentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SurfaceKeySpent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}}]}}]}}]} as unknown as DocumentNode<SurfaceKeySpentQuery, SurfaceKeySpentQueryVariables>;
export const CreateBudgetKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBudgetKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KeyLimitReset"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"models"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}},{"kind":"Argument","name":{"kind":"Name","value":"spendLimitMillicredits"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"limitReset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reset"}}},{"kind":"Argument","name":{"kind":"Name","value":"allowedModels"},"value":{"kind":"Variable","name":{"kind":"Name","value":"models"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<CreateBudgetKeyMutation, CreateBudgetKeyMutationVariables>;
export const UpdateBudgetKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateBudgetKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"spendLimitMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"limitReset"}},{"kind":"Field","name":{"kind":"Name","value":"allowedModels"}}]}}]}}]} as unknown as DocumentNode<UpdateBudgetKeyMutation, UpdateBudgetKeyMutationVariables>;
export const BudgetKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"spendLimitMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"limitReset"}},{"kind":"Field","name":{"kind":"Name","value":"allowedModels"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"periodResetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetKeysQuery, BudgetKeysQueryVariables>;
export const RecordOnKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOnKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<RecordOnKeyMutation, RecordOnKeyMutationVariables>;
export const MetricsRecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MetricsRecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<MetricsRecordUsageMutation, MetricsRecordUsageMutationVariables>;
export const CreatePromoCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePromoCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePromoCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPromoCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"creditsMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedemptions"}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"grantValidDays"}}]}}]}}]} as unknown as DocumentNode<CreatePromoCodeMutation, CreatePromoCodeMutationVariables>;
export const RedeemPromoCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedeemPromoCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemPromoCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amountMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfterMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"referenceId"}}]}}]}}]} as unknown as DocumentNode<RedeemPromoCodeMutation, RedeemPromoCodeMutationVariables>;
export const PromoCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PromoCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"}},{"kind":"Field","name":{"kind":"Name","value":"maxRedemptions"}}]}}]}}]} as unknown as DocumentNode<PromoCodesQuery, PromoCodesQueryVariables>;
export const GrantsCreateAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantsCreateAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}}]}}]}}]}}]} as unknown as DocumentNode<GrantsCreateAccountMutation, GrantsCreateAccountMutationVariables>;
export const SettleKeyClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SettleKeyClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<SettleKeyClaimMutation, SettleKeyClaimMutationVariables>;
export const ActiveRatesSimulatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActiveRatesSimulated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activeRates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}}]}}]}}]} as unknown as DocumentNode<ActiveRatesSimulatedQuery, ActiveRatesSimulatedQueryVariables>;
export const MyProxySettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyProxySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"proxySettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"requestCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindowSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"streamingHolds"}},{"kind":"Field","name":{"kind":"Name","value":"minOutputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<MyProxySettingsQuery, MyProxySettingsQueryVariables>;
export const SetProxySettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetProxySettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProxySettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProxySettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"requestCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"streamingHolds"}},{"kind":"Field","name":{"kind":"Name","value":"minOutputTokens"}}]}}]}}]} as unknown as DocumentNode<SetProxySettingsMutation, SetProxySettingsMutationVariables>;
export const RunReconciliationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunReconciliation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"day"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runReconciliation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"day"},"value":{"kind":"Variable","name":{"kind":"Name","value":"day"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"progressDone"}},{"kind":"Field","name":{"kind":"Name","value":"progressTotal"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"driftMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"driftTokens"}}]}}]}}]}}]} as unknown as DocumentNode<RunReconciliationMutation, RunReconciliationMutationVariables>;
export const ReconciliationRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReconciliationRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconciliationRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mismatchCount"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}}]}}]}}]}}]} as unknown as DocumentNode<ReconciliationRunsQuery, ReconciliationRunsQueryVariables>;
export const OutageChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OutageCharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<OutageChargeMutation, OutageChargeMutationVariables>;
export const ReturnToRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnToRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReturnToRecordMutation, ReturnToRecordMutationVariables>;
export const ReturnToCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnToCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"packId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"packId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"packId"}}},{"kind":"Argument","name":{"kind":"Name","value":"returnTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"returnTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}},{"kind":"Field","name":{"kind":"Name","value":"testMode"}}]}}]}}]} as unknown as DocumentNode<ReturnToCheckoutMutation, ReturnToCheckoutMutationVariables>;
export const CreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTeamMutation, CreateTeamMutationVariables>;
export const AddMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamRole"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAllocationMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AddMemberMutation, AddMemberMutationVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptTeamInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAllocationMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineTeamInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}]}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const MyInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamId"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"invitedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MyInvitationsQuery, MyInvitationsQueryVariables>;
export const SetAllocationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetAllocation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetMemberAllocationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMemberAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAllocationMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisPeriodMillicredits"}}]}}]}}]} as unknown as DocumentNode<SetAllocationMutation, SetAllocationMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const SetPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTeamPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTeamPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"sessionCapMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"sessionWindowSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"allowedModels"}}]}}]}}]}}]} as unknown as DocumentNode<SetPolicyMutation, SetPolicyMutationVariables>;
export const TeamViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"heldMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAllocationMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"remainingThisPeriodMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"heldMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"removedAt"}}]}}]}}]}}]} as unknown as DocumentNode<TeamViewQuery, TeamViewQueryVariables>;
export const TeamChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamCharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"memberAccountId"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<TeamChargeMutation, TeamChargeMutationVariables>;
export const CreateTeamKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTeamKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"label"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeamApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}},{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"Variable","name":{"kind":"Name","value":"label"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]} as unknown as DocumentNode<CreateTeamKeyMutation, CreateTeamKeyMutationVariables>;
export const TeamCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TeamCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"packId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"packId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"packId"}}},{"kind":"Argument","name":{"kind":"Name","value":"accountId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"accountId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseId"}}]}}]}}]} as unknown as DocumentNode<TeamCheckoutMutation, TeamCheckoutMutationVariables>;
export const TeamSpendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamSpend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamSpend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"accountId"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<TeamSpendQuery, TeamSpendQueryVariables>;
export const TeamAsAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamAsAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amountMillicredits"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamAsAccountQuery, TeamAsAccountQueryVariables>;
export const MyTeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTeams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MyTeamsQuery, MyTeamsQueryVariables>;
export const TeamsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamOrderBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SortDirection"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamsListQuery, TeamsListQueryVariables>;
export const ChargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Charge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}}]}}]}}]} as unknown as DocumentNode<ChargeMutation, ChargeMutationVariables>;
export const RecordUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordUsageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordUsage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"inputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"outputPer1k"}},{"kind":"Field","name":{"kind":"Name","value":"chargedMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]} as unknown as DocumentNode<RecordUsageMutation, RecordUsageMutationVariables>;
export const MyBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"heldMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"availableMillicredits"}},{"kind":"Field","name":{"kind":"Name","value":"balanceCredits"}},{"kind":"Field","name":{"kind":"Name","value":"balanceUsd"}}]}}]}}]}}]} as unknown as DocumentNode<MyBalanceQuery, MyBalanceQueryVariables>;