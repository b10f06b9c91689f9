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
    "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysListDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.ApiKeysRevokeDocument,
    "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) {\n      id\n      key\n    }\n  }\n": typeof types.ApiKeysCreateDocument,
    "\n  query ApiKeysMe {\n    me {\n      id\n    }\n  }\n": typeof types.ApiKeysMeDocument,
    "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      hasPaymentMethod\n      notice\n    }\n  }\n": typeof types.BillingSetAutoRechargeDocument,
    "\n  query BillingMyAutoRecharge {\n    me {\n      balance {\n        availableMillicredits\n      }\n      autoRecharge {\n        enabled\n        spentThisMonthCents\n        lastAttemptAt\n        notice\n        hasPaymentMethod\n      }\n    }\n  }\n": typeof types.BillingMyAutoRechargeDocument,
    "\n  mutation BillingCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": typeof types.BillingChargeDocument,
    "\n  query BillingPacks {\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n": typeof types.BillingPacksDocument,
    "\n  query BillingPurchaseDetails($id: ID!) {\n    purchase(id: $id) {\n      id\n      status\n      packName\n      accountEmail\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      invoiceUrl\n      invoicePdfUrl\n      receiptUrl\n      ledgerEntries {\n        type\n        amountMillicredits\n      }\n      disputes {\n        id\n      }\n    }\n  }\n": typeof types.BillingPurchaseDetailsDocument,
    "\n  mutation BillingRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n    }\n  }\n": typeof types.BillingRefundPurchaseDocument,
    "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      creditsMillicredits\n      stripePaymentIntentId\n      receiptUrl\n    }\n  }\n": typeof types.BillingRefulfillDocument,
    "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n": typeof types.BillingReplayDocument,
    "\n  query BillingStale {\n    stalePurchases(olderThanMinutes: 0) {\n      id\n      status\n    }\n  }\n": typeof types.BillingStaleDocument,
    "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) {\n      outcome\n      purchase {\n        id\n        status\n      }\n    }\n  }\n": typeof types.BillingRefulfillStaleDocument,
    "\n  query BillingNegativeBalances {\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n  }\n": typeof types.BillingNegativeBalancesDocument,
    "\n  mutation BillingSpend($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": typeof types.BillingSpendDocument,
    "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n": typeof types.BillingCreateCheckoutDocument,
    "\n  query BillingMyPurchases {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      purchases {\n        id\n        packId\n        status\n        kind\n        amountCents\n        amountPaidCents\n        refundedCents\n        creditsMillicredits\n        refundedCreditsMillicredits\n        receiptUrl\n        stripeCheckoutSessionId\n        stripePaymentIntentId\n        transactionId\n        failureReason\n        createdAt\n      }\n    }\n  }\n": typeof types.BillingMyPurchasesDocument,
    "\n  query BillingFailedEvents {\n    failedStripeEvents(first: 50) {\n      id\n      type\n      status\n      attempts\n      lastError\n      purchaseId\n    }\n  }\n": typeof types.BillingFailedEventsDocument,
    "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      cogsExactUsd\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsRefundedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n      heldMillicredits\n      expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) {\n      model\n      calls\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) {\n      model\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) {\n      accountId\n      label\n      revenueMillicredits\n      marginMillicredits\n    }\n    members: financeByMember(from: $from, to: $to) {\n      accountId\n      apiKeyId\n      label\n      revenueMillicredits\n    }\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n    breakageByMonth(from: $from, to: $to) {\n      month\n      expiredMillicredits\n    }\n  }\n": typeof types.FinanceDashboardDocument,
    "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": typeof types.FinanceRecordUsageDocument,
    "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      closingDeferredUsd\n      recognisedUsd\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        purchasedMillicredits\n        recognisedMillicredits\n        adjustedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n": typeof types.RevenueRollForwardDocument,
    "\n  query LiabilitySplit {\n    liability {\n      outstandingMillicredits\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n    }\n  }\n": typeof types.LiabilitySplitDocument,
    "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        priority\n        expiresAt\n        sourceTransactionId\n        allocations {\n          transactionId\n          amountMillicredits\n          purpose\n        }\n      }\n    }\n  }\n": typeof types.AccountGrantsDocument,
    "\n  query MyGrants {\n    me {\n      grants {\n        id\n        kind\n        status\n        remainingMillicredits\n      }\n    }\n  }\n": typeof types.MyGrantsDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n": typeof types.VoidGrantDocument,
    "\n  mutation ExpireGrantsNow {\n    expireGrantsNow {\n      expiredGrants\n      expiredMillicredits\n    }\n  }\n": typeof types.ExpireGrantsNowDocument,
    "\n        mutation GrantsRecordUsage($input: RecordUsageInput!) {\n          recordUsage(input: $input) {\n            chargedMillicredits\n          }\n        }\n      ": typeof types.GrantsRecordUsageDocument,
    "\n  mutation LimitKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.LimitKeyDocument,
    "\n  query KeyPeriod($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n  }\n": typeof types.KeyPeriodDocument,
    "\n  mutation SurfaceKey($accountId: ID!, $limit: String, $models: [String!]) {\n    createApiKey(accountId: $accountId, spendLimitMillicredits: $limit, limitReset: MONTHLY, allowedModels: $models) {\n      id\n      key\n    }\n  }\n": typeof types.SurfaceKeyDocument,
    "\n  query SurfaceKeySpent($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n    }\n  }\n": typeof types.SurfaceKeySpentDocument,
    "\n  mutation CreateBudgetKey($accountId: ID!, $label: String, $limit: String, $reset: KeyLimitReset, $models: [String!]) {\n    createApiKey(accountId: $accountId, label: $label, spendLimitMillicredits: $limit, limitReset: $reset, allowedModels: $models) {\n      id\n      key\n    }\n  }\n": typeof types.CreateBudgetKeyDocument,
    "\n  mutation UpdateBudgetKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n    }\n  }\n": typeof types.UpdateBudgetKeyDocument,
    "\n  query BudgetKeys($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n    me {\n      balance {\n        availableMillicredits\n      }\n    }\n  }\n": typeof types.BudgetKeysDocument,
    "\n  mutation RecordOnKey($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n": typeof types.RecordOnKeyDocument,
    "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": typeof types.MetricsRecordUsageDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n    }\n  }\n": typeof types.CreatePromoCodeDocument,
    "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      referenceId\n    }\n  }\n": typeof types.RedeemPromoCodeDocument,
    "\n  query PromoCodes {\n    promoCodes {\n      code\n      redemptions\n      maxRedemptions\n    }\n  }\n": typeof types.PromoCodesDocument,
    "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      balance {\n        balanceMillicredits\n      }\n    }\n  }\n": typeof types.GrantsCreateAccountDocument,
    "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n      idempotencyKey\n    }\n  }\n": typeof types.SettleKeyClaimDocument,
    "\n  query ActiveRatesSimulated {\n    activeRates {\n      model\n      enabled\n      simulated\n    }\n  }\n": typeof types.ActiveRatesSimulatedDocument,
    "\n  query MyProxySettings {\n    me {\n      id\n      proxySettings {\n        accountId\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        streamingHolds\n        minOutputTokens\n      }\n    }\n  }\n": typeof types.MyProxySettingsDocument,
    "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) {\n      accountId\n      requestCapMillicredits\n      sessionCapMillicredits\n      streamingHolds\n      minOutputTokens\n    }\n  }\n": typeof types.SetProxySettingsDocument,
    "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id\n      day\n      trigger\n      status\n      step\n      progressDone\n      progressTotal\n      mismatchCount\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n      }\n    }\n  }\n": typeof types.RunReconciliationDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) {\n      id\n      status\n      mismatchCount\n      findings(first: 5) {\n        check\n      }\n    }\n  }\n": typeof types.ReconciliationRunsDocument,
    "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": typeof types.OutageChargeDocument,
    "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n    }\n  }\n": typeof types.ReturnToRecordDocument,
    "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n": typeof types.ReturnToCheckoutDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      members {\n        accountId\n        role\n      }\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n      status\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation AcceptInvitation($teamId: ID!) {\n    acceptTeamInvitation(teamId: $teamId) {\n      accountId\n      role\n      status\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($teamId: ID!) {\n    declineTeamInvitation(teamId: $teamId)\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  query MyInvitations {\n    me {\n      teamInvitations {\n        teamId\n        teamName\n        accountId\n        role\n        invitedAt\n      }\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n": typeof types.SetAllocationDocument,
    "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n": typeof types.SetPolicyDocument,
    "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n      }\n      members {\n        accountId\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        heldMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n": typeof types.TeamViewDocument,
    "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n      memberAccountId\n      idempotencyKey\n    }\n  }\n": typeof types.TeamChargeDocument,
    "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) {\n      id\n      key\n    }\n  }\n": typeof types.CreateTeamKeyDocument,
    "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) {\n      id\n      purchaseId\n    }\n  }\n": typeof types.TeamCheckoutDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n    }\n  }\n": typeof types.TeamSpendDocument,
    "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      balance {\n        balanceMillicredits\n      }\n      ledger(first: 5) {\n        edges {\n          node {\n            type\n            amountMillicredits\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamAsAccountDocument,
    "\n  query MyTeams {\n    me {\n      teams {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyTeamsDocument,
    "\n  query TeamsList($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          balance {\n            balanceMillicredits\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamsListDocument,
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n": typeof types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      model\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      inputPer1k\n      cachedInputPer1k\n      outputPer1k\n      chargedMillicredits\n      costUsd\n      idempotencyKey\n    }\n  }\n": typeof types.RecordUsageDocument,
    "\n  query MyBalance {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        heldMillicredits\n        availableMillicredits\n        balanceCredits\n        balanceUsd\n      }\n    }\n  }\n": typeof types.MyBalanceDocument,
};
const documents: Documents = {
    "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysListDocument,
    "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.ApiKeysRevokeDocument,
    "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) {\n      id\n      key\n    }\n  }\n": types.ApiKeysCreateDocument,
    "\n  query ApiKeysMe {\n    me {\n      id\n    }\n  }\n": types.ApiKeysMeDocument,
    "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      hasPaymentMethod\n      notice\n    }\n  }\n": types.BillingSetAutoRechargeDocument,
    "\n  query BillingMyAutoRecharge {\n    me {\n      balance {\n        availableMillicredits\n      }\n      autoRecharge {\n        enabled\n        spentThisMonthCents\n        lastAttemptAt\n        notice\n        hasPaymentMethod\n      }\n    }\n  }\n": types.BillingMyAutoRechargeDocument,
    "\n  mutation BillingCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": types.BillingChargeDocument,
    "\n  query BillingPacks {\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n": types.BillingPacksDocument,
    "\n  query BillingPurchaseDetails($id: ID!) {\n    purchase(id: $id) {\n      id\n      status\n      packName\n      accountEmail\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      invoiceUrl\n      invoicePdfUrl\n      receiptUrl\n      ledgerEntries {\n        type\n        amountMillicredits\n      }\n      disputes {\n        id\n      }\n    }\n  }\n": types.BillingPurchaseDetailsDocument,
    "\n  mutation BillingRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n    }\n  }\n": types.BillingRefundPurchaseDocument,
    "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      creditsMillicredits\n      stripePaymentIntentId\n      receiptUrl\n    }\n  }\n": types.BillingRefulfillDocument,
    "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n": types.BillingReplayDocument,
    "\n  query BillingStale {\n    stalePurchases(olderThanMinutes: 0) {\n      id\n      status\n    }\n  }\n": types.BillingStaleDocument,
    "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) {\n      outcome\n      purchase {\n        id\n        status\n      }\n    }\n  }\n": types.BillingRefulfillStaleDocument,
    "\n  query BillingNegativeBalances {\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n  }\n": types.BillingNegativeBalancesDocument,
    "\n  mutation BillingSpend($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": types.BillingSpendDocument,
    "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n": types.BillingCreateCheckoutDocument,
    "\n  query BillingMyPurchases {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      purchases {\n        id\n        packId\n        status\n        kind\n        amountCents\n        amountPaidCents\n        refundedCents\n        creditsMillicredits\n        refundedCreditsMillicredits\n        receiptUrl\n        stripeCheckoutSessionId\n        stripePaymentIntentId\n        transactionId\n        failureReason\n        createdAt\n      }\n    }\n  }\n": types.BillingMyPurchasesDocument,
    "\n  query BillingFailedEvents {\n    failedStripeEvents(first: 50) {\n      id\n      type\n      status\n      attempts\n      lastError\n      purchaseId\n    }\n  }\n": types.BillingFailedEventsDocument,
    "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      cogsExactUsd\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsRefundedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n      heldMillicredits\n      expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) {\n      model\n      calls\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) {\n      model\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) {\n      accountId\n      label\n      revenueMillicredits\n      marginMillicredits\n    }\n    members: financeByMember(from: $from, to: $to) {\n      accountId\n      apiKeyId\n      label\n      revenueMillicredits\n    }\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n    breakageByMonth(from: $from, to: $to) {\n      month\n      expiredMillicredits\n    }\n  }\n": types.FinanceDashboardDocument,
    "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": types.FinanceRecordUsageDocument,
    "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      closingDeferredUsd\n      recognisedUsd\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        purchasedMillicredits\n        recognisedMillicredits\n        adjustedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n": types.RevenueRollForwardDocument,
    "\n  query LiabilitySplit {\n    liability {\n      outstandingMillicredits\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n    }\n  }\n": types.LiabilitySplitDocument,
    "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        priority\n        expiresAt\n        sourceTransactionId\n        allocations {\n          transactionId\n          amountMillicredits\n          purpose\n        }\n      }\n    }\n  }\n": types.AccountGrantsDocument,
    "\n  query MyGrants {\n    me {\n      grants {\n        id\n        kind\n        status\n        remainingMillicredits\n      }\n    }\n  }\n": types.MyGrantsDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n": types.VoidGrantDocument,
    "\n  mutation ExpireGrantsNow {\n    expireGrantsNow {\n      expiredGrants\n      expiredMillicredits\n    }\n  }\n": types.ExpireGrantsNowDocument,
    "\n        mutation GrantsRecordUsage($input: RecordUsageInput!) {\n          recordUsage(input: $input) {\n            chargedMillicredits\n          }\n        }\n      ": types.GrantsRecordUsageDocument,
    "\n  mutation LimitKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n    }\n  }\n": types.LimitKeyDocument,
    "\n  query KeyPeriod($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n  }\n": types.KeyPeriodDocument,
    "\n  mutation SurfaceKey($accountId: ID!, $limit: String, $models: [String!]) {\n    createApiKey(accountId: $accountId, spendLimitMillicredits: $limit, limitReset: MONTHLY, allowedModels: $models) {\n      id\n      key\n    }\n  }\n": types.SurfaceKeyDocument,
    "\n  query SurfaceKeySpent($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n    }\n  }\n": types.SurfaceKeySpentDocument,
    "\n  mutation CreateBudgetKey($accountId: ID!, $label: String, $limit: String, $reset: KeyLimitReset, $models: [String!]) {\n    createApiKey(accountId: $accountId, label: $label, spendLimitMillicredits: $limit, limitReset: $reset, allowedModels: $models) {\n      id\n      key\n    }\n  }\n": types.CreateBudgetKeyDocument,
    "\n  mutation UpdateBudgetKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n    }\n  }\n": types.UpdateBudgetKeyDocument,
    "\n  query BudgetKeys($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n    me {\n      balance {\n        availableMillicredits\n      }\n    }\n  }\n": types.BudgetKeysDocument,
    "\n  mutation RecordOnKey($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n": types.RecordOnKeyDocument,
    "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": types.MetricsRecordUsageDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n    }\n  }\n": types.CreatePromoCodeDocument,
    "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      referenceId\n    }\n  }\n": types.RedeemPromoCodeDocument,
    "\n  query PromoCodes {\n    promoCodes {\n      code\n      redemptions\n      maxRedemptions\n    }\n  }\n": types.PromoCodesDocument,
    "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      balance {\n        balanceMillicredits\n      }\n    }\n  }\n": types.GrantsCreateAccountDocument,
    "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n      idempotencyKey\n    }\n  }\n": types.SettleKeyClaimDocument,
    "\n  query ActiveRatesSimulated {\n    activeRates {\n      model\n      enabled\n      simulated\n    }\n  }\n": types.ActiveRatesSimulatedDocument,
    "\n  query MyProxySettings {\n    me {\n      id\n      proxySettings {\n        accountId\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        streamingHolds\n        minOutputTokens\n      }\n    }\n  }\n": types.MyProxySettingsDocument,
    "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) {\n      accountId\n      requestCapMillicredits\n      sessionCapMillicredits\n      streamingHolds\n      minOutputTokens\n    }\n  }\n": types.SetProxySettingsDocument,
    "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id\n      day\n      trigger\n      status\n      step\n      progressDone\n      progressTotal\n      mismatchCount\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n      }\n    }\n  }\n": types.RunReconciliationDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) {\n      id\n      status\n      mismatchCount\n      findings(first: 5) {\n        check\n      }\n    }\n  }\n": types.ReconciliationRunsDocument,
    "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n": types.OutageChargeDocument,
    "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n    }\n  }\n": types.ReturnToRecordDocument,
    "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n": types.ReturnToCheckoutDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      members {\n        accountId\n        role\n      }\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n      status\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation AcceptInvitation($teamId: ID!) {\n    acceptTeamInvitation(teamId: $teamId) {\n      accountId\n      role\n      status\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($teamId: ID!) {\n    declineTeamInvitation(teamId: $teamId)\n  }\n": types.DeclineInvitationDocument,
    "\n  query MyInvitations {\n    me {\n      teamInvitations {\n        teamId\n        teamName\n        accountId\n        role\n        invitedAt\n      }\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n": types.SetAllocationDocument,
    "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n": types.SetPolicyDocument,
    "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n      }\n      members {\n        accountId\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        heldMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n": types.TeamViewDocument,
    "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n      memberAccountId\n      idempotencyKey\n    }\n  }\n": types.TeamChargeDocument,
    "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) {\n      id\n      key\n    }\n  }\n": types.CreateTeamKeyDocument,
    "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) {\n      id\n      purchaseId\n    }\n  }\n": types.TeamCheckoutDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n    }\n  }\n": types.TeamSpendDocument,
    "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      balance {\n        balanceMillicredits\n      }\n      ledger(first: 5) {\n        edges {\n          node {\n            type\n            amountMillicredits\n          }\n        }\n      }\n    }\n  }\n": types.TeamAsAccountDocument,
    "\n  query MyTeams {\n    me {\n      teams {\n        id\n        name\n      }\n    }\n  }\n": types.MyTeamsDocument,
    "\n  query TeamsList($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          balance {\n            balanceMillicredits\n          }\n        }\n      }\n    }\n  }\n": types.TeamsListDocument,
    "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n": types.ChargeDocument,
    "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      model\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      inputPer1k\n      cachedInputPer1k\n      outputPer1k\n      chargedMillicredits\n      costUsd\n      idempotencyKey\n    }\n  }\n": types.RecordUsageDocument,
    "\n  query MyBalance {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        heldMillicredits\n        availableMillicredits\n        balanceCredits\n        balanceUsd\n      }\n    }\n  }\n": types.MyBalanceDocument,
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
export function graphql(source: "\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysList($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      accountId\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation ApiKeysCreate($accountId: ID!, $role: Role, $label: String) {\n    createApiKey(accountId: $accountId, role: $role, label: $label) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeysMe {\n    me {\n      id\n    }\n  }\n"): (typeof documents)["\n  query ApiKeysMe {\n    me {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      hasPaymentMethod\n      notice\n    }\n  }\n"): (typeof documents)["\n  mutation BillingSetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      hasPaymentMethod\n      notice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingMyAutoRecharge {\n    me {\n      balance {\n        availableMillicredits\n      }\n      autoRecharge {\n        enabled\n        spentThisMonthCents\n        lastAttemptAt\n        notice\n        hasPaymentMethod\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingMyAutoRecharge {\n    me {\n      balance {\n        availableMillicredits\n      }\n      autoRecharge {\n        enabled\n        spentThisMonthCents\n        lastAttemptAt\n        notice\n        hasPaymentMethod\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation BillingCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingPacks {\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n"): (typeof documents)["\n  query BillingPacks {\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingPurchaseDetails($id: ID!) {\n    purchase(id: $id) {\n      id\n      status\n      packName\n      accountEmail\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      invoiceUrl\n      invoicePdfUrl\n      receiptUrl\n      ledgerEntries {\n        type\n        amountMillicredits\n      }\n      disputes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingPurchaseDetails($id: ID!) {\n    purchase(id: $id) {\n      id\n      status\n      packName\n      accountEmail\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      invoiceUrl\n      invoicePdfUrl\n      receiptUrl\n      ledgerEntries {\n        type\n        amountMillicredits\n      }\n      disputes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n    }\n  }\n"): (typeof documents)["\n  mutation BillingRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      creditsMillicredits\n      stripePaymentIntentId\n      receiptUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BillingRefulfill($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      creditsMillicredits\n      stripePaymentIntentId\n      receiptUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BillingReplay($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingStale {\n    stalePurchases(olderThanMinutes: 0) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query BillingStale {\n    stalePurchases(olderThanMinutes: 0) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) {\n      outcome\n      purchase {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BillingRefulfillStale($reason: String!) {\n    refulfillStalePurchases(reason: $reason, olderThanMinutes: 0) {\n      outcome\n      purchase {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingNegativeBalances {\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n  }\n"): (typeof documents)["\n  query BillingNegativeBalances {\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingSpend($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation BillingSpend($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n"): (typeof documents)["\n  mutation BillingCreateCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingMyPurchases {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      purchases {\n        id\n        packId\n        status\n        kind\n        amountCents\n        amountPaidCents\n        refundedCents\n        creditsMillicredits\n        refundedCreditsMillicredits\n        receiptUrl\n        stripeCheckoutSessionId\n        stripePaymentIntentId\n        transactionId\n        failureReason\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query BillingMyPurchases {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      purchases {\n        id\n        packId\n        status\n        kind\n        amountCents\n        amountPaidCents\n        refundedCents\n        creditsMillicredits\n        refundedCreditsMillicredits\n        receiptUrl\n        stripeCheckoutSessionId\n        stripePaymentIntentId\n        transactionId\n        failureReason\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingFailedEvents {\n    failedStripeEvents(first: 50) {\n      id\n      type\n      status\n      attempts\n      lastError\n      purchaseId\n    }\n  }\n"): (typeof documents)["\n  query BillingFailedEvents {\n    failedStripeEvents(first: 50) {\n      id\n      type\n      status\n      attempts\n      lastError\n      purchaseId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      cogsExactUsd\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsRefundedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n      heldMillicredits\n      expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) {\n      model\n      calls\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) {\n      model\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) {\n      accountId\n      label\n      revenueMillicredits\n      marginMillicredits\n    }\n    members: financeByMember(from: $from, to: $to) {\n      accountId\n      apiKeyId\n      label\n      revenueMillicredits\n    }\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n    breakageByMonth(from: $from, to: $to) {\n      month\n      expiredMillicredits\n    }\n  }\n"): (typeof documents)["\n  query FinanceDashboard($from: DateTime!, $to: DateTime!) {\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      cogsExactUsd\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsRefundedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n      heldMillicredits\n      expiringNext30DaysMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST) {\n      model\n      calls\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE) {\n      model\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, limit: 1) {\n      accountId\n      label\n      revenueMillicredits\n      marginMillicredits\n    }\n    members: financeByMember(from: $from, to: $to) {\n      accountId\n      apiKeyId\n      label\n      revenueMillicredits\n    }\n    negativeBalances {\n      accountId\n      balanceMillicredits\n    }\n    breakageByMonth(from: $from, to: $to) {\n      month\n      expiredMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation FinanceRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      closingDeferredUsd\n      recognisedUsd\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        purchasedMillicredits\n        recognisedMillicredits\n        adjustedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n"): (typeof documents)["\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      closingDeferredUsd\n      recognisedUsd\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        purchasedMillicredits\n        recognisedMillicredits\n        adjustedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiabilitySplit {\n    liability {\n      outstandingMillicredits\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n    }\n  }\n"): (typeof documents)["\n  query LiabilitySplit {\n    liability {\n      outstandingMillicredits\n      paidMillicredits\n      promotionalMillicredits\n      adjustmentsMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        priority\n        expiresAt\n        sourceTransactionId\n        allocations {\n          transactionId\n          amountMillicredits\n          purpose\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountGrants($id: ID!, $includeClosed: Boolean) {\n    account(id: $id) {\n      grants(includeClosed: $includeClosed) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        priority\n        expiresAt\n        sourceTransactionId\n        allocations {\n          transactionId\n          amountMillicredits\n          purpose\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyGrants {\n    me {\n      grants {\n        id\n        kind\n        status\n        remainingMillicredits\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyGrants {\n    me {\n      grants {\n        id\n        kind\n        status\n        remainingMillicredits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpireGrantsNow {\n    expireGrantsNow {\n      expiredGrants\n      expiredMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation ExpireGrantsNow {\n    expireGrantsNow {\n      expiredGrants\n      expiredMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation GrantsRecordUsage($input: RecordUsageInput!) {\n          recordUsage(input: $input) {\n            chargedMillicredits\n          }\n        }\n      "): (typeof documents)["\n        mutation GrantsRecordUsage($input: RecordUsageInput!) {\n          recordUsage(input: $input) {\n            chargedMillicredits\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation LimitKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyPeriod($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n  }\n"): (typeof documents)["\n  query KeyPeriod($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SurfaceKey($accountId: ID!, $limit: String, $models: [String!]) {\n    createApiKey(accountId: $accountId, spendLimitMillicredits: $limit, limitReset: MONTHLY, allowedModels: $models) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation SurfaceKey($accountId: ID!, $limit: String, $models: [String!]) {\n    createApiKey(accountId: $accountId, spendLimitMillicredits: $limit, limitReset: MONTHLY, allowedModels: $models) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SurfaceKeySpent($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n    }\n  }\n"): (typeof documents)["\n  query SurfaceKeySpent($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      spentThisPeriodMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBudgetKey($accountId: ID!, $label: String, $limit: String, $reset: KeyLimitReset, $models: [String!]) {\n    createApiKey(accountId: $accountId, label: $label, spendLimitMillicredits: $limit, limitReset: $reset, allowedModels: $models) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBudgetKey($accountId: ID!, $label: String, $limit: String, $reset: KeyLimitReset, $models: [String!]) {\n    createApiKey(accountId: $accountId, label: $label, spendLimitMillicredits: $limit, limitReset: $reset, allowedModels: $models) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBudgetKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBudgetKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BudgetKeys($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n    me {\n      balance {\n        availableMillicredits\n      }\n    }\n  }\n"): (typeof documents)["\n  query BudgetKeys($accountId: ID) {\n    apiKeys(accountId: $accountId) {\n      id\n      label\n      spendLimitMillicredits\n      limitReset\n      allowedModels\n      spentThisPeriodMillicredits\n      periodResetsAt\n    }\n    me {\n      balance {\n        availableMillicredits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordOnKey($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation RecordOnKey($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation MetricsRecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      referenceId\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemPromoCode($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      referenceId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromoCodes {\n    promoCodes {\n      code\n      redemptions\n      maxRedemptions\n    }\n  }\n"): (typeof documents)["\n  query PromoCodes {\n    promoCodes {\n      code\n      redemptions\n      maxRedemptions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      balance {\n        balanceMillicredits\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GrantsCreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      balance {\n        balanceMillicredits\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n      idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  mutation SettleKeyClaim($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n      idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveRatesSimulated {\n    activeRates {\n      model\n      enabled\n      simulated\n    }\n  }\n"): (typeof documents)["\n  query ActiveRatesSimulated {\n    activeRates {\n      model\n      enabled\n      simulated\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProxySettings {\n    me {\n      id\n      proxySettings {\n        accountId\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        streamingHolds\n        minOutputTokens\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProxySettings {\n    me {\n      id\n      proxySettings {\n        accountId\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        streamingHolds\n        minOutputTokens\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) {\n      accountId\n      requestCapMillicredits\n      sessionCapMillicredits\n      streamingHolds\n      minOutputTokens\n    }\n  }\n"): (typeof documents)["\n  mutation SetProxySettings($accountId: ID, $input: ProxySettingsInput!) {\n    setProxySettings(accountId: $accountId, input: $input) {\n      accountId\n      requestCapMillicredits\n      sessionCapMillicredits\n      streamingHolds\n      minOutputTokens\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id\n      day\n      trigger\n      status\n      step\n      progressDone\n      progressTotal\n      mismatchCount\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RunReconciliation($day: String, $wait: Boolean!) {\n    runReconciliation(day: $day, wait: $wait) {\n      id\n      day\n      trigger\n      status\n      step\n      progressDone\n      progressTotal\n      mismatchCount\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) {\n      id\n      status\n      mismatchCount\n      findings(first: 5) {\n        check\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReconciliationRuns {\n    reconciliationRuns(first: 10) {\n      id\n      status\n      mismatchCount\n      findings(first: 5) {\n        check\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation OutageCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnToRecord($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnToCheckout($packId: ID!, $returnTo: String) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo) {\n      id\n      url\n      purchaseId\n      testMode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      members {\n        accountId\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n      }\n      members {\n        accountId\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AddMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($teamId: ID!) {\n    acceptTeamInvitation(teamId: $teamId) {\n      accountId\n      role\n      status\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($teamId: ID!) {\n    acceptTeamInvitation(teamId: $teamId) {\n      accountId\n      role\n      status\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      removedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($teamId: ID!) {\n    declineTeamInvitation(teamId: $teamId)\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($teamId: ID!) {\n    declineTeamInvitation(teamId: $teamId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    me {\n      teamInvitations {\n        teamId\n        teamName\n        accountId\n        role\n        invitedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations {\n    me {\n      teamInvitations {\n        teamId\n        teamName\n        accountId\n        role\n        invitedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation SetAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      spentThisPeriodMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n      }\n      members {\n        accountId\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        heldMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamView($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n      }\n      members {\n        accountId\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        heldMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n      memberAccountId\n      idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  mutation TeamCharge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n      memberAccountId\n      idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) {\n      id\n      key\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeamKey($teamId: ID!, $accountId: ID, $label: String) {\n    createTeamApiKey(teamId: $teamId, accountId: $accountId, label: $label) {\n      id\n      key\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) {\n      id\n      purchaseId\n    }\n  }\n"): (typeof documents)["\n  mutation TeamCheckout($packId: ID!, $accountId: ID) {\n    createCheckoutSession(packId: $packId, accountId: $accountId) {\n      id\n      purchaseId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      balance {\n        balanceMillicredits\n      }\n      ledger(first: 5) {\n        edges {\n          node {\n            type\n            amountMillicredits\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamAsAccount($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      balance {\n        balanceMillicredits\n      }\n      ledger(first: 5) {\n        edges {\n          node {\n            type\n            amountMillicredits\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTeams {\n    me {\n      teams {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTeams {\n    me {\n      teams {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsList($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          balance {\n            balanceMillicredits\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamsList($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          memberCount\n          balance {\n            balanceMillicredits\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n"): (typeof documents)["\n  mutation Charge($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      chargedMillicredits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      model\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      inputPer1k\n      cachedInputPer1k\n      outputPer1k\n      chargedMillicredits\n      costUsd\n      idempotencyKey\n    }\n  }\n"): (typeof documents)["\n  mutation RecordUsage($input: RecordUsageInput!) {\n    recordUsage(input: $input) {\n      id\n      model\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      inputPer1k\n      cachedInputPer1k\n      outputPer1k\n      chargedMillicredits\n      costUsd\n      idempotencyKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBalance {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        heldMillicredits\n        availableMillicredits\n        balanceCredits\n        balanceUsd\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBalance {\n    me {\n      id\n      balance {\n        balanceMillicredits\n        heldMillicredits\n        availableMillicredits\n        balanceCredits\n        balanceUsd\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;