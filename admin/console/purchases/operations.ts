import { graphql } from '../../shared/gql';

export const PurchasesQuery = graphql(`
  query StaffPurchases($filter: PurchaseFilter, $orderBy: PurchaseOrderBy!, $direction: SortDirection!, $first: Int!, $offset: Int!) {
    purchases(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, offset: $offset) {
      totalCount
      edges { node { id accountId createdAt packId kind status amountCents amountPaidCents creditsMillicredits refundedCents receiptUrl failureReason fulfilledAt } }
    }
  }
`);
