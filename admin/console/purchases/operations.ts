import { graphql } from '../../shared/gql';

export const PurchasesQuery = graphql(`
  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
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
`);

export const PurchaseQuery = graphql(`
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
`);

export const RefundPurchaseMutation = graphql(`
  mutation StaffRefundPurchase($purchaseId: ID!, $amountCents: Int, $reason: String!) {
    refundPurchase(purchaseId: $purchaseId, amountCents: $amountCents, reason: $reason) {
      id
      status
      refundedCents
      refundableCents
    }
  }
`);
