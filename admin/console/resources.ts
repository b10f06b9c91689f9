import { accountsResource } from './accounts/resource';
import { auditResource } from './audit/resource';
import { purchasesResource } from './purchases/resource';
import { createDataProvider } from './dataProvider';
import { promoCodesResource } from './promocodes/resource';
import { rateCardsResource } from './ratecards/resource';
import { reconciliationResource } from './reconciliation/resource';
import { staffResource } from './staff/resource';
import { teamsResource } from './teams/resource';
import { webhookEndpointsResource } from './webhooks/resource';

/** Every resource of the console and how it maps onto the GraphQL API. */
export const dataProvider = createDataProvider({
  accounts: accountsResource,
  purchases: purchasesResource,
  auditLog: auditResource,
  rateCards: rateCardsResource,
  reconciliation: reconciliationResource,
  promoCodes: promoCodesResource,
  staffUsers: staffResource,
  teams: teamsResource,
  webhookEndpoints: webhookEndpointsResource,
});
