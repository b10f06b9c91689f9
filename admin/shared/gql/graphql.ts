/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccountOrderBy =
  | 'BALANCE'
  | 'CREATED_AT'
  | 'EMAIL'
  | 'NAME';

export type AdjustBalanceInput = {
  accountId: string | number;
  /** Signed millicredits: positive credits the account, negative debits it */
  amountMillicredits: string;
  /** Makes a retried adjustment apply once */
  idempotencyKey?: string | null | undefined;
  reason: string;
  referenceId?: string | null | undefined;
};

/** STAFF: a console user; API_KEY: a key; ACCOUNT: a customer account signed in to its Credits page (portal session); SYSTEM: the server itself (jobs, webhooks, bootstrap) */
export type AuditActorKind =
  | 'ACCOUNT'
  | 'API_KEY'
  | 'STAFF'
  | 'SYSTEM';

/** Every given field must match; from is inclusive, to exclusive */
export type AuditLogFilter = {
  /** Exact action name (see auditActions) */
  action?: string | null | undefined;
  /** A staff user's, key's or account's id, or a staff user's or account's email */
  actor?: string | null | undefined;
  from?: string | null | undefined;
  targetId?: string | null | undefined;
  targetType?: string | null | undefined;
  to?: string | null | undefined;
};

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

export type CreateStaffUserInput = {
  email: string;
  name?: string | null | undefined;
  /** 12 to 256 characters; stored as an argon2id hash */
  password: string;
  /** SUPPORT, FINANCE or ADMIN */
  role: Role;
};

export type CreateTeamInput = {
  name: string;
  /** ADMIN only: the first OWNER (a USER key always becomes the owner itself) */
  ownerAccountId?: string | number | null | undefined;
  /** IANA time zone name */
  timeZone?: string | null | undefined;
};

export type CreateWebhookEndpointInput = {
  /** Omitted: the caller's account. Another account needs ADMIN. */
  accountId?: string | number | null | undefined;
  /** ADMIN: the operator's endpoint, receiving every account's events */
  allAccounts?: boolean | null | undefined;
  description?: string | null | undefined;
  /** Event types, or "*" for all */
  events: Array<string>;
  /** https on a public address (http and loopback too outside production) */
  url: string;
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

/** A long-context tier: input and output rates and costs are required; cached input defaults to input */
export type LongContextRatesInput = {
  /** Omitted: the base 1-hour cache-write rate */
  cacheWrite1hInputPer1k?: string | null | undefined;
  /** Omitted: the base cache-write rate */
  cacheWriteInputPer1k?: string | null | undefined;
  cachedInputPer1k?: string | null | undefined;
  /** Omitted: the base 1-hour cache-write cost */
  costCacheWrite1hInputPer1kUsd?: string | null | undefined;
  costCacheWriteInputPer1kUsd?: string | null | undefined;
  costCachedInputPer1kUsd?: string | null | undefined;
  costInputPer1kUsd?: string | null | undefined;
  costOutputPer1kUsd?: string | null | undefined;
  inputPer1k?: string | null | undefined;
  outputPer1k?: string | null | undefined;
};

export type ModelRateInput = {
  /** Omitted: the input rate */
  audioInputPer1k?: string | null | undefined;
  /** Omitted: the output rate */
  audioOutputPer1k?: string | null | undefined;
  /** Omitted: the 5-minute cache-write rate */
  cacheWrite1hInputPer1k?: string | null | undefined;
  /** Omitted: the input rate */
  cacheWriteInputPer1k?: string | null | undefined;
  cachedInputPer1k?: string | null | undefined;
  costAudioInputPer1kUsd?: string | null | undefined;
  costAudioOutputPer1kUsd?: string | null | undefined;
  costCacheWrite1hInputPer1kUsd?: string | null | undefined;
  costCacheWriteInputPer1kUsd?: string | null | undefined;
  costCachedInputPer1kUsd?: string | null | undefined;
  costImageInputPer1kUsd?: string | null | undefined;
  costInputPer1kUsd: string;
  costOutputPer1kUsd: string;
  /** Omitted: the input rate */
  imageInputPer1k?: string | null | undefined;
  inputPer1k: string;
  longContext?: LongContextRatesInput | null | undefined;
  /** With longContext: above this many prompt tokens its rates price the whole call */
  longContextThresholdTokens?: number | null | undefined;
  maxOutputTokens?: number | null | undefined;
  model: string;
  outputPer1k: string;
  /** "openai" (the default) or "anthropic" */
  provider?: string | null | undefined;
};

export type PublishRateCardInput = {
  name: string;
  rates: Array<ModelRateInput>;
};

/** Every given field must match; from is inclusive, to exclusive */
export type PurchaseFilter = {
  accountId?: string | number | null | undefined;
  from?: string | null | undefined;
  /** Only PENDING purchases that reached Stripe and are older than this many minutes */
  staleAfterMinutes?: number | null | undefined;
  status?: PurchaseStatus | null | undefined;
  to?: string | null | undefined;
};

export type PurchaseOrderBy =
  | 'AMOUNT'
  | 'CREATED_AT';

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

/** Only the fields given change. Disabling or a new password ends the user’s sessions at once. */
export type UpdateStaffUserInput = {
  disabled?: boolean | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  password?: string | null | undefined;
  role?: Role | null | undefined;
};

/** A dimension of usageReport: UTC day, model, API key, team member, account (staff only) */
export type UsageGroup =
  | 'ACCOUNT'
  | 'API_KEY'
  | 'DAY'
  | 'MODEL'
  | 'TEAM_MEMBER';

/** STAFF: console session; PORTAL: Credits page session of one account (USER); API_KEY: a bearer key */
export type ViewerKind =
  | 'API_KEY'
  | 'PORTAL'
  | 'STAFF';

export type AccountsQueryVariables = Exact<{
  search?: string | null | undefined;
  orderBy: AccountOrderBy;
  direction: SortDirection;
  first: number;
  offset: number;
}>;


export type AccountsQuery = { accounts: { totalCount: number, edges: Array<{ node: { id: string, email: string, name: string | null, createdAt: string, balance: { balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string } } }> } };

export type AccountQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountQuery = { account: { id: string, email: string, name: string | null, createdAt: string, lowBalanceAlert: { thresholdMillicredits: string, custom: boolean, alerted: boolean }, lowBalanceAlerts: Array<{ thresholdMillicredits: string, percent: number | null, custom: boolean, alerted: boolean }>, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, autoRecharge: { enabled: boolean, hasPaymentMethod: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, spentThisMonthCents: number, notice: string | null, noticeAt: string | null, lastAttemptAt: string | null } | null } | null };

export type AccountLedgerQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type AccountLedgerQuery = { account: { id: string, ledger: { edges: Array<{ node: { id: string, type: LedgerEntryType, amountMillicredits: string, balanceAfterMillicredits: string, reason: string | null, referenceId: string | null, reversalOfId: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AccountUsageQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type AccountUsageQuery = { account: { id: string, usage: { edges: Array<{ node: { id: string, createdAt: string, model: string, inputTokens: number, cachedInputTokens: number, outputTokens: number, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, chargedMillicredits: string, costUsd: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type AccountPurchasesQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountPurchasesQuery = { account: { id: string, purchases: Array<{ id: string, createdAt: string, packId: string, kind: string, status: PurchaseStatus, amountCents: number, amountPaidCents: number | null, currency: string, creditsMillicredits: string, refundedCents: number, receiptUrl: string | null, fulfilledAt: string | null, failureReason: string | null }> } | null };

export type AccountGrantsQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountGrantsQuery = { account: { id: string, grants: Array<{ id: string, kind: GrantKind, status: GrantStatus, amountMillicredits: string, remainingMillicredits: string, expiresAt: string | null, createdAt: string, priority: number }> } | null };

export type AccountBalanceSubscriptionVariables = Exact<{
  accountId: string | number;
}>;


export type AccountBalanceSubscription = { balanceUpdated: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string } };

export type AdjustBalanceMutationVariables = Exact<{
  input: AdjustBalanceInput;
}>;


export type AdjustBalanceMutation = { adjustBalance: { id: string, type: LedgerEntryType, amountMillicredits: string, balanceAfterMillicredits: string, reason: string | null, referenceId: string | null, createdAt: string } };

export type VoidGrantMutationVariables = Exact<{
  grantId: string | number;
  reason: string;
}>;


export type VoidGrantMutation = { voidGrant: { id: string, status: GrantStatus, remainingMillicredits: string } };

export type CreateAccountApiKeyMutationVariables = Exact<{
  accountId: string | number;
  role?: Role | null | undefined;
}>;


export type CreateAccountApiKeyMutation = { createApiKey: { id: string, key: string } };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { id: string, email: string, name: string | null, createdAt: string, balance: { balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string } } };

export type AccountApiKeysQueryVariables = Exact<{
  accountId: string | number;
}>;


export type AccountApiKeysQuery = { apiKeys: Array<{ id: string, role: Role, label: string | null, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, spendLimitMillicredits: string | null, limitReset: KeyLimitReset, allowedModels: Array<string> | null, spentThisPeriodMillicredits: string, periodResetsAt: string | null }> };

export type UpdateAccountApiKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type UpdateAccountApiKeyMutation = { updateApiKey: { id: string, label: string | null, spendLimitMillicredits: string | null, limitReset: KeyLimitReset, allowedModels: Array<string> | null } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type AuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  direction: SortDirection;
  first: number;
  offset: number;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, edges: Array<{ node: { id: string, createdAt: string, action: string, actorKind: AuditActorKind, actorLabel: string | null, actorRole: string | null, targetType: string, targetId: string | null, targetLabel: string | null, reason: string | null, before: unknown, after: unknown } }> } };

export type AuditActionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditActionsQuery = { auditActions: Array<string> };

export type AuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainQuery = { auditChain: { ok: boolean, entries: number, firstBrokenId: string | null, headHash: string, checkedAt: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: ViewerKind, role: Role, staffUser: { id: string, email: string, name: string | null, role: Role } | null } | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type SignInMutation = { signIn: { kind: ViewerKind, role: Role, staffUser: { id: string, email: string, name: string | null, role: Role } | null } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type CatalogComparisonQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogComparisonQuery = { modelPriceCatalog: Array<{ provider: string, model: string, inputPer1MUsd: string, cachedInputPer1MUsd: string, outputPer1MUsd: string, cacheWriteInputPer1MUsd: string | null, cacheWrite1hInputPer1MUsd: string | null, audioInputPer1MUsd: string | null, audioOutputPer1MUsd: string | null, imageInputPer1MUsd: string | null, longContextThresholdTokens: number | null, source: string, date: string, catalogVersion: string, longContext: { inputPer1MUsd: string, cachedInputPer1MUsd: string, cacheWriteInputPer1MUsd: string | null, cacheWrite1hInputPer1MUsd: string | null, outputPer1MUsd: string } | null }>, activeRates: Array<{ model: string, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costOutputPer1kUsd: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, audioInputPer1k: string | null, audioOutputPer1k: string | null, imageInputPer1k: string | null, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costAudioInputPer1kUsd: string | null, costAudioOutputPer1kUsd: string | null, costImageInputPer1kUsd: string | null, longContextThresholdTokens: number | null, longContext: { inputPer1k: string, cachedInputPer1k: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costOutputPer1kUsd: string } | null }> };

export type DraftRateCardFromCatalogMutationVariables = Exact<{
  markupPercent: number;
  models: Array<string> | string;
}>;


export type DraftRateCardFromCatalogMutation = { draftRateCardFromCatalog: { name: string, catalogVersion: string, markupPercent: number, draftedModels: Array<string>, rates: Array<{ model: string, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costOutputPer1kUsd: string, maxOutputTokens: number | null, provider: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, audioInputPer1k: string | null, audioOutputPer1k: string | null, imageInputPer1k: string | null, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costAudioInputPer1kUsd: string | null, costAudioOutputPer1kUsd: string | null, costImageInputPer1kUsd: string | null, longContextThresholdTokens: number | null, longContext: { inputPer1k: string, cachedInputPer1k: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costOutputPer1kUsd: string } | null }> } };

export type DashboardQueryVariables = Exact<{
  from: string;
  to: string;
  breakageFrom: string;
}>;


export type DashboardQuery = { refusalsDaily: Array<{ date: string, graphql: number, proxy: number, total: number }>, financeDaily: Array<{ date: string, revenueUsd: number, cogsUsd: number, marginUsd: number, marginRatio: number | null, calls: number, creditsPurchasedMillicredits: string, creditsDeductedMillicredits: string, creditsPromotionalMillicredits: string, creditsExpiredMillicredits: string, creditsRefundedMillicredits: string, revenueMillicredits: string, costMicroUsd: string, marginMillicredits: string }>, byCost: Array<{ key: string, model: string | null, calls: number, revenueUsd: number, cogsUsd: number, marginUsd: number, marginRatio: number | null, revenueMillicredits: string, costMicroUsd: string, marginMillicredits: string }>, byRevenue: Array<{ key: string, model: string | null, calls: number, revenueUsd: number, cogsUsd: number, marginUsd: number, marginRatio: number | null, revenueMillicredits: string, costMicroUsd: string, marginMillicredits: string }>, topAccounts: Array<{ key: string, accountId: string | null, label: string | null, calls: number, revenueUsd: number, cogsUsd: number, marginUsd: number, revenueMillicredits: string, costMicroUsd: string, marginMillicredits: string }>, liability: { outstandingMillicredits: string, outstandingUsd: number, paidMillicredits: string, paidUsd: number, promotionalMillicredits: string, promotionalUsd: number, adjustmentsMillicredits: string, adjustmentsUsd: number, expiringNext30DaysMillicredits: string | null, heldMillicredits: string, negativeMillicredits: string, negativeBalanceAccounts: number }, breakageByMonth: Array<{ month: string, expiredMillicredits: string, expiredUsd: number, entries: number }>, reconciliationRuns: Array<{ id: string, day: string, status: ReconciliationStatus, mismatchCount: number, startedAt: string, finishedAt: string | null, trigger: string }> };

export type PromoCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type PromoCodesQuery = { promoCodes: Array<{ id: string, code: string, creditsMillicredits: string, maxRedemptions: number | null, redemptions: number, expiresAt: string | null, grantValidDays: number | null, createdAt: string }> };

export type CreatePromoCodeMutationVariables = Exact<{
  input: CreatePromoCodeInput;
}>;


export type CreatePromoCodeMutation = { createPromoCode: { id: string, code: string, creditsMillicredits: string, maxRedemptions: number | null, redemptions: number, expiresAt: string | null, grantValidDays: number | null, createdAt: string } };

export type StaffPurchasesQueryVariables = Exact<{
  filter?: PurchaseFilter | null | undefined;
  orderBy: PurchaseOrderBy;
  direction: SortDirection;
  first: number;
  offset: number;
}>;


export type StaffPurchasesQuery = { purchases: { totalCount: number, edges: Array<{ node: { id: string, accountId: string, accountEmail: string | null, createdAt: string, packId: string, packName: string, kind: string, status: PurchaseStatus, amountCents: number, amountPaidCents: number | null, taxCents: number | null, creditsMillicredits: string, refundedCents: number, receiptUrl: string | null, invoiceUrl: string | null, failureReason: string | null, fulfilledAt: string | null } }> } };

export type StaffPurchaseQueryVariables = Exact<{
  id: string | number;
}>;


export type StaffPurchaseQuery = { purchase: { id: string, accountId: string, accountEmail: string | null, createdAt: string, fulfilledAt: string | null, packId: string, packName: string, kind: string, status: PurchaseStatus, currency: string, amountCents: number, amountPaidCents: number | null, subtotalCents: number | null, taxCents: number | null, totalCents: number | null, revenueCents: number | null, refundableCents: number, refundedCents: number, creditsMillicredits: string, refundedCreditsMillicredits: string, receiptUrl: string | null, invoiceUrl: string | null, invoicePdfUrl: string | null, stripeCheckoutSessionId: string | null, stripePaymentIntentId: string | null, transactionId: string | null, failureReason: string | null, ledgerEntries: Array<{ id: string, type: LedgerEntryType, amountMillicredits: string, balanceAfterMillicredits: string, reason: string | null, createdAt: string }>, disputes: Array<{ id: string, status: string, amountCents: number, creditsMillicredits: string, reason: string | null, openedAt: string, closedAt: string | null }> } | null };

export type StaffRefundPurchaseMutationVariables = Exact<{
  purchaseId: string | number;
  amountCents?: number | null | undefined;
  reason: string;
}>;


export type StaffRefundPurchaseMutation = { refundPurchase: { id: string, status: PurchaseStatus, refundedCents: number, refundableCents: number } };

export type RateCardsQueryVariables = Exact<{ [key: string]: never; }>;


export type RateCardsQuery = { rateCards: Array<{ id: string, version: number, name: string, active: boolean, enabled: boolean, createdAt: string, activatedAt: string | null, rates: Array<{ model: string, inputPer1k: string, cachedInputPer1k: string, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costOutputPer1kUsd: string, maxOutputTokens: number | null, enabled: boolean, simulated: boolean, provider: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, audioInputPer1k: string | null, audioOutputPer1k: string | null, imageInputPer1k: string | null, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costAudioInputPer1kUsd: string | null, costAudioOutputPer1kUsd: string | null, costImageInputPer1kUsd: string | null, longContextThresholdTokens: number | null, longContext: { inputPer1k: string, cachedInputPer1k: string, cacheWriteInputPer1k: string | null, cacheWrite1hInputPer1k: string | null, outputPer1k: string, costInputPer1kUsd: string, costCachedInputPer1kUsd: string, costCacheWriteInputPer1kUsd: string | null, costCacheWrite1hInputPer1kUsd: string | null, costOutputPer1kUsd: string } | null }> }> };

export type PublishRateCardMutationVariables = Exact<{
  input: PublishRateCardInput;
}>;


export type PublishRateCardMutation = { publishRateCard: { id: string, version: number, name: string, active: boolean } };

export type ActivateRateCardMutationVariables = Exact<{
  id: string | number;
}>;


export type ActivateRateCardMutation = { activateRateCard: { id: string, version: number, active: boolean } };

export type SetRateCardEnabledMutationVariables = Exact<{
  id: string | number;
  enabled: boolean;
}>;


export type SetRateCardEnabledMutation = { setRateCardEnabled: { id: string, enabled: boolean } };

export type SetModelEnabledMutationVariables = Exact<{
  model: string;
  enabled: boolean;
}>;


export type SetModelEnabledMutation = { setModelEnabled: { model: string, enabled: boolean } };

export type ReconciliationRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReconciliationRunsQuery = { reconciliationRuns: Array<{ id: string, day: string, status: ReconciliationStatus, trigger: string, startedAt: string, finishedAt: string | null, mismatchCount: number, progressDone: number, progressTotal: number, step: string | null, error: string | null }> };

export type ReconciliationRunQueryVariables = Exact<{
  id: string | number;
}>;


export type ReconciliationRunQuery = { reconciliationRun: { id: string, day: string, status: ReconciliationStatus, trigger: string, startedAt: string, finishedAt: string | null, mismatchCount: number, progressDone: number, progressTotal: number, step: string | null, error: string | null, checks: Array<{ name: string, status: string, findings: number, note: string | null }>, findings: Array<{ id: string, check: string, accountId: string | null, subject: string | null, expected: string | null, actual: string | null, driftMillicredits: string | null, driftTokens: string | null, createdAt: string }> } };

export type RunReconciliationMutationVariables = Exact<{ [key: string]: never; }>;


export type RunReconciliationMutation = { runReconciliation: { id: string, status: ReconciliationStatus } };

export type RevenueRollForwardQueryVariables = Exact<{
  month: string;
}>;


export type RevenueRollForwardQuery = { revenueRollForward: { month: string, openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string, ledgerBalanceMillicredits: string, customerDebtMillicredits: string, tiesToLedger: boolean, promotional: { openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string }, adjustments: { openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string }, total: { openingDeferredMillicredits: string, purchasedMillicredits: string, recognisedMillicredits: string, breakageMillicredits: string, refundedMillicredits: string, adjustedMillicredits: string, reclassifiedMillicredits: string, closingDeferredMillicredits: string } } };

export type StaffUsersQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  offset: number;
}>;


export type StaffUsersQuery = { staffUsers: { totalCount: number, edges: Array<{ node: { id: string, email: string, name: string | null, role: Role, disabled: boolean, lastSignInAt: string | null, createdAt: string, updatedAt: string } }> } };

export type StaffUserQueryVariables = Exact<{
  id: string | number;
}>;


export type StaffUserQuery = { staffUser: { id: string, email: string, name: string | null, role: Role, disabled: boolean, lastSignInAt: string | null, createdAt: string, updatedAt: string } };

export type CreateStaffUserMutationVariables = Exact<{
  input: CreateStaffUserInput;
}>;


export type CreateStaffUserMutation = { createStaffUser: { id: string, email: string, name: string | null, role: Role, disabled: boolean, lastSignInAt: string | null, createdAt: string, updatedAt: string } };

export type UpdateStaffUserMutationVariables = Exact<{
  input: UpdateStaffUserInput;
}>;


export type UpdateStaffUserMutation = { updateStaffUser: { id: string, email: string, name: string | null, role: Role, disabled: boolean, lastSignInAt: string | null, createdAt: string, updatedAt: string } };

export type TeamFieldsFragment = { id: string, name: string, timeZone: string, memberCount: number, createdAt: string, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, policy: { requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, allowedModels: Array<string> | null } };

export type TeamsQueryVariables = Exact<{
  search?: string | null | undefined;
  orderBy: TeamOrderBy;
  direction: SortDirection;
  first: number;
  offset: number;
}>;


export type TeamsQuery = { teams: { totalCount: number, edges: Array<{ node: { id: string, name: string, timeZone: string, memberCount: number, createdAt: string, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, policy: { requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, allowedModels: Array<string> | null } } }> } };

export type TeamQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamQuery = { team: { id: string, name: string, timeZone: string, memberCount: number, createdAt: string, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, policy: { requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, allowedModels: Array<string> | null } } | null };

export type TeamMembersQueryVariables = Exact<{
  id: string | number;
}>;


export type TeamMembersQuery = { team: { id: string, members: Array<{ accountId: string, email: string | null, role: TeamRole, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, heldMillicredits: string, remainingThisPeriodMillicredits: string | null, periodStart: string, addedAt: string, removedAt: string | null, lowBalanceAlerts: Array<{ thresholdMillicredits: string, percent: number | null, alerted: boolean }> }> } | null };

export type TeamSpendQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
}>;


export type TeamSpendQuery = { teamSpend: Array<{ day: string, accountId: string, model: string, calls: number, chargedMillicredits: string, costUsd: string }> };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { createTeam: { id: string, name: string } };

export type AddTeamMemberMutationVariables = Exact<{
  teamId: string | number;
  accountId: string | number;
  role?: TeamRole | null | undefined;
}>;


export type AddTeamMemberMutation = { addTeamMember: { accountId: string, role: TeamRole } };

export type RemoveTeamMemberMutationVariables = Exact<{
  teamId: string | number;
  accountId: string | number;
}>;


export type RemoveTeamMemberMutation = { removeTeamMember: { accountId: string, removedAt: string | null } };

export type SetMemberAllocationMutationVariables = Exact<{
  input: SetMemberAllocationInput;
}>;


export type SetMemberAllocationMutation = { setMemberAllocation: { accountId: string, monthlyAllocationMillicredits: string | null, remainingThisPeriodMillicredits: string | null } };

export type SetTeamPolicyMutationVariables = Exact<{
  input: SetTeamPolicyInput;
}>;


export type SetTeamPolicyMutation = { setTeamPolicy: { id: string, policy: { requestCapMillicredits: string | null, sessionCapMillicredits: string | null, sessionWindowSeconds: number, allowedModels: Array<string> | null } } };

export type TeamPolicyModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamPolicyModelsQuery = { activeRates: Array<{ model: string }> };

export type SetMemberLowBalanceThresholdsMutationVariables = Exact<{
  teamId: string | number;
  memberAccountId: string | number;
  thresholdsMillicredits: Array<string> | string;
  thresholdsPercent?: Array<number> | number | null | undefined;
}>;


export type SetMemberLowBalanceThresholdsMutation = { setLowBalanceThresholds: Array<{ thresholdMillicredits: string, percent: number | null }> };

export type WebhooksPageQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhooksPageQuery = { failedStripeEvents: Array<{ id: string, type: string, status: string, source: string, attempts: number, lastError: string | null, receivedAt: string, processedAt: string | null, purchaseId: string | null }>, stalePurchases: Array<{ id: string, accountId: string, packId: string, status: PurchaseStatus, amountCents: number, creditsMillicredits: string, createdAt: string, stripeCheckoutSessionId: string | null }> };

export type ReplayStripeEventMutationVariables = Exact<{
  eventId: string | number;
  reason: string;
}>;


export type ReplayStripeEventMutation = { replayStripeEvent: { outcome: string, event: { id: string, status: string, attempts: number, lastError: string | null } } };

export type RefulfillPurchaseMutationVariables = Exact<{
  purchaseId: string | number;
  reason: string;
}>;


export type RefulfillPurchaseMutation = { refulfillPurchase: { id: string, status: PurchaseStatus, fulfilledAt: string | null } };

export type CreditsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditsPageQuery = { me: { id: string, email: string, name: string | null, createdAt: string, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, lowBalanceAlert: { thresholdMillicredits: string, custom: boolean, alerted: boolean }, lowBalanceAlerts: Array<{ thresholdMillicredits: string, percent: number | null, custom: boolean, alerted: boolean }>, autoRecharge: { enabled: boolean, hasPaymentMethod: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, spentThisMonthCents: number, notice: string | null, noticeAt: string | null } | null, purchases: Array<{ id: string, createdAt: string, packId: string, creditsMillicredits: string, amountCents: number, amountPaidCents: number | null, currency: string, status: PurchaseStatus, receiptUrl: string | null, refundedCents: number, kind: string, subtotalCents: number | null, taxCents: number | null, totalCents: number | null, invoiceUrl: string | null, invoicePdfUrl: string | null }>, teams: Array<{ id: string, name: string }> }, creditPacks: Array<{ id: string, name: string, priceCents: number, creditsMillicredits: string }> };

export type CreditsUsageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CreditsUsageQuery = { me: { id: string, usage: { edges: Array<{ node: { id: string, createdAt: string, model: string, chargedMillicredits: string, inputTokens: number, cachedInputTokens: number, outputTokens: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type CreditsBalanceSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CreditsBalanceSubscription = { balanceUpdated: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string } };

export type BuyPackMutationVariables = Exact<{
  packId: string | number;
  returnTo?: string | null | undefined;
  accountId?: string | number | null | undefined;
}>;


export type BuyPackMutation = { createCheckoutSession: { id: string, url: string, testMode: boolean } };

export type RedeemPromoMutationVariables = Exact<{
  code: string;
}>;


export type RedeemPromoMutation = { redeemPromoCode: { id: string, amountMillicredits: string, balanceAfterMillicredits: string } };

export type SetOwnAutoRechargeMutationVariables = Exact<{
  input: SetAutoRechargeInput;
}>;


export type SetOwnAutoRechargeMutation = { setAutoRecharge: { enabled: boolean, hasPaymentMethod: boolean, thresholdMillicredits: string, packId: string | null, targetBalanceMillicredits: string | null, monthlyLimitCents: number, spentThisMonthCents: number, notice: string | null, noticeAt: string | null } };

export type CreditsSignInWithKeyMutationVariables = Exact<{
  key: string;
}>;


export type CreditsSignInWithKeyMutation = { signInWithKey: { kind: ViewerKind, accountId: string | null } };

export type CreditsSignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type CreditsSignOutMutation = { signOut: boolean };

export type CreditsTeamQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditsTeamQuery = { team: { id: string, name: string, timeZone: string, balance: { accountId: string, balanceMillicredits: string, availableMillicredits: string, heldMillicredits: string, updatedAt: string }, members: Array<{ accountId: string, email: string | null, role: TeamRole, monthlyAllocationMillicredits: string | null, spentThisPeriodMillicredits: string, remainingThisPeriodMillicredits: string | null, periodStart: string, removedAt: string | null }> } | null };

export type CreditsUsageHistoryQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CreditsUsageHistoryQuery = { me: { id: string, usage: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, createdAt: string, model: string, chargedMillicredits: string, inputTokens: number, cachedInputTokens: number, outputTokens: number, apiKeyId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }, apiKeys: Array<{ id: string, label: string | null }> };

export type CreditsUsageReportQueryVariables = Exact<{
  from: string;
  to: string;
  groupBy: Array<UsageGroup> | UsageGroup;
  accountId?: string | number | null | undefined;
}>;


export type CreditsUsageReportQuery = { usageReport: Array<{ apiKeyId: string | null, apiKeyLabel: string | null, memberAccountId: string | null, memberEmail: string | null, model: string | null, calls: number, inputTokens: number, cachedInputTokens: number, outputTokens: number, chargedMillicredits: string }> };

export type CreditsExpiringQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditsExpiringQuery = { me: { id: string, grants: Array<{ id: string, kind: GrantKind, remainingMillicredits: string, expiresAt: string | null }> } };

export type WebhookEndpointFieldsFragment = { id: string, accountId: string | null, url: string, description: string | null, events: Array<string>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null };

export type WebhookEndpointsQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
  allAccounts?: boolean | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, accountId: string | null, url: string, description: string | null, events: Array<string>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null }> };

export type WebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookEndpointQuery = { webhookEndpoint: { id: string, accountId: string | null, url: string, description: string | null, events: Array<string>, createdAt: string, disabledAt: string | null, disabledReason: string | null, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null } };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { totalCount: number, edges: Array<{ node: { id: string, eventId: string, eventType: string, eventCreatedAt: string, status: string, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, deliveredAt: string | null, attemptLog: Array<{ attemptedAt: string, statusCode: number | null, durationMs: number | null, error: string | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string } } };

export type DisableWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableWebhookEndpointMutation = { disableWebhookEndpoint: { id: string, disabledAt: string | null } };

export type EnableWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableWebhookEndpointMutation = { enableWebhookEndpoint: { id: string, disabledAt: string | null } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { id: string } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: string | number;
  graceSeconds?: number | null | undefined;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookEndpointSecret: { secret: string, endpoint: { id: string } } };

export type RedeliverWebhookEventMutationVariables = Exact<{
  endpointId: string | number;
  eventId: string | number;
}>;


export type RedeliverWebhookEventMutation = { redeliverWebhookEvent: string };

export type SetLowBalanceThresholdsMutationVariables = Exact<{
  accountId?: string | number | null | undefined;
  thresholdsMillicredits: Array<string> | string;
  thresholdsPercent?: Array<number> | number | null | undefined;
}>;


export type SetLowBalanceThresholdsMutation = { setLowBalanceThresholds: Array<{ thresholdMillicredits: string, percent: number | null, custom: boolean, alerted: boolean }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const TeamFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"TeamFields"}) as unknown as TypedDocumentString<TeamFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  accountId
  url
  description
  events
  createdAt
  disabledAt
  disabledReason
  failingSince
  lastSuccessAt
  lastFailureAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const AccountsDocument = new TypedDocumentString(`
    query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
  accounts(
    search: $search
    orderBy: $orderBy
    direction: $direction
    first: $first
    offset: $offset
  ) {
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
    `) as unknown as TypedDocumentString<AccountsQuery, AccountsQueryVariables>;
export const AccountDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountQuery, AccountQueryVariables>;
export const AccountLedgerDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountLedgerQuery, AccountLedgerQueryVariables>;
export const AccountUsageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountUsageQuery, AccountUsageQueryVariables>;
export const AccountPurchasesDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountPurchasesQuery, AccountPurchasesQueryVariables>;
export const AccountGrantsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountGrantsQuery, AccountGrantsQueryVariables>;
export const AccountBalanceDocument = new TypedDocumentString(`
    subscription AccountBalance($accountId: ID!) {
  balanceUpdated(accountId: $accountId) {
    accountId
    balanceMillicredits
    availableMillicredits
    heldMillicredits
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<AccountBalanceSubscription, AccountBalanceSubscriptionVariables>;
export const AdjustBalanceDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AdjustBalanceMutation, AdjustBalanceMutationVariables>;
export const VoidGrantDocument = new TypedDocumentString(`
    mutation VoidGrant($grantId: ID!, $reason: String!) {
  voidGrant(grantId: $grantId, reason: $reason) {
    id
    status
    remainingMillicredits
  }
}
    `) as unknown as TypedDocumentString<VoidGrantMutation, VoidGrantMutationVariables>;
export const CreateAccountApiKeyDocument = new TypedDocumentString(`
    mutation CreateAccountApiKey($accountId: ID!, $role: Role) {
  createApiKey(accountId: $accountId, role: $role) {
    id
    key
  }
}
    `) as unknown as TypedDocumentString<CreateAccountApiKeyMutation, CreateAccountApiKeyMutationVariables>;
export const CreateAccountDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreateAccountMutation, CreateAccountMutationVariables>;
export const AccountApiKeysDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<AccountApiKeysQuery, AccountApiKeysQueryVariables>;
export const UpdateAccountApiKeyDocument = new TypedDocumentString(`
    mutation UpdateAccountApiKey($id: ID!, $input: UpdateApiKeyInput!) {
  updateApiKey(id: $id, input: $input) {
    id
    label
    spendLimitMillicredits
    limitReset
    allowedModels
  }
}
    `) as unknown as TypedDocumentString<UpdateAccountApiKeyMutation, UpdateAccountApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {
  auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {
    totalCount
    edges {
      node {
        id
        createdAt
        action
        actorKind
        actorLabel
        actorRole
        targetType
        targetId
        targetLabel
        reason
        before
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const AuditActionsDocument = new TypedDocumentString(`
    query AuditActions {
  auditActions
}
    `) as unknown as TypedDocumentString<AuditActionsQuery, AuditActionsQueryVariables>;
export const AuditChainDocument = new TypedDocumentString(`
    query AuditChain {
  auditChain {
    ok
    entries
    firstBrokenId
    headHash
    checkedAt
  }
}
    `) as unknown as TypedDocumentString<AuditChainQuery, AuditChainQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    kind
    role
    staffUser {
      id
      email
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    kind
    role
    staffUser {
      id
      email
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const CatalogComparisonDocument = new TypedDocumentString(`
    query CatalogComparison {
  modelPriceCatalog {
    provider
    model
    inputPer1MUsd
    cachedInputPer1MUsd
    outputPer1MUsd
    cacheWriteInputPer1MUsd
    cacheWrite1hInputPer1MUsd
    audioInputPer1MUsd
    audioOutputPer1MUsd
    imageInputPer1MUsd
    longContextThresholdTokens
    longContext {
      inputPer1MUsd
      cachedInputPer1MUsd
      cacheWriteInputPer1MUsd
      cacheWrite1hInputPer1MUsd
      outputPer1MUsd
    }
    source
    date
    catalogVersion
  }
  activeRates {
    model
    inputPer1k
    cachedInputPer1k
    outputPer1k
    costInputPer1kUsd
    costCachedInputPer1kUsd
    costOutputPer1kUsd
    cacheWriteInputPer1k
    cacheWrite1hInputPer1k
    audioInputPer1k
    audioOutputPer1k
    imageInputPer1k
    costCacheWriteInputPer1kUsd
    costCacheWrite1hInputPer1kUsd
    costAudioInputPer1kUsd
    costAudioOutputPer1kUsd
    costImageInputPer1kUsd
    longContextThresholdTokens
    longContext {
      inputPer1k
      cachedInputPer1k
      cacheWriteInputPer1k
      cacheWrite1hInputPer1k
      outputPer1k
      costInputPer1kUsd
      costCachedInputPer1kUsd
      costCacheWriteInputPer1kUsd
      costCacheWrite1hInputPer1kUsd
      costOutputPer1kUsd
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogComparisonQuery, CatalogComparisonQueryVariables>;
export const DraftRateCardFromCatalogDocument = new TypedDocumentString(`
    mutation DraftRateCardFromCatalog($markupPercent: Int!, $models: [String!]!) {
  draftRateCardFromCatalog(markupPercent: $markupPercent, models: $models) {
    name
    catalogVersion
    markupPercent
    draftedModels
    rates {
      model
      inputPer1k
      cachedInputPer1k
      outputPer1k
      costInputPer1kUsd
      costCachedInputPer1kUsd
      costOutputPer1kUsd
      maxOutputTokens
      provider
      cacheWriteInputPer1k
      cacheWrite1hInputPer1k
      audioInputPer1k
      audioOutputPer1k
      imageInputPer1k
      costCacheWriteInputPer1kUsd
      costCacheWrite1hInputPer1kUsd
      costAudioInputPer1kUsd
      costAudioOutputPer1kUsd
      costImageInputPer1kUsd
      longContextThresholdTokens
      longContext {
        inputPer1k
        cachedInputPer1k
        cacheWriteInputPer1k
        cacheWrite1hInputPer1k
        outputPer1k
        costInputPer1kUsd
        costCachedInputPer1kUsd
        costCacheWriteInputPer1kUsd
        costCacheWrite1hInputPer1kUsd
        costOutputPer1kUsd
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DraftRateCardFromCatalogMutation, DraftRateCardFromCatalogMutationVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {
  refusalsDaily(from: $from, to: $to) {
    date
    graphql
    proxy
    total
  }
  financeDaily(from: $from, to: $to) {
    date
    revenueUsd
    cogsUsd
    marginUsd
    marginRatio
    calls
    creditsPurchasedMillicredits
    creditsDeductedMillicredits
    creditsPromotionalMillicredits
    creditsExpiredMillicredits
    creditsRefundedMillicredits
    revenueMillicredits
    costMicroUsd
    marginMillicredits
  }
  byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) {
    key
    model
    calls
    revenueUsd
    cogsUsd
    marginUsd
    marginRatio
    revenueMillicredits
    costMicroUsd
    marginMillicredits
  }
  byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) {
    key
    model
    calls
    revenueUsd
    cogsUsd
    marginUsd
    marginRatio
    revenueMillicredits
    costMicroUsd
    marginMillicredits
  }
  topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) {
    key
    accountId
    label
    calls
    revenueUsd
    cogsUsd
    marginUsd
    revenueMillicredits
    costMicroUsd
    marginMillicredits
  }
  liability {
    outstandingMillicredits
    outstandingUsd
    paidMillicredits
    paidUsd
    promotionalMillicredits
    promotionalUsd
    adjustmentsMillicredits
    adjustmentsUsd
    expiringNext30DaysMillicredits
    heldMillicredits
    negativeMillicredits
    negativeBalanceAccounts
  }
  breakageByMonth(from: $breakageFrom, to: $to) {
    month
    expiredMillicredits
    expiredUsd
    entries
  }
  reconciliationRuns(first: 1) {
    id
    day
    status
    mismatchCount
    startedAt
    finishedAt
    trigger
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const PromoCodesDocument = new TypedDocumentString(`
    query PromoCodes {
  promoCodes(first: 500) {
    id
    code
    creditsMillicredits
    maxRedemptions
    redemptions
    expiresAt
    grantValidDays
    createdAt
  }
}
    `) as unknown as TypedDocumentString<PromoCodesQuery, PromoCodesQueryVariables>;
export const CreatePromoCodeDocument = new TypedDocumentString(`
    mutation CreatePromoCode($input: CreatePromoCodeInput!) {
  createPromoCode(input: $input) {
    id
    code
    creditsMillicredits
    maxRedemptions
    redemptions
    expiresAt
    grantValidDays
    createdAt
  }
}
    `) as unknown as TypedDocumentString<CreatePromoCodeMutation, CreatePromoCodeMutationVariables>;
export const StaffPurchasesDocument = new TypedDocumentString(`
    query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
  purchases(
    filter: $filter
    orderBy: $orderBy
    direction: $direction
    first: $first
    offset: $offset
  ) {
    totalCount
    edges {
      node {
        id
        accountId
        accountEmail
        createdAt
        packId
        packName
        kind
        status
        amountCents
        amountPaidCents
        taxCents
        creditsMillicredits
        refundedCents
        receiptUrl
        invoiceUrl
        failureReason
        fulfilledAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffPurchasesQuery, StaffPurchasesQueryVariables>;
export const StaffPurchaseDocument = new TypedDocumentString(`
    query StaffPurchase($id: ID!) {
  purchase(id: $id) {
    id
    accountId
    accountEmail
    createdAt
    fulfilledAt
    packId
    packName
    kind
    status
    currency
    amountCents
    amountPaidCents
    subtotalCents
    taxCents
    totalCents
    revenueCents
    refundableCents
    refundedCents
    creditsMillicredits
    refundedCreditsMillicredits
    receiptUrl
    invoiceUrl
    invoicePdfUrl
    stripeCheckoutSessionId
    stripePaymentIntentId
    transactionId
    failureReason
    ledgerEntries {
      id
      type
      amountMillicredits
      balanceAfterMillicredits
      reason
      createdAt
    }
    disputes {
      id
      status
      amountCents
      creditsMillicredits
      reason
      openedAt
      closedAt
    }
  }
}
    `) as unknown as TypedDocumentString<StaffPurchaseQuery, StaffPurchaseQueryVariables>;
export const StaffRefundPurchaseDocument = new TypedDocumentString(`
    mutation StaffRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {
  refundPurchase(
    purchaseId: $purchaseId
    amountCents: $amountCents
    reason: $reason
  ) {
    id
    status
    refundedCents
    refundableCents
  }
}
    `) as unknown as TypedDocumentString<StaffRefundPurchaseMutation, StaffRefundPurchaseMutationVariables>;
export const RateCardsDocument = new TypedDocumentString(`
    query RateCards {
  rateCards {
    id
    version
    name
    active
    enabled
    createdAt
    activatedAt
    rates {
      model
      inputPer1k
      cachedInputPer1k
      outputPer1k
      costInputPer1kUsd
      costCachedInputPer1kUsd
      costOutputPer1kUsd
      maxOutputTokens
      enabled
      simulated
      provider
      cacheWriteInputPer1k
      cacheWrite1hInputPer1k
      audioInputPer1k
      audioOutputPer1k
      imageInputPer1k
      costCacheWriteInputPer1kUsd
      costCacheWrite1hInputPer1kUsd
      costAudioInputPer1kUsd
      costAudioOutputPer1kUsd
      costImageInputPer1kUsd
      longContextThresholdTokens
      longContext {
        inputPer1k
        cachedInputPer1k
        cacheWriteInputPer1k
        cacheWrite1hInputPer1k
        outputPer1k
        costInputPer1kUsd
        costCachedInputPer1kUsd
        costCacheWriteInputPer1kUsd
        costCacheWrite1hInputPer1kUsd
        costOutputPer1kUsd
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RateCardsQuery, RateCardsQueryVariables>;
export const PublishRateCardDocument = new TypedDocumentString(`
    mutation PublishRateCard($input: PublishRateCardInput!) {
  publishRateCard(input: $input) {
    id
    version
    name
    active
  }
}
    `) as unknown as TypedDocumentString<PublishRateCardMutation, PublishRateCardMutationVariables>;
export const ActivateRateCardDocument = new TypedDocumentString(`
    mutation ActivateRateCard($id: ID!) {
  activateRateCard(id: $id) {
    id
    version
    active
  }
}
    `) as unknown as TypedDocumentString<ActivateRateCardMutation, ActivateRateCardMutationVariables>;
export const SetRateCardEnabledDocument = new TypedDocumentString(`
    mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {
  setRateCardEnabled(id: $id, enabled: $enabled) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<SetRateCardEnabledMutation, SetRateCardEnabledMutationVariables>;
export const SetModelEnabledDocument = new TypedDocumentString(`
    mutation SetModelEnabled($model: String!, $enabled: Boolean!) {
  setModelEnabled(model: $model, enabled: $enabled) {
    model
    enabled
  }
}
    `) as unknown as TypedDocumentString<SetModelEnabledMutation, SetModelEnabledMutationVariables>;
export const ReconciliationRunsDocument = new TypedDocumentString(`
    query ReconciliationRuns {
  reconciliationRuns(first: 100) {
    id
    day
    status
    trigger
    startedAt
    finishedAt
    mismatchCount
    progressDone
    progressTotal
    step
    error
  }
}
    `) as unknown as TypedDocumentString<ReconciliationRunsQuery, ReconciliationRunsQueryVariables>;
export const ReconciliationRunDocument = new TypedDocumentString(`
    query ReconciliationRun($id: ID!) {
  reconciliationRun(id: $id) {
    id
    day
    status
    trigger
    startedAt
    finishedAt
    mismatchCount
    progressDone
    progressTotal
    step
    error
    checks {
      name
      status
      findings
      note
    }
    findings(first: 200) {
      id
      check
      accountId
      subject
      expected
      actual
      driftMillicredits
      driftTokens
      createdAt
    }
  }
}
    `) as unknown as TypedDocumentString<ReconciliationRunQuery, ReconciliationRunQueryVariables>;
export const RunReconciliationDocument = new TypedDocumentString(`
    mutation RunReconciliation {
  runReconciliation(wait: false) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RunReconciliationMutation, RunReconciliationMutationVariables>;
export const RevenueRollForwardDocument = new TypedDocumentString(`
    query RevenueRollForward($month: String!) {
  revenueRollForward(month: $month) {
    month
    openingDeferredMillicredits
    purchasedMillicredits
    recognisedMillicredits
    breakageMillicredits
    refundedMillicredits
    adjustedMillicredits
    reclassifiedMillicredits
    closingDeferredMillicredits
    promotional {
      openingDeferredMillicredits
      purchasedMillicredits
      recognisedMillicredits
      breakageMillicredits
      refundedMillicredits
      adjustedMillicredits
      reclassifiedMillicredits
      closingDeferredMillicredits
    }
    adjustments {
      openingDeferredMillicredits
      purchasedMillicredits
      recognisedMillicredits
      breakageMillicredits
      refundedMillicredits
      adjustedMillicredits
      reclassifiedMillicredits
      closingDeferredMillicredits
    }
    total {
      openingDeferredMillicredits
      purchasedMillicredits
      recognisedMillicredits
      breakageMillicredits
      refundedMillicredits
      adjustedMillicredits
      reclassifiedMillicredits
      closingDeferredMillicredits
    }
    ledgerBalanceMillicredits
    customerDebtMillicredits
    tiesToLedger
  }
}
    `) as unknown as TypedDocumentString<RevenueRollForwardQuery, RevenueRollForwardQueryVariables>;
export const StaffUsersDocument = new TypedDocumentString(`
    query StaffUsers($search: String, $first: Int!, $offset: Int!) {
  staffUsers(search: $search, first: $first, offset: $offset) {
    totalCount
    edges {
      node {
        id
        email
        name
        role
        disabled
        lastSignInAt
        createdAt
        updatedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffUsersQuery, StaffUsersQueryVariables>;
export const StaffUserDocument = new TypedDocumentString(`
    query StaffUser($id: ID!) {
  staffUser(id: $id) {
    id
    email
    name
    role
    disabled
    lastSignInAt
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<StaffUserQuery, StaffUserQueryVariables>;
export const CreateStaffUserDocument = new TypedDocumentString(`
    mutation CreateStaffUser($input: CreateStaffUserInput!) {
  createStaffUser(input: $input) {
    id
    email
    name
    role
    disabled
    lastSignInAt
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<CreateStaffUserMutation, CreateStaffUserMutationVariables>;
export const UpdateStaffUserDocument = new TypedDocumentString(`
    mutation UpdateStaffUser($input: UpdateStaffUserInput!) {
  updateStaffUser(input: $input) {
    id
    email
    name
    role
    disabled
    lastSignInAt
    createdAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<UpdateStaffUserMutation, UpdateStaffUserMutationVariables>;
export const TeamsDocument = new TypedDocumentString(`
    query Teams($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
  teams(
    search: $search
    orderBy: $orderBy
    direction: $direction
    first: $first
    offset: $offset
  ) {
    totalCount
    edges {
      node {
        ...TeamFields
      }
    }
  }
}
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
}`) as unknown as TypedDocumentString<TeamsQuery, TeamsQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($id: ID!) {
  team(id: $id) {
    ...TeamFields
  }
}
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
}`) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const TeamMembersDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<TeamMembersQuery, TeamMembersQueryVariables>;
export const TeamSpendDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<TeamSpendQuery, TeamSpendQueryVariables>;
export const CreateTeamDocument = new TypedDocumentString(`
    mutation CreateTeam($input: CreateTeamInput!) {
  createTeam(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateTeamMutation, CreateTeamMutationVariables>;
export const AddTeamMemberDocument = new TypedDocumentString(`
    mutation AddTeamMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {
  addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {
    accountId
    role
  }
}
    `) as unknown as TypedDocumentString<AddTeamMemberMutation, AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = new TypedDocumentString(`
    mutation RemoveTeamMember($teamId: ID!, $accountId: ID!) {
  removeTeamMember(teamId: $teamId, accountId: $accountId) {
    accountId
    removedAt
  }
}
    `) as unknown as TypedDocumentString<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const SetMemberAllocationDocument = new TypedDocumentString(`
    mutation SetMemberAllocation($input: SetMemberAllocationInput!) {
  setMemberAllocation(input: $input) {
    accountId
    monthlyAllocationMillicredits
    remainingThisPeriodMillicredits
  }
}
    `) as unknown as TypedDocumentString<SetMemberAllocationMutation, SetMemberAllocationMutationVariables>;
export const SetTeamPolicyDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SetTeamPolicyMutation, SetTeamPolicyMutationVariables>;
export const TeamPolicyModelsDocument = new TypedDocumentString(`
    query TeamPolicyModels {
  activeRates {
    model
  }
}
    `) as unknown as TypedDocumentString<TeamPolicyModelsQuery, TeamPolicyModelsQueryVariables>;
export const SetMemberLowBalanceThresholdsDocument = new TypedDocumentString(`
    mutation SetMemberLowBalanceThresholds($teamId: ID!, $memberAccountId: ID!, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {
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
    `) as unknown as TypedDocumentString<SetMemberLowBalanceThresholdsMutation, SetMemberLowBalanceThresholdsMutationVariables>;
export const WebhooksPageDocument = new TypedDocumentString(`
    query WebhooksPage {
  failedStripeEvents(first: 100) {
    id
    type
    status
    source
    attempts
    lastError
    receivedAt
    processedAt
    purchaseId
  }
  stalePurchases(first: 100, olderThanMinutes: 15) {
    id
    accountId
    packId
    status
    amountCents
    creditsMillicredits
    createdAt
    stripeCheckoutSessionId
  }
}
    `) as unknown as TypedDocumentString<WebhooksPageQuery, WebhooksPageQueryVariables>;
export const ReplayStripeEventDocument = new TypedDocumentString(`
    mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {
  replayStripeEvent(eventId: $eventId, reason: $reason) {
    outcome
    event {
      id
      status
      attempts
      lastError
    }
  }
}
    `) as unknown as TypedDocumentString<ReplayStripeEventMutation, ReplayStripeEventMutationVariables>;
export const RefulfillPurchaseDocument = new TypedDocumentString(`
    mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {
  refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {
    id
    status
    fulfilledAt
  }
}
    `) as unknown as TypedDocumentString<RefulfillPurchaseMutation, RefulfillPurchaseMutationVariables>;
export const CreditsPageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsPageQuery, CreditsPageQueryVariables>;
export const CreditsUsageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsUsageQuery, CreditsUsageQueryVariables>;
export const CreditsBalanceDocument = new TypedDocumentString(`
    subscription CreditsBalance {
  balanceUpdated {
    accountId
    balanceMillicredits
    availableMillicredits
    heldMillicredits
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<CreditsBalanceSubscription, CreditsBalanceSubscriptionVariables>;
export const BuyPackDocument = new TypedDocumentString(`
    mutation BuyPack($packId: ID!, $returnTo: String, $accountId: ID) {
  createCheckoutSession(
    packId: $packId
    returnTo: $returnTo
    accountId: $accountId
  ) {
    id
    url
    testMode
  }
}
    `) as unknown as TypedDocumentString<BuyPackMutation, BuyPackMutationVariables>;
export const RedeemPromoDocument = new TypedDocumentString(`
    mutation RedeemPromo($code: String!) {
  redeemPromoCode(code: $code) {
    id
    amountMillicredits
    balanceAfterMillicredits
  }
}
    `) as unknown as TypedDocumentString<RedeemPromoMutation, RedeemPromoMutationVariables>;
export const SetOwnAutoRechargeDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SetOwnAutoRechargeMutation, SetOwnAutoRechargeMutationVariables>;
export const CreditsSignInWithKeyDocument = new TypedDocumentString(`
    mutation CreditsSignInWithKey($key: String!) {
  signInWithKey(key: $key) {
    kind
    accountId
  }
}
    `) as unknown as TypedDocumentString<CreditsSignInWithKeyMutation, CreditsSignInWithKeyMutationVariables>;
export const CreditsSignOutDocument = new TypedDocumentString(`
    mutation CreditsSignOut {
  signOut
}
    `) as unknown as TypedDocumentString<CreditsSignOutMutation, CreditsSignOutMutationVariables>;
export const CreditsTeamDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsTeamQuery, CreditsTeamQueryVariables>;
export const CreditsUsageHistoryDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsUsageHistoryQuery, CreditsUsageHistoryQueryVariables>;
export const CreditsUsageReportDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsUsageReportQuery, CreditsUsageReportQueryVariables>;
export const CreditsExpiringDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<CreditsExpiringQuery, CreditsExpiringQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($accountId: ID, $allAccounts: Boolean) {
  webhookEndpoints(accountId: $accountId, allAccounts: $allAccounts) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  accountId
  url
  description
  events
  createdAt
  disabledAt
  disabledReason
  failingSince
  lastSuccessAt
  lastFailureAt
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointDocument = new TypedDocumentString(`
    query WebhookEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  accountId
  url
  description
  events
  createdAt
  disabledAt
  disabledReason
  failingSince
  lastSuccessAt
  lastFailureAt
}`) as unknown as TypedDocumentString<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
  webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
    totalCount
    edges {
      node {
        id
        eventId
        eventType
        eventCreatedAt
        status
        attempts
        nextAttemptAt
        lastAttemptAt
        lastStatusCode
        lastError
        deliveredAt
        attemptLog {
          attemptedAt
          statusCode
          durationMs
          error
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint {
      id
      url
    }
  }
}
    `) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const DisableWebhookEndpointDocument = new TypedDocumentString(`
    mutation DisableWebhookEndpoint($id: ID!) {
  disableWebhookEndpoint(id: $id) {
    id
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<DisableWebhookEndpointMutation, DisableWebhookEndpointMutationVariables>;
export const EnableWebhookEndpointDocument = new TypedDocumentString(`
    mutation EnableWebhookEndpoint($id: ID!) {
  enableWebhookEndpoint(id: $id) {
    id
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<EnableWebhookEndpointMutation, EnableWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($id: ID!, $graceSeconds: Int) {
  rotateWebhookEndpointSecret(id: $id, graceSeconds: $graceSeconds) {
    secret
    endpoint {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const RedeliverWebhookEventDocument = new TypedDocumentString(`
    mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {
  redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId)
}
    `) as unknown as TypedDocumentString<RedeliverWebhookEventMutation, RedeliverWebhookEventMutationVariables>;
export const SetLowBalanceThresholdsDocument = new TypedDocumentString(`
    mutation SetLowBalanceThresholds($accountId: ID, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {
  setLowBalanceThresholds(
    accountId: $accountId
    thresholdsMillicredits: $thresholdsMillicredits
    thresholdsPercent: $thresholdsPercent
  ) {
    thresholdMillicredits
    percent
    custom
    alerted
  }
}
    `) as unknown as TypedDocumentString<SetLowBalanceThresholdsMutation, SetLowBalanceThresholdsMutationVariables>;