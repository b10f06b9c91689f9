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
    "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          createdAt\n          balance {\n            balanceMillicredits\n            availableMillicredits\n            heldMillicredits\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccountsDocument,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id\n      email\n      name\n      createdAt\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n        lastAttemptAt\n      }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            amountMillicredits\n            balanceAfterMillicredits\n            reason\n            referenceId\n            reversalOfId\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AccountLedgerDocument,
    "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            inputPer1k\n            cachedInputPer1k\n            outputPer1k\n            chargedMillicredits\n            costUsd\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AccountUsageDocument,
    "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases {\n        id\n        createdAt\n        packId\n        kind\n        status\n        amountCents\n        amountPaidCents\n        currency\n        creditsMillicredits\n        refundedCents\n        receiptUrl\n        fulfilledAt\n        failureReason\n      }\n    }\n  }\n": typeof types.AccountPurchasesDocument,
    "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        expiresAt\n        createdAt\n        priority\n      }\n    }\n  }\n": typeof types.AccountGrantsDocument,
    "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n": typeof types.AccountBalanceDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      reason\n      referenceId\n      createdAt\n    }\n  }\n": typeof types.AdjustBalanceDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n": typeof types.VoidGrantDocument,
    "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) {\n      id\n      key\n    }\n  }\n": typeof types.CreateAccountApiKeyDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      email\n      name\n      createdAt\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  query AccountApiKeys($accountId: ID!) {\n    apiKeys(accountId: $accountId) {\n      id\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.AccountApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          createdAt\n          action\n          actorKind\n          actorLabel\n          actorRole\n          targetType\n          targetId\n          targetLabel\n          reason\n          before\n          after\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": typeof types.AuditActionsDocument,
    "\n  query AuditChain {\n    auditChain {\n      ok\n      entries\n      firstBrokenId\n      headHash\n      checkedAt\n    }\n  }\n": typeof types.AuditChainDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    refusalsDaily(from: $from, to: $to) {\n      date\n      graphql\n      proxy\n      total\n    }\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n      creditsRefundedMillicredits\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) {\n      key\n      accountId\n      label\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      paidUsd\n      promotionalMillicredits\n      promotionalUsd\n      adjustmentsMillicredits\n      adjustmentsUsd\n      expiringNext30DaysMillicredits\n      heldMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) {\n      month\n      expiredMillicredits\n      expiredUsd\n      entries\n    }\n    reconciliationRuns(first: 1) {\n      id\n      day\n      status\n      mismatchCount\n      startedAt\n      finishedAt\n      trigger\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query PromoCodes {\n    promoCodes(first: 500) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n": typeof types.PromoCodesDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n": typeof types.CreatePromoCodeDocument,
    "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          accountId\n          accountEmail\n          createdAt\n          packId\n          packName\n          kind\n          status\n          amountCents\n          amountPaidCents\n          taxCents\n          creditsMillicredits\n          refundedCents\n          receiptUrl\n          invoiceUrl\n          failureReason\n          fulfilledAt\n        }\n      }\n    }\n  }\n": typeof types.StaffPurchasesDocument,
    "\n  query StaffPurchase($id: ID!) {\n    purchase(id: $id) {\n      id\n      accountId\n      accountEmail\n      createdAt\n      fulfilledAt\n      packId\n      packName\n      kind\n      status\n      currency\n      amountCents\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      receiptUrl\n      invoiceUrl\n      invoicePdfUrl\n      stripeCheckoutSessionId\n      stripePaymentIntentId\n      transactionId\n      failureReason\n      ledgerEntries {\n        id\n        type\n        amountMillicredits\n        balanceAfterMillicredits\n        reason\n        createdAt\n      }\n      disputes {\n        id\n        status\n        amountCents\n        creditsMillicredits\n        reason\n        openedAt\n        closedAt\n      }\n    }\n  }\n": typeof types.StaffPurchaseDocument,
    "\n  mutation StaffRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n      refundableCents\n    }\n  }\n": typeof types.StaffRefundPurchaseDocument,
    "\n  query RateCards {\n    rateCards {\n      id\n      version\n      name\n      active\n      enabled\n      createdAt\n      activatedAt\n      rates {\n        model\n        inputPer1k\n        cachedInputPer1k\n        outputPer1k\n        costInputPer1kUsd\n        costCachedInputPer1kUsd\n        costOutputPer1kUsd\n        maxOutputTokens\n        enabled\n        simulated\n      }\n    }\n  }\n": typeof types.RateCardsDocument,
    "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) {\n      id\n      version\n      name\n      active\n    }\n  }\n": typeof types.PublishRateCardDocument,
    "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) {\n      id\n      version\n      active\n    }\n  }\n": typeof types.ActivateRateCardDocument,
    "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n": typeof types.SetRateCardEnabledDocument,
    "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) {\n      model\n      enabled\n    }\n  }\n": typeof types.SetModelEnabledDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n    }\n  }\n": typeof types.ReconciliationRunsDocument,
    "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings(first: 200) {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n        createdAt\n      }\n    }\n  }\n": typeof types.ReconciliationRunDocument,
    "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) {\n      id\n      status\n    }\n  }\n": typeof types.RunReconciliationDocument,
    "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n": typeof types.RevenueRollForwardDocument,
    "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          role\n          disabled\n          lastSignInAt\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n": typeof types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.StaffUserDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.UpdateStaffUserDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    timeZone\n    memberCount\n    createdAt\n    balance {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n    policy {\n      requestCapMillicredits\n      sessionCapMillicredits\n      sessionWindowSeconds\n      allowedModels\n    }\n  }\n": typeof types.TeamFieldsFragmentDoc,
    "\n  query Teams($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  query Team($id: ID!) {\n    team(id: $id) {\n      ...TeamFields\n    }\n  }\n": typeof types.TeamDocument,
    "\n  query TeamMembers($id: ID!) {\n    team(id: $id) {\n      id\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        heldMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        addedAt\n        removedAt\n      }\n    }\n  }\n": typeof types.TeamMembersDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n      costUsd\n    }\n  }\n": typeof types.TeamSpendDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation AddTeamMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n    }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  mutation SetMemberAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n": typeof types.SetMemberAllocationDocument,
    "\n  mutation SetTeamPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n": typeof types.SetTeamPolicyDocument,
    "\n  query TeamPolicyModels {\n    activeRates {\n      model\n    }\n  }\n": typeof types.TeamPolicyModelsDocument,
    "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) {\n      id\n      type\n      status\n      source\n      attempts\n      lastError\n      receivedAt\n      processedAt\n      purchaseId\n    }\n    stalePurchases(first: 100, olderThanMinutes: 15) {\n      id\n      accountId\n      packId\n      status\n      amountCents\n      creditsMillicredits\n      createdAt\n      stripeCheckoutSessionId\n    }\n  }\n": typeof types.WebhooksPageDocument,
    "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n": typeof types.ReplayStripeEventDocument,
    "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      fulfilledAt\n    }\n  }\n": typeof types.RefulfillPurchaseDocument,
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      createdAt\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n      }\n      purchases {\n        id\n        createdAt\n        packId\n        creditsMillicredits\n        amountCents\n        amountPaidCents\n        currency\n        status\n        receiptUrl\n        refundedCents\n        kind\n        subtotalCents\n        taxCents\n        totalCents\n        invoiceUrl\n        invoicePdfUrl\n      }\n      teams {\n        id\n        name\n      }\n    }\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n": typeof types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n": typeof types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String, $accountId: ID) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo, accountId: $accountId) {\n      id\n      url\n      testMode\n    }\n  }\n": typeof types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      amountMillicredits\n      balanceAfterMillicredits\n    }\n  }\n": typeof types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      hasPaymentMethod\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      spentThisMonthCents\n      notice\n      noticeAt\n    }\n  }\n": typeof types.SetOwnAutoRechargeDocument,
    "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) {\n      kind\n      accountId\n    }\n  }\n": typeof types.CreditsSignInWithKeyDocument,
    "\n  mutation CreditsSignOut {\n    signOut\n  }\n": typeof types.CreditsSignOutDocument,
    "\n  query CreditsTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n": typeof types.CreditsTeamDocument,
    "\n  query CreditsUsageHistory($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            apiKeyId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    apiKeys {\n      id\n      label\n    }\n  }\n": typeof types.CreditsUsageHistoryDocument,
    "\n  query CreditsUsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageGroup!]!, $accountId: ID) {\n    usageReport(from: $from, to: $to, groupBy: $groupBy, accountId: $accountId) {\n      apiKeyId\n      apiKeyLabel\n      memberAccountId\n      memberEmail\n      model\n      calls\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      chargedMillicredits\n    }\n  }\n": typeof types.CreditsUsageReportDocument,
    "\n  query CreditsExpiring {\n    me {\n      id\n      grants {\n        id\n        kind\n        remainingMillicredits\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreditsExpiringDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    accountId\n    url\n    description\n    events\n    createdAt\n    disabledAt\n    disabledReason\n    failingSince\n    lastSuccessAt\n    lastFailureAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints($accountId: ID, $allAccounts: Boolean) {\n    webhookEndpoints(accountId: $accountId, allAccounts: $allAccounts) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          eventId\n          eventType\n          eventCreatedAt\n          status\n          attempts\n          nextAttemptAt\n          lastAttemptAt\n          lastStatusCode\n          lastError\n          deliveredAt\n          attemptLog {\n            attemptedAt\n            statusCode\n            durationMs\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $graceSeconds: Int) {\n    rotateWebhookEndpointSecret(id: $id, graceSeconds: $graceSeconds) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId)\n  }\n": typeof types.RedeliverWebhookEventDocument,
    "\n  mutation SetLowBalanceThresholds($accountId: ID, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {\n    setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $thresholdsMillicredits, thresholdsPercent: $thresholdsPercent) {\n      thresholdMillicredits\n      percent\n      custom\n      alerted\n    }\n  }\n": typeof types.SetLowBalanceThresholdsDocument,
};
const documents: Documents = {
    "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          createdAt\n          balance {\n            balanceMillicredits\n            availableMillicredits\n            heldMillicredits\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n": types.AccountsDocument,
    "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id\n      email\n      name\n      createdAt\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n        lastAttemptAt\n      }\n    }\n  }\n": types.AccountDocument,
    "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            amountMillicredits\n            balanceAfterMillicredits\n            reason\n            referenceId\n            reversalOfId\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AccountLedgerDocument,
    "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            inputPer1k\n            cachedInputPer1k\n            outputPer1k\n            chargedMillicredits\n            costUsd\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AccountUsageDocument,
    "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases {\n        id\n        createdAt\n        packId\n        kind\n        status\n        amountCents\n        amountPaidCents\n        currency\n        creditsMillicredits\n        refundedCents\n        receiptUrl\n        fulfilledAt\n        failureReason\n      }\n    }\n  }\n": types.AccountPurchasesDocument,
    "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        expiresAt\n        createdAt\n        priority\n      }\n    }\n  }\n": types.AccountGrantsDocument,
    "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n": types.AccountBalanceDocument,
    "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      reason\n      referenceId\n      createdAt\n    }\n  }\n": types.AdjustBalanceDocument,
    "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n": types.VoidGrantDocument,
    "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) {\n      id\n      key\n    }\n  }\n": types.CreateAccountApiKeyDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      email\n      name\n      createdAt\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n    }\n  }\n": types.CreateAccountDocument,
    "\n  query AccountApiKeys($accountId: ID!) {\n    apiKeys(accountId: $accountId) {\n      id\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.AccountApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          createdAt\n          action\n          actorKind\n          actorLabel\n          actorRole\n          targetType\n          targetId\n          targetLabel\n          reason\n          before\n          after\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": types.AuditActionsDocument,
    "\n  query AuditChain {\n    auditChain {\n      ok\n      entries\n      firstBrokenId\n      headHash\n      checkedAt\n    }\n  }\n": types.AuditChainDocument,
    "\n  query Viewer {\n    viewer {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    refusalsDaily(from: $from, to: $to) {\n      date\n      graphql\n      proxy\n      total\n    }\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n      creditsRefundedMillicredits\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) {\n      key\n      accountId\n      label\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      paidUsd\n      promotionalMillicredits\n      promotionalUsd\n      adjustmentsMillicredits\n      adjustmentsUsd\n      expiringNext30DaysMillicredits\n      heldMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) {\n      month\n      expiredMillicredits\n      expiredUsd\n      entries\n    }\n    reconciliationRuns(first: 1) {\n      id\n      day\n      status\n      mismatchCount\n      startedAt\n      finishedAt\n      trigger\n    }\n  }\n": types.DashboardDocument,
    "\n  query PromoCodes {\n    promoCodes(first: 500) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n": types.PromoCodesDocument,
    "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n": types.CreatePromoCodeDocument,
    "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          accountId\n          accountEmail\n          createdAt\n          packId\n          packName\n          kind\n          status\n          amountCents\n          amountPaidCents\n          taxCents\n          creditsMillicredits\n          refundedCents\n          receiptUrl\n          invoiceUrl\n          failureReason\n          fulfilledAt\n        }\n      }\n    }\n  }\n": types.StaffPurchasesDocument,
    "\n  query StaffPurchase($id: ID!) {\n    purchase(id: $id) {\n      id\n      accountId\n      accountEmail\n      createdAt\n      fulfilledAt\n      packId\n      packName\n      kind\n      status\n      currency\n      amountCents\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      receiptUrl\n      invoiceUrl\n      invoicePdfUrl\n      stripeCheckoutSessionId\n      stripePaymentIntentId\n      transactionId\n      failureReason\n      ledgerEntries {\n        id\n        type\n        amountMillicredits\n        balanceAfterMillicredits\n        reason\n        createdAt\n      }\n      disputes {\n        id\n        status\n        amountCents\n        creditsMillicredits\n        reason\n        openedAt\n        closedAt\n      }\n    }\n  }\n": types.StaffPurchaseDocument,
    "\n  mutation StaffRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n      refundableCents\n    }\n  }\n": types.StaffRefundPurchaseDocument,
    "\n  query RateCards {\n    rateCards {\n      id\n      version\n      name\n      active\n      enabled\n      createdAt\n      activatedAt\n      rates {\n        model\n        inputPer1k\n        cachedInputPer1k\n        outputPer1k\n        costInputPer1kUsd\n        costCachedInputPer1kUsd\n        costOutputPer1kUsd\n        maxOutputTokens\n        enabled\n        simulated\n      }\n    }\n  }\n": types.RateCardsDocument,
    "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) {\n      id\n      version\n      name\n      active\n    }\n  }\n": types.PublishRateCardDocument,
    "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) {\n      id\n      version\n      active\n    }\n  }\n": types.ActivateRateCardDocument,
    "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n": types.SetRateCardEnabledDocument,
    "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) {\n      model\n      enabled\n    }\n  }\n": types.SetModelEnabledDocument,
    "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n    }\n  }\n": types.ReconciliationRunsDocument,
    "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings(first: 200) {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n        createdAt\n      }\n    }\n  }\n": types.ReconciliationRunDocument,
    "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) {\n      id\n      status\n    }\n  }\n": types.RunReconciliationDocument,
    "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n": types.RevenueRollForwardDocument,
    "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          role\n          disabled\n          lastSignInAt\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n": types.StaffUsersDocument,
    "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": types.StaffUserDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n": types.UpdateStaffUserDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    timeZone\n    memberCount\n    createdAt\n    balance {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n    policy {\n      requestCapMillicredits\n      sessionCapMillicredits\n      sessionWindowSeconds\n      allowedModels\n    }\n  }\n": types.TeamFieldsFragmentDoc,
    "\n  query Teams($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n": types.TeamsDocument,
    "\n  query Team($id: ID!) {\n    team(id: $id) {\n      ...TeamFields\n    }\n  }\n": types.TeamDocument,
    "\n  query TeamMembers($id: ID!) {\n    team(id: $id) {\n      id\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        heldMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        addedAt\n        removedAt\n      }\n    }\n  }\n": types.TeamMembersDocument,
    "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n      costUsd\n    }\n  }\n": types.TeamSpendDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation AddTeamMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n    }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  mutation SetMemberAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n": types.SetMemberAllocationDocument,
    "\n  mutation SetTeamPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n": types.SetTeamPolicyDocument,
    "\n  query TeamPolicyModels {\n    activeRates {\n      model\n    }\n  }\n": types.TeamPolicyModelsDocument,
    "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) {\n      id\n      type\n      status\n      source\n      attempts\n      lastError\n      receivedAt\n      processedAt\n      purchaseId\n    }\n    stalePurchases(first: 100, olderThanMinutes: 15) {\n      id\n      accountId\n      packId\n      status\n      amountCents\n      creditsMillicredits\n      createdAt\n      stripeCheckoutSessionId\n    }\n  }\n": types.WebhooksPageDocument,
    "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n": types.ReplayStripeEventDocument,
    "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      fulfilledAt\n    }\n  }\n": types.RefulfillPurchaseDocument,
    "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      createdAt\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n      }\n      purchases {\n        id\n        createdAt\n        packId\n        creditsMillicredits\n        amountCents\n        amountPaidCents\n        currency\n        status\n        receiptUrl\n        refundedCents\n        kind\n        subtotalCents\n        taxCents\n        totalCents\n        invoiceUrl\n        invoicePdfUrl\n      }\n      teams {\n        id\n        name\n      }\n    }\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n": types.CreditsPageDocument,
    "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.CreditsUsageDocument,
    "\n  subscription CreditsBalance {\n    balanceUpdated {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n": types.CreditsBalanceDocument,
    "\n  mutation BuyPack($packId: ID!, $returnTo: String, $accountId: ID) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo, accountId: $accountId) {\n      id\n      url\n      testMode\n    }\n  }\n": types.BuyPackDocument,
    "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      amountMillicredits\n      balanceAfterMillicredits\n    }\n  }\n": types.RedeemPromoDocument,
    "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      hasPaymentMethod\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      spentThisMonthCents\n      notice\n      noticeAt\n    }\n  }\n": types.SetOwnAutoRechargeDocument,
    "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) {\n      kind\n      accountId\n    }\n  }\n": types.CreditsSignInWithKeyDocument,
    "\n  mutation CreditsSignOut {\n    signOut\n  }\n": types.CreditsSignOutDocument,
    "\n  query CreditsTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n": types.CreditsTeamDocument,
    "\n  query CreditsUsageHistory($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            apiKeyId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    apiKeys {\n      id\n      label\n    }\n  }\n": types.CreditsUsageHistoryDocument,
    "\n  query CreditsUsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageGroup!]!, $accountId: ID) {\n    usageReport(from: $from, to: $to, groupBy: $groupBy, accountId: $accountId) {\n      apiKeyId\n      apiKeyLabel\n      memberAccountId\n      memberEmail\n      model\n      calls\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      chargedMillicredits\n    }\n  }\n": types.CreditsUsageReportDocument,
    "\n  query CreditsExpiring {\n    me {\n      id\n      grants {\n        id\n        kind\n        remainingMillicredits\n        expiresAt\n      }\n    }\n  }\n": types.CreditsExpiringDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    accountId\n    url\n    description\n    events\n    createdAt\n    disabledAt\n    disabledReason\n    failingSince\n    lastSuccessAt\n    lastFailureAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints($accountId: ID, $allAccounts: Boolean) {\n    webhookEndpoints(accountId: $accountId, allAccounts: $allAccounts) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          eventId\n          eventType\n          eventCreatedAt\n          status\n          attempts\n          nextAttemptAt\n          lastAttemptAt\n          lastStatusCode\n          lastError\n          deliveredAt\n          attemptLog {\n            attemptedAt\n            statusCode\n            durationMs\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $graceSeconds: Int) {\n    rotateWebhookEndpointSecret(id: $id, graceSeconds: $graceSeconds) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId)\n  }\n": types.RedeliverWebhookEventDocument,
    "\n  mutation SetLowBalanceThresholds($accountId: ID, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {\n    setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $thresholdsMillicredits, thresholdsPercent: $thresholdsPercent) {\n      thresholdMillicredits\n      percent\n      custom\n      alerted\n    }\n  }\n": types.SetLowBalanceThresholdsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Accounts($search: String, $orderBy: AccountOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    accounts(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          createdAt\n          balance {\n            balanceMillicredits\n            availableMillicredits\n            heldMillicredits\n            updatedAt\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account($id: ID!) {\n    account(id: $id) {\n      id\n      email\n      name\n      createdAt\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n        lastAttemptAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountLedger($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            type\n            amountMillicredits\n            balanceAfterMillicredits\n            reason\n            referenceId\n            reversalOfId\n            createdAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountUsage($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            inputPer1k\n            cachedInputPer1k\n            outputPer1k\n            chargedMillicredits\n            costUsd\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPurchases($id: ID!) {\n    account(id: $id) {\n      id\n      purchases {\n        id\n        createdAt\n        packId\n        kind\n        status\n        amountCents\n        amountPaidCents\n        currency\n        creditsMillicredits\n        refundedCents\n        receiptUrl\n        fulfilledAt\n        failureReason\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountPurchasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountGrants($id: ID!) {\n    account(id: $id) {\n      id\n      grants(includeClosed: true) {\n        id\n        kind\n        status\n        amountMillicredits\n        remainingMillicredits\n        expiresAt\n        createdAt\n        priority\n      }\n    }\n  }\n"): typeof import('./graphql.js').AccountGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccountBalance($accountId: ID!) {\n    balanceUpdated(accountId: $accountId) {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').AccountBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustBalance($input: AdjustBalanceInput!) {\n    adjustBalance(input: $input) {\n      id\n      type\n      amountMillicredits\n      balanceAfterMillicredits\n      reason\n      referenceId\n      createdAt\n    }\n  }\n"): typeof import('./graphql.js').AdjustBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidGrant($grantId: ID!, $reason: String!) {\n    voidGrant(grantId: $grantId, reason: $reason) {\n      id\n      status\n      remainingMillicredits\n    }\n  }\n"): typeof import('./graphql.js').VoidGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccountApiKey($accountId: ID!, $role: Role) {\n    createApiKey(accountId: $accountId, role: $role) {\n      id\n      key\n    }\n  }\n"): typeof import('./graphql.js').CreateAccountApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      email\n      name\n      createdAt\n      balance {\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountApiKeys($accountId: ID!) {\n    apiKeys(accountId: $accountId) {\n      id\n      role\n      label\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): typeof import('./graphql.js').AccountApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql.js').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    auditLog(filter: $filter, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          createdAt\n          action\n          actorKind\n          actorLabel\n          actorRole\n          targetType\n          targetId\n          targetLabel\n          reason\n          before\n          after\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions {\n    auditActions\n  }\n"): typeof import('./graphql.js').AuditActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChain {\n    auditChain {\n      ok\n      entries\n      firstBrokenId\n      headHash\n      checkedAt\n    }\n  }\n"): typeof import('./graphql.js').AuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n"): typeof import('./graphql.js').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      kind\n      role\n      staffUser {\n        id\n        email\n        name\n        role\n      }\n    }\n  }\n"): typeof import('./graphql.js').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql.js').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: DateTime!, $to: DateTime!, $breakageFrom: DateTime!) {\n    refusalsDaily(from: $from, to: $to) {\n      date\n      graphql\n      proxy\n      total\n    }\n    financeDaily(from: $from, to: $to) {\n      date\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      calls\n      creditsPurchasedMillicredits\n      creditsDeductedMillicredits\n      creditsPromotionalMillicredits\n      creditsExpiredMillicredits\n      creditsRefundedMillicredits\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byCost: financeByModel(from: $from, to: $to, orderBy: COST, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    byRevenue: financeByModel(from: $from, to: $to, orderBy: REVENUE, limit: 8) {\n      key\n      model\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      marginRatio\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    topAccounts: financeByAccount(from: $from, to: $to, orderBy: REVENUE, limit: 10) {\n      key\n      accountId\n      label\n      calls\n      revenueUsd\n      cogsUsd\n      marginUsd\n      revenueMillicredits\n      costMicroUsd\n      marginMillicredits\n    }\n    liability {\n      outstandingMillicredits\n      outstandingUsd\n      paidMillicredits\n      paidUsd\n      promotionalMillicredits\n      promotionalUsd\n      adjustmentsMillicredits\n      adjustmentsUsd\n      expiringNext30DaysMillicredits\n      heldMillicredits\n      negativeMillicredits\n      negativeBalanceAccounts\n    }\n    breakageByMonth(from: $breakageFrom, to: $to) {\n      month\n      expiredMillicredits\n      expiredUsd\n      entries\n    }\n    reconciliationRuns(first: 1) {\n      id\n      day\n      status\n      mismatchCount\n      startedAt\n      finishedAt\n      trigger\n    }\n  }\n"): typeof import('./graphql.js').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromoCodes {\n    promoCodes(first: 500) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n"): typeof import('./graphql.js').PromoCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePromoCode($input: CreatePromoCodeInput!) {\n    createPromoCode(input: $input) {\n      id\n      code\n      creditsMillicredits\n      maxRedemptions\n      redemptions\n      expiresAt\n      grantValidDays\n      createdAt\n    }\n  }\n"): typeof import('./graphql.js').CreatePromoCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          accountId\n          accountEmail\n          createdAt\n          packId\n          packName\n          kind\n          status\n          amountCents\n          amountPaidCents\n          taxCents\n          creditsMillicredits\n          refundedCents\n          receiptUrl\n          invoiceUrl\n          failureReason\n          fulfilledAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').StaffPurchasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffPurchase($id: ID!) {\n    purchase(id: $id) {\n      id\n      accountId\n      accountEmail\n      createdAt\n      fulfilledAt\n      packId\n      packName\n      kind\n      status\n      currency\n      amountCents\n      amountPaidCents\n      subtotalCents\n      taxCents\n      totalCents\n      revenueCents\n      refundableCents\n      refundedCents\n      creditsMillicredits\n      refundedCreditsMillicredits\n      receiptUrl\n      invoiceUrl\n      invoicePdfUrl\n      stripeCheckoutSessionId\n      stripePaymentIntentId\n      transactionId\n      failureReason\n      ledgerEntries {\n        id\n        type\n        amountMillicredits\n        balanceAfterMillicredits\n        reason\n        createdAt\n      }\n      disputes {\n        id\n        status\n        amountCents\n        creditsMillicredits\n        reason\n        openedAt\n        closedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').StaffPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {\n    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {\n      id\n      status\n      refundedCents\n      refundableCents\n    }\n  }\n"): typeof import('./graphql.js').StaffRefundPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateCards {\n    rateCards {\n      id\n      version\n      name\n      active\n      enabled\n      createdAt\n      activatedAt\n      rates {\n        model\n        inputPer1k\n        cachedInputPer1k\n        outputPer1k\n        costInputPer1kUsd\n        costCachedInputPer1kUsd\n        costOutputPer1kUsd\n        maxOutputTokens\n        enabled\n        simulated\n      }\n    }\n  }\n"): typeof import('./graphql.js').RateCardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishRateCard($input: PublishRateCardInput!) {\n    publishRateCard(input: $input) {\n      id\n      version\n      name\n      active\n    }\n  }\n"): typeof import('./graphql.js').PublishRateCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateRateCard($id: ID!) {\n    activateRateCard(id: $id) {\n      id\n      version\n      active\n    }\n  }\n"): typeof import('./graphql.js').ActivateRateCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {\n    setRateCardEnabled(id: $id, enabled: $enabled) {\n      id\n      enabled\n    }\n  }\n"): typeof import('./graphql.js').SetRateCardEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {\n    setModelEnabled(model: $model, enabled: $enabled) {\n      model\n      enabled\n    }\n  }\n"): typeof import('./graphql.js').SetModelEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRuns {\n    reconciliationRuns(first: 100) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n    }\n  }\n"): typeof import('./graphql.js').ReconciliationRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationRun($id: ID!) {\n    reconciliationRun(id: $id) {\n      id\n      day\n      status\n      trigger\n      startedAt\n      finishedAt\n      mismatchCount\n      progressDone\n      progressTotal\n      step\n      error\n      checks {\n        name\n        status\n        findings\n        note\n      }\n      findings(first: 200) {\n        id\n        check\n        accountId\n        subject\n        expected\n        actual\n        driftMillicredits\n        driftTokens\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').ReconciliationRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunReconciliation {\n    runReconciliation(wait: false) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.js').RunReconciliationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevenueRollForward($month: String!) {\n    revenueRollForward(month: $month) {\n      month\n      openingDeferredMillicredits\n      purchasedMillicredits\n      recognisedMillicredits\n      breakageMillicredits\n      refundedMillicredits\n      adjustedMillicredits\n      reclassifiedMillicredits\n      closingDeferredMillicredits\n      promotional {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      adjustments {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      total {\n        openingDeferredMillicredits\n        purchasedMillicredits\n        recognisedMillicredits\n        breakageMillicredits\n        refundedMillicredits\n        adjustedMillicredits\n        reclassifiedMillicredits\n        closingDeferredMillicredits\n      }\n      ledgerBalanceMillicredits\n      customerDebtMillicredits\n      tiesToLedger\n    }\n  }\n"): typeof import('./graphql.js').RevenueRollForwardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUsers($search: String, $first: Int!, $offset: Int!) {\n    staffUsers(search: $search, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          id\n          email\n          name\n          role\n          disabled\n          lastSignInAt\n          createdAt\n          updatedAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').StaffUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUser($id: ID!) {\n    staffUser(id: $id) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').StaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').CreateStaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      email\n      name\n      role\n      disabled\n      lastSignInAt\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').UpdateStaffUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamFields on Team {\n    id\n    name\n    timeZone\n    memberCount\n    createdAt\n    balance {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n    policy {\n      requestCapMillicredits\n      sessionCapMillicredits\n      sessionWindowSeconds\n      allowedModels\n    }\n  }\n"): typeof import('./graphql.js').TeamFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams($search: String, $orderBy: TeamOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {\n    teams(search: $search, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {\n      totalCount\n      edges {\n        node {\n          ...TeamFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TeamsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($id: ID!) {\n    team(id: $id) {\n      ...TeamFields\n    }\n  }\n"): typeof import('./graphql.js').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamMembers($id: ID!) {\n    team(id: $id) {\n      id\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        heldMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        addedAt\n        removedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').TeamMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamSpend($teamId: ID!, $from: DateTime!, $to: DateTime!) {\n    teamSpend(teamId: $teamId, from: $from, to: $to) {\n      day\n      accountId\n      model\n      calls\n      chargedMillicredits\n      costUsd\n    }\n  }\n"): typeof import('./graphql.js').TeamSpendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.js').CreateTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($teamId: ID!, $accountId: ID!, $role: TeamRole) {\n    addTeamMember(teamId: $teamId, accountId: $accountId, role: $role) {\n      accountId\n      role\n    }\n  }\n"): typeof import('./graphql.js').AddTeamMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($teamId: ID!, $accountId: ID!) {\n    removeTeamMember(teamId: $teamId, accountId: $accountId) {\n      accountId\n      removedAt\n    }\n  }\n"): typeof import('./graphql.js').RemoveTeamMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberAllocation($input: SetMemberAllocationInput!) {\n    setMemberAllocation(input: $input) {\n      accountId\n      monthlyAllocationMillicredits\n      remainingThisPeriodMillicredits\n    }\n  }\n"): typeof import('./graphql.js').SetMemberAllocationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTeamPolicy($input: SetTeamPolicyInput!) {\n    setTeamPolicy(input: $input) {\n      id\n      policy {\n        requestCapMillicredits\n        sessionCapMillicredits\n        sessionWindowSeconds\n        allowedModels\n      }\n    }\n  }\n"): typeof import('./graphql.js').SetTeamPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPolicyModels {\n    activeRates {\n      model\n    }\n  }\n"): typeof import('./graphql.js').TeamPolicyModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksPage {\n    failedStripeEvents(first: 100) {\n      id\n      type\n      status\n      source\n      attempts\n      lastError\n      receivedAt\n      processedAt\n      purchaseId\n    }\n    stalePurchases(first: 100, olderThanMinutes: 15) {\n      id\n      accountId\n      packId\n      status\n      amountCents\n      creditsMillicredits\n      createdAt\n      stripeCheckoutSessionId\n    }\n  }\n"): typeof import('./graphql.js').WebhooksPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {\n    replayStripeEvent(eventId: $eventId, reason: $reason) {\n      outcome\n      event {\n        id\n        status\n        attempts\n        lastError\n      }\n    }\n  }\n"): typeof import('./graphql.js').ReplayStripeEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {\n    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) {\n      id\n      status\n      fulfilledAt\n    }\n  }\n"): typeof import('./graphql.js').RefulfillPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsPage {\n    me {\n      id\n      email\n      name\n      createdAt\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      lowBalanceAlert {\n        thresholdMillicredits\n        custom\n        alerted\n      }\n      lowBalanceAlerts {\n        thresholdMillicredits\n        percent\n        custom\n        alerted\n      }\n      autoRecharge {\n        enabled\n        hasPaymentMethod\n        thresholdMillicredits\n        packId\n        targetBalanceMillicredits\n        monthlyLimitCents\n        spentThisMonthCents\n        notice\n        noticeAt\n      }\n      purchases {\n        id\n        createdAt\n        packId\n        creditsMillicredits\n        amountCents\n        amountPaidCents\n        currency\n        status\n        receiptUrl\n        refundedCents\n        kind\n        subtotalCents\n        taxCents\n        totalCents\n        invoiceUrl\n        invoicePdfUrl\n      }\n      teams {\n        id\n        name\n      }\n    }\n    creditPacks {\n      id\n      name\n      priceCents\n      creditsMillicredits\n    }\n  }\n"): typeof import('./graphql.js').CreditsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsUsage($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        edges {\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreditsUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CreditsBalance {\n    balanceUpdated {\n      accountId\n      balanceMillicredits\n      availableMillicredits\n      heldMillicredits\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.js').CreditsBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyPack($packId: ID!, $returnTo: String, $accountId: ID) {\n    createCheckoutSession(packId: $packId, returnTo: $returnTo, accountId: $accountId) {\n      id\n      url\n      testMode\n    }\n  }\n"): typeof import('./graphql.js').BuyPackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPromo($code: String!) {\n    redeemPromoCode(code: $code) {\n      id\n      amountMillicredits\n      balanceAfterMillicredits\n    }\n  }\n"): typeof import('./graphql.js').RedeemPromoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOwnAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      enabled\n      hasPaymentMethod\n      thresholdMillicredits\n      packId\n      targetBalanceMillicredits\n      monthlyLimitCents\n      spentThisMonthCents\n      notice\n      noticeAt\n    }\n  }\n"): typeof import('./graphql.js').SetOwnAutoRechargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditsSignInWithKey($key: String!) {\n    signInWithKey(key: $key) {\n      kind\n      accountId\n    }\n  }\n"): typeof import('./graphql.js').CreditsSignInWithKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreditsSignOut {\n    signOut\n  }\n"): typeof import('./graphql.js').CreditsSignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsTeam($id: ID!) {\n    team(id: $id) {\n      id\n      name\n      timeZone\n      balance {\n        accountId\n        balanceMillicredits\n        availableMillicredits\n        heldMillicredits\n        updatedAt\n      }\n      members {\n        accountId\n        email\n        role\n        monthlyAllocationMillicredits\n        spentThisPeriodMillicredits\n        remainingThisPeriodMillicredits\n        periodStart\n        removedAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreditsTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsUsageHistory($first: Int!, $after: String) {\n    me {\n      id\n      usage(first: $first, after: $after) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            createdAt\n            model\n            chargedMillicredits\n            inputTokens\n            cachedInputTokens\n            outputTokens\n            apiKeyId\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    apiKeys {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql.js').CreditsUsageHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsUsageReport($from: DateTime!, $to: DateTime!, $groupBy: [UsageGroup!]!, $accountId: ID) {\n    usageReport(from: $from, to: $to, groupBy: $groupBy, accountId: $accountId) {\n      apiKeyId\n      apiKeyLabel\n      memberAccountId\n      memberEmail\n      model\n      calls\n      inputTokens\n      cachedInputTokens\n      outputTokens\n      chargedMillicredits\n    }\n  }\n"): typeof import('./graphql.js').CreditsUsageReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditsExpiring {\n    me {\n      id\n      grants {\n        id\n        kind\n        remainingMillicredits\n        expiresAt\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreditsExpiringDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    accountId\n    url\n    description\n    events\n    createdAt\n    disabledAt\n    disabledReason\n    failingSince\n    lastSuccessAt\n    lastFailureAt\n  }\n"): typeof import('./graphql.js').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints($accountId: ID, $allAccounts: Boolean) {\n    webhookEndpoints(accountId: $accountId, allAccounts: $allAccounts) {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql.js').WebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) {\n      ...WebhookEndpointFields\n    }\n  }\n"): typeof import('./graphql.js').WebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          eventId\n          eventType\n          eventCreatedAt\n          status\n          attempts\n          nextAttemptAt\n          lastAttemptAt\n          lastStatusCode\n          lastError\n          deliveredAt\n          attemptLog {\n            attemptedAt\n            statusCode\n            durationMs\n            error\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql.js').WebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n      }\n    }\n  }\n"): typeof import('./graphql.js').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhookEndpoint($id: ID!) {\n    disableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql.js').DisableWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhookEndpoint($id: ID!) {\n    enableWebhookEndpoint(id: $id) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql.js').EnableWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql.js').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!, $graceSeconds: Int) {\n    rotateWebhookEndpointSecret(id: $id, graceSeconds: $graceSeconds) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').RotateWebhookSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId)\n  }\n"): typeof import('./graphql.js').RedeliverWebhookEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLowBalanceThresholds($accountId: ID, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {\n    setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $thresholdsMillicredits, thresholdsPercent: $thresholdsPercent) {\n      thresholdMillicredits\n      percent\n      custom\n      alerted\n    }\n  }\n"): typeof import('./graphql.js').SetLowBalanceThresholdsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
