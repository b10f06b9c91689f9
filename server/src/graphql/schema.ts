import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { AccountsResolver } from '../accounts/accounts.resolver.js';
import { ApiKeysResolver } from '../auth/api-keys.resolver.js';
import { LedgerResolver } from '../ledger/ledger.resolver.js';
import { PriceCatalogResolver } from '../ratecards/price-catalog.resolver.js';
import { RateCardsResolver } from '../ratecards/ratecards.resolver.js';
import { UsageResolver } from '../usage/usage.resolver.js';
import { assertEveryRootFieldAuthorized, authChecker } from './auth.js';
import { translateDomainErrors } from './errors.js';
import { AccountGrantsResolver, GrantAllocationsResolver, GrantsResolver } from '../grants/grants.resolver.js';
import { PromotionsResolver } from '../promotions/promotions.resolver.js';
import { AccountProxySettingsResolver, ModelRateSimulatedResolver, ProxySettingsResolver } from '../proxy/proxy.resolver.js';
import { FinanceResolver } from '../finance/finance.resolver.js';
import { RevenueResolver } from '../finance/revenue.resolver.js';
import { ReconciliationResolver } from '../reconciliation/reconciliation.resolver.js';
import { UsageReportResolver } from '../finance/usage-report.resolver.js';
import { AccountBillingResolver, BillingResolver, PurchaseDetailsResolver } from '../billing/billing.resolver.js';
import { SessionsResolver } from '../sessions/sessions.resolver.js';
import { StaffResolver } from '../staff/staff.resolver.js';
import { AuditLogResolver } from '../audit/audit-log.resolver.js';
import { PurchasesAdminResolver } from '../billing/purchases.admin.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AccountNotifyResolver, ApiKeyNotifyResolver, NotifyResolver, TeamMemberNotifyResolver } from '../notify/notify.resolver.js';
import { AccountTeamsResolver, TeamMemberResolver, TeamsResolver } from '../teams/teams.resolver.js';
import { AccountTeamInvitationsResolver, TeamInvitationsResolver } from '../teams/team-invitations.resolver.js';

/** Every resolver class. Feature modules add theirs here. */
export const resolvers = [
  AccountsResolver,
  ApiKeysResolver,
  LedgerResolver,
  RateCardsResolver,
  PriceCatalogResolver,
  UsageResolver,
  BillingResolver,
  AccountBillingResolver,
  PurchaseDetailsResolver,
  FinanceResolver,
  RevenueResolver,
  ReconciliationResolver,
  UsageReportResolver,
  ProxySettingsResolver,
  AccountProxySettingsResolver,
  ModelRateSimulatedResolver,
  GrantsResolver,
  AccountGrantsResolver,
  GrantAllocationsResolver,
  PromotionsResolver,
  AuditResolver,
  NotifyResolver,
  AccountNotifyResolver,
  TeamMemberNotifyResolver,
  ApiKeyNotifyResolver,
  SessionsResolver,
  StaffResolver,
  AuditLogResolver,
  PurchasesAdminResolver,
  TeamsResolver,
  AccountTeamsResolver,
  TeamMemberResolver,
  TeamInvitationsResolver,
  AccountTeamInvitationsResolver,
] as const;

export async function createSchema(opts: { publicAppUrl: string; emitSchemaFile?: string }): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    // Input classes carry their class-validator rules; a refusal becomes BAD_USER_INPUT naming the
    // field (graphql/errors.ts). Webhooks, routes and the proxy check at their own edge.
    validate: { forbidUnknownValues: false },
    // Subscriptions name their own source (`subscribe:`); type-graphql still wants a PubSub here.
    pubSub: createPubSub(),
    emitSchemaFile: opts.emitSchemaFile ? { path: opts.emitSchemaFile, sortedSchema: true } : false,
  });
  assertEveryRootFieldAuthorized(schema);
  translateDomainErrors(schema, opts.publicAppUrl);
  return schema;
}
