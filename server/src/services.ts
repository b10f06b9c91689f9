import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthService } from './auth/auth.service.js';
import type { Config } from './config.js';
import { cacheTtl, type EventBus } from './shared/events/bus.js';
import { LedgerService } from './ledger/ledger.service.js';
import { BalanceWatchService } from './ledger/balance-watch.service.js';
import { LedgerDb } from './ledger/engine.db.js';
import { LedgerEngine } from './ledger/engine.js';
import { HoldsService } from './ledger/holds.service.js';
import { RateCardsService } from './ratecards/ratecards.service.js';
import { UsageService } from './usage/usage.service.js';
import { createBilling } from './billing/billing.module.js';
import { createProxyServices } from './proxy/proxy.module.js';
import { createLoadControl } from './http/load-control.js';
import { FinanceService } from './finance/finance.service.js';
import { RevenueService } from './finance/revenue.service.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { UsageReportService } from './finance/usage-report.service.js';
import { RefusalTally } from './finance/refusals.service.js';
import { createSessionServices } from './sessions/sessions.module.js';
import { systemClock, type Clock } from './sessions/tokens.js';
import { verifyAuditChain } from './audit/audit-chain.js';
import { createGrantsAndPromotions } from './grants/grants.module.js';
import { metrics } from './metrics/metrics.js';
import { createNotify } from './notify/notify.module.js';
import { TeamInvitationsService } from './teams/team-invitations.service.js';
import { TeamMembershipService } from './teams/team-membership.service.js';
import { TeamPolicyService } from './teams/team-policy.service.js';
import { TeamsService } from './teams/teams.service.js';
import { KeyBudgetsService } from './auth/key-budgets.service.js';

/** The domain services, built once per process and shared by GraphQL, webhooks and the proxy. */
export function createServices(orm: MikroORM, config: Config, events: EventBus, log: Logger, clock: Clock = systemClock) {
  const em = orm.em;
  const ttl = cacheTtl(events, config.CACHE_TTL_MS, config.CACHE_MAX_AGE_MS);
  const rateCards = new RateCardsService(em, events, ttl);
  const ledgerDb = new LedgerDb(orm.config.get('clientUrl')!, config.LEDGER_POOL_MAX);
  const engine = new LedgerEngine(ledgerDb, events);
  const ledger = new LedgerService(em, events, engine);
  const holds = new HoldsService(em, events, engine, log, clock);
  const accounts = new AccountsService(em, ledgerDb);
  const grantsAndPromotions = createGrantsAndPromotions(em, config, ledger, log);
  accounts.onCreated(grantsAndPromotions.promotions.introBonus);
  const auth = new AuthService(em, events, ttl);
  const teams = new TeamsService(em, auth, clock, config.TEAM_KEYS_PER_MEMBER);
  const proxyServices = createProxyServices(em, config, rateCards, holds, events, log, teams, ttl);
  const billing = createBilling(em, config, events, ledger, accounts, log);
  return {
    config,
    log,
    orm,
    events,
    engine,
    accounts,
    auth,
    keyBudgets: new KeyBudgetsService(em, clock),
    teams,
    teamMembership: new TeamMembershipService(em, auth, clock, {
      ttlDays: config.TEAM_INVITATION_TTL_DAYS,
      pendingMax: config.TEAM_PENDING_INVITATIONS_MAX,
    }),
    teamPolicy: new TeamPolicyService(em, teams, clock, config.TEAMS_PER_DAY_PER_ACCOUNT),
    teamInvitations: new TeamInvitationsService(em, clock, config.TEAM_INVITATION_TTL_DAYS),
    ledger,
    balanceWatch: new BalanceWatchService(events, (id) => ledger.balance(id)),
    rateCards,
    usage: new UsageService(rateCards, ledger, teams, clock),
    billing,
    ...proxyServices,
    loadControl: createLoadControl(config, proxyServices.proxySettings),
    finance: new FinanceService(em),
    usageReport: new UsageReportService(em, teams),
    revenue: new RevenueService(em),
    refusals: new RefusalTally(em, clock),
    reconciliation: new ReconciliationService(em, config, log, {
      stripe: billing.stripe,
      grantDrift: (limit) => grantsAndPromotions.grants.drift(limit),
      verifyAuditChain: () => verifyAuditChain(em),
    }),
    ...grantsAndPromotions,
    ...createSessionServices(em, auth, config, log, clock, events),
    notify: createNotify(orm, config, events, log),
    auditChain: async () => {
      const status = await verifyAuditChain(em);
      metrics.auditChainVerified(status);
      return status;
    },
  };
}

export type Services = ReturnType<typeof createServices>;
