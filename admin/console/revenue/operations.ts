import { graphql } from '../../shared/gql';

export const RevenueRollForwardQuery = graphql(`
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
`);
