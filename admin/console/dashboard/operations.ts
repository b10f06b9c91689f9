import { graphql } from '../../shared/gql';

export const DashboardQuery = graphql(`
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
`);
