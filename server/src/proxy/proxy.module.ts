import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { EventBus } from '../shared/events/bus.js';
import type { HoldsService } from '../ledger/holds.service.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import type { CacheTtl } from '../shared/cache.js';
import type { TeamsService } from '../teams/teams.service.js';
import { ProxySettingsService } from './proxy-settings.service.js';
import { PromptTokenCounter } from './prompt-tokens.js';
import { ProxyService } from './proxy.service.js';

/** The proxy's services (holds, per-account guardrails, the metered endpoint), for the container. */
export function createProxyServices(
  em: EntityManager,
  config: Config,
  rateCards: RateCardsService,
  holds: HoldsService,
  events: EventBus,
  log: Logger,
  teams: TeamsService,
  cacheTtl: CacheTtl,
) {
  const proxySettings = new ProxySettingsService(em, events, cacheTtl);
  return {
    holds,
    proxySettings,
    proxy: new ProxyService(
      config,
      rateCards,
      holds,
      proxySettings,
      log,
      new PromptTokenCounter(config.PROXY_TOKEN_COUNT_BUDGET_MS),
      teams,
    ),
  };
}
