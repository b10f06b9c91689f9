import { graphql } from '../gql';

// The queries below spread this fragment; codegen inlines it into their documents.
graphql(`
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
`);

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints($accountId: ID, $allAccounts: Boolean) {
    webhookEndpoints(accountId: $accountId, allAccounts: $allAccounts) {
      ...WebhookEndpointFields
    }
  }
`);

export const WebhookEndpointQuery = graphql(`
  query WebhookEndpoint($id: ID!) {
    webhookEndpoint(id: $id) {
      ...WebhookEndpointFields
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
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
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

export const DisableWebhookEndpointMutation = graphql(`
  mutation DisableWebhookEndpoint($id: ID!) {
    disableWebhookEndpoint(id: $id) {
      id
      disabledAt
    }
  }
`);

export const EnableWebhookEndpointMutation = graphql(`
  mutation EnableWebhookEndpoint($id: ID!) {
    enableWebhookEndpoint(id: $id) {
      id
      disabledAt
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!, $graceSeconds: Int) {
    rotateWebhookEndpointSecret(id: $id, graceSeconds: $graceSeconds) {
      secret
      endpoint {
        id
      }
    }
  }
`);

export const RedeliverWebhookEventMutation = graphql(`
  mutation RedeliverWebhookEvent($endpointId: ID!, $eventId: ID!) {
    redeliverWebhookEvent(endpointId: $endpointId, eventId: $eventId)
  }
`);

export const SetLowBalanceThresholdsMutation = graphql(`
  mutation SetLowBalanceThresholds($accountId: ID, $thresholdsMillicredits: [String!]!, $thresholdsPercent: [Int!]) {
    setLowBalanceThresholds(accountId: $accountId, thresholdsMillicredits: $thresholdsMillicredits, thresholdsPercent: $thresholdsPercent) {
      thresholdMillicredits
      percent
      custom
      alerted
    }
  }
`);
