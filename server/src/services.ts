import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthService } from './auth/auth.service.js';
import type { Config } from './config.js';
import type { BalanceEvents } from './ledger/balance-events.js';
import { PostingHooks } from './ledger/ledger.hooks.js';
import { LedgerService } from './ledger/ledger.service.js';
import { RateCardsService } from './ratecards/ratecards.service.js';
import { UsageService } from './usage/usage.service.js';

/** The domain services, built once per process and shared by GraphQL, webhooks and the proxy. */
export function createServices(orm: MikroORM, config: Config, events: BalanceEvents, log: Logger) {
  const em = orm.em;
  const rateCards = new RateCardsService(em);
  const postingHooks = new PostingHooks();
  const ledger = new LedgerService(em, events, postingHooks);
  return {
    config,
    log,
    orm,
    events,
    postingHooks,
    accounts: new AccountsService(em),
    auth: new AuthService(em),
    ledger,
    rateCards,
    usage: new UsageService(em, rateCards, events, postingHooks),
  };
}

export type Services = ReturnType<typeof createServices>;
