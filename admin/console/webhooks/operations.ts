import { graphql } from '../../shared/gql';

export const WebhooksPageQuery = graphql(`
  query WebhooksPage {
    failedStripeEvents(first: 100) { id type status source attempts lastError receivedAt processedAt purchaseId }
    stalePurchases(first: 100, olderThanMinutes: 15) { id accountId packId status amountCents creditsMillicredits createdAt stripeCheckoutSessionId }
  }
`);

export const ReplayStripeEventMutation = graphql(`
  mutation ReplayStripeEvent($eventId: ID!, $reason: String!) {
    replayStripeEvent(eventId: $eventId, reason: $reason) { outcome event { id status attempts lastError } }
  }
`);

export const RefulfillPurchaseMutation = graphql(`
  mutation RefulfillPurchase($purchaseId: ID!, $reason: String!) {
    refulfillPurchase(purchaseId: $purchaseId, reason: $reason) { id status fulfilledAt }
  }
`);
