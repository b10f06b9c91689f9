/**
 * THE expected answer of every Query, Mutation and Subscription field for every kind of caller,
 * over HTTP and over graphql-ws (permission-matrix.test.ts). A field without a row, or a row
 * without a field, fails the test: a new field gets its row here (see docs/security.md).
 *
 * Columns: anonymous, USER key, team key, portal session (Credits page), SUPPORT, FINANCE and
 * ADMIN staff sessions (console cookie), and a staff session after signOut.
 *
 *   A  allowed: no FORBIDDEN or UNAUTHENTICATED error (NOT_FOUND, BAD_USER_INPUT and the like are fine)
 *   F  FORBIDDEN            U  UNAUTHENTICATED
 *   O  own only: allowed on the caller's own resource, FORBIDDEN on another account's
 *   H  own only, and another account's resource is hidden: NOT_FOUND, as if it did not exist
 *   N  names an account: FORBIDDEN without one (a staff session has no account of its own),
 *      allowed on another account's
 *
 * `scope` names the arguments that pick the resource (account, team, endpoint, purchase, API key):
 * each such cell runs twice, with the caller's own resource (an optional argument left out,
 * a required one given the caller's own) and with another account's. A team key's own account
 * is its team; its member's account is "another" to it.
 *
 * Over graphql-ws a connection without a principal is refused at connect (4403), so every
 * anonymous and signed-out cell there is U, whatever the row says.
 */
export const KINDS = ['anonymous', 'userKey', 'teamKey', 'portal', 'SUPPORT', 'FINANCE', 'ADMIN', 'signedOut'] as const;
export type Kind = (typeof KINDS)[number];
export type Expected = 'A' | 'F' | 'U' | 'O' | 'H' | 'N';
export type ResourceKind = 'account' | 'team' | 'endpoint' | 'purchase' | 'apiKey';

export interface Row {
  /** One letter per kind, in KINDS order. */
  cells: string;
  /** Argument path (`input.accountId`, `inputs.0.accountId`) → the resource it names. */
  scope?: Record<string, ResourceKind>;
  /** Over graphql-ws, when it differs from `cells` (cookie sessions open and close over HTTP only). */
  ws?: string;
  /** Arguments fixed to a resource of the caller's own (the same in both runs). */
  fixed?: Record<string, ResourceKind>;
}

const ACCOUNT = { accountId: 'account' } as const;
const STAFF_ONLY = { SUPPORT: 'U F F F A A A U', FINANCE: 'U F F F F A A U', ADMIN: 'U F F F F F A U' } as const;

//                                       anon user team portal SUP FIN ADMIN out
export const MATRIX: Record<string, Row> = {
  'Query.account': { cells: STAFF_ONLY.SUPPORT, scope: { id: 'account' } },
  'Query.accounts': { cells: STAFF_ONLY.SUPPORT },
  'Query.activeRates': { cells: 'U A A A A A A U' },
  'Query.apiKeys': { cells: 'U O F O N N N U', scope: ACCOUNT },
  'Query.auditActions': { cells: STAFF_ONLY.FINANCE },
  'Query.auditChain': { cells: STAFF_ONLY.ADMIN },
  'Query.auditEntry': { cells: STAFF_ONLY.FINANCE },
  'Query.auditLog': { cells: STAFF_ONLY.FINANCE },
  'Query.breakageByMonth': { cells: STAFF_ONLY.FINANCE },
  'Query.creditPacks': { cells: 'A A A A A A A A' },
  'Query.failedStripeEvents': { cells: STAFF_ONLY.SUPPORT },
  'Query.financeByAccount': { cells: STAFF_ONLY.FINANCE },
  'Query.financeByMember': { cells: STAFF_ONLY.FINANCE },
  'Query.financeByModel': { cells: STAFF_ONLY.FINANCE },
  'Query.financeDaily': { cells: STAFF_ONLY.FINANCE },
  'Query.financeRollupStatus': { cells: STAFF_ONLY.FINANCE },
  'Query.liability': { cells: STAFF_ONLY.FINANCE },
  'Query.me': { cells: 'U A F A F F F U' },
  'Query.modelPriceCatalog': { cells: STAFF_ONLY.SUPPORT },
  'Query.negativeBalances': { cells: STAFF_ONLY.SUPPORT },
  'Query.promoCodes': { cells: STAFF_ONLY.ADMIN },
  'Query.purchase': { cells: 'U O F O A A A U', scope: { id: 'purchase' } },
  'Query.purchases': { cells: STAFF_ONLY.SUPPORT },
  'Query.rateCards': { cells: STAFF_ONLY.SUPPORT },
  'Query.reconciliationRun': { cells: STAFF_ONLY.FINANCE },
  'Query.reconciliationRuns': { cells: STAFF_ONLY.FINANCE },
  'Query.refusalsDaily': { cells: STAFF_ONLY.FINANCE },
  'Query.revenueRollForward': { cells: STAFF_ONLY.FINANCE },
  'Query.staffUser': { cells: STAFF_ONLY.ADMIN },
  'Query.staffUsers': { cells: STAFF_ONLY.ADMIN },
  'Query.stalePurchases': { cells: STAFF_ONLY.SUPPORT },
  'Query.team': { cells: 'U O O O A A A U', scope: { id: 'team' } },
  'Query.teamSpend': { cells: 'U O F O F A A U', scope: { teamId: 'team' } },
  'Query.teams': { cells: STAFF_ONLY.SUPPORT },
  // Own account (a team's OWNERs: the team); staff any account, or every account without one.
  'Query.usageReport': { cells: 'U O F O A A A U', scope: ACCOUNT },
  'Query.viewer': { cells: 'A A A A A A A A' },
  'Query.webhookDeliveries': { cells: 'U H F H A A A U', scope: { endpointId: 'endpoint' } },
  'Query.webhookEndpoint': { cells: 'U H F H A A A U', scope: { id: 'endpoint' } },
  'Query.webhookEndpoints': { cells: 'U O F O N N N U', scope: ACCOUNT },

  'Mutation.activateRateCard': { cells: STAFF_ONLY.ADMIN },
  'Mutation.addTeamMember': { cells: 'U O F O F F A U', scope: { teamId: 'team' } },
  'Mutation.adjustBalance': { cells: STAFF_ONLY.ADMIN },
  'Mutation.createAccount': { cells: STAFF_ONLY.ADMIN },
  'Mutation.createApiKey': { cells: STAFF_ONLY.ADMIN },
  'Mutation.createCheckoutSession': { cells: 'U O F O F F N U', scope: ACCOUNT },
  'Mutation.createPortalSession': { cells: 'U O F O F F N U', scope: ACCOUNT },
  'Mutation.createPromoCode': { cells: STAFF_ONLY.ADMIN },
  'Mutation.createStaffUser': { cells: STAFF_ONLY.ADMIN },
  'Mutation.createTeam': { cells: 'U A F A F F A U' },
  // Defect 1: a team key for another member's account is refused; only ADMIN may issue one.
  'Mutation.createTeamApiKey': { cells: 'U O F O F F N U', scope: ACCOUNT, fixed: { teamId: 'team' } },
  'Mutation.createWebhookEndpoint': { cells: 'U O F O F F N U', scope: { 'input.accountId': 'account' } },
  'Mutation.deleteWebhookEndpoint': { cells: 'U H F H F F A U', scope: { id: 'endpoint' } },
  'Mutation.disableWebhookEndpoint': { cells: 'U H F H F F A U', scope: { id: 'endpoint' } },
  'Mutation.draftRateCardFromCatalog': { cells: STAFF_ONLY.ADMIN },
  'Mutation.enableWebhookEndpoint': { cells: 'U H F H F F A U', scope: { id: 'endpoint' } },
  'Mutation.expireGrantsNow': { cells: STAFF_ONLY.ADMIN },
  'Mutation.publishRateCard': { cells: STAFF_ONLY.ADMIN },
  'Mutation.recordUsage': { cells: 'U O O O F F N U', scope: { 'input.accountId': 'account' } },
  'Mutation.recordUsageBatch': { cells: 'U O O O F F N U', scope: { 'inputs.0.accountId': 'account' } },
  'Mutation.redeemPromoCode': { cells: 'U A F A F F F U' },
  'Mutation.redeliverWebhookEvent': { cells: 'U H F H F F A U', scope: { endpointId: 'endpoint' } },
  'Mutation.refulfillPurchase': { cells: STAFF_ONLY.ADMIN },
  'Mutation.refundPurchase': { cells: STAFF_ONLY.FINANCE },
  'Mutation.refulfillStalePurchases': { cells: STAFF_ONLY.ADMIN },
  'Mutation.removeTeamMember': { cells: 'U O F O F F A U', scope: { teamId: 'team' } },
  'Mutation.replayStripeEvent': { cells: STAFF_ONLY.ADMIN },
  'Mutation.reverseTransaction': { cells: STAFF_ONLY.ADMIN },
  'Mutation.revokeApiKey': { cells: 'U O F O F F A U', scope: { id: 'apiKey' } },
  'Mutation.updateApiKey': { cells: 'U O F O F F A U', scope: { id: 'apiKey' } },
  'Mutation.rotateWebhookEndpointSecret': { cells: 'U H F H F F A U', scope: { id: 'endpoint' } },
  'Mutation.runReconciliation': { cells: STAFF_ONLY.FINANCE },
  'Mutation.setAutoRecharge': { cells: 'U O F O F F N U', scope: { 'input.accountId': 'account' } },
  'Mutation.setLowBalanceThreshold': { cells: 'U O F O F F N U', scope: ACCOUNT },
  'Mutation.setLowBalanceThresholds': { cells: 'U O F O F F N U', scope: ACCOUNT },
  'Mutation.setMemberAllocation': { cells: 'U O F O F F A U', scope: { 'input.teamId': 'team' } },
  'Mutation.setModelEnabled': { cells: STAFF_ONLY.ADMIN },
  'Mutation.setProxySettings': { cells: 'U O F O F F N U', scope: ACCOUNT },
  'Mutation.setRateCardEnabled': { cells: STAFF_ONLY.ADMIN },
  'Mutation.setTeamPolicy': { cells: 'U O F O F F A U', scope: { 'input.teamId': 'team' } },
  // Sessions open and close over HTTP only (they set a cookie): FORBIDDEN over graphql-ws.
  'Mutation.signIn': { cells: 'A A A A A A A A', ws: 'U F F F F F F U' },
  'Mutation.signInWithKey': { cells: 'A A A A A A A A', ws: 'U F F F F F F U' },
  'Mutation.signOut': { cells: 'A A A A A A A A', ws: 'U F F F F F F U' },
  'Mutation.signOutEverywhere': { cells: 'U F F F A A A U' },
  'Mutation.revokePortalSessions': { cells: 'U O F O F F A U', scope: ACCOUNT },
  'Mutation.acceptTeamInvitation': { cells: 'U A F A F F F U' },
  'Mutation.declineTeamInvitation': { cells: 'U A F A F F F U' },
  'Mutation.updateStaffUser': { cells: STAFF_ONLY.ADMIN },
  'Mutation.voidGrant': { cells: STAFF_ONLY.ADMIN },

  'Subscription.balanceUpdated': { cells: 'U O O O N N N U', scope: ACCOUNT },
};
