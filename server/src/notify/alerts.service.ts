import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { currentEm } from '../db/unit-of-work.js';
import { notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import type { Clock } from './clock.js';
import { ExhaustedAlerts } from './exhausted-alerts.js';
import * as thresholdQueries from './queries/thresholds.queries.js';
import { auditedThresholds, parseThresholdLists, scopeOf, type LowBalanceSetting, type ThresholdScopeInput } from './thresholds.rules.js';

export { thresholdScope } from './thresholds.rules.js';
import { NotifySettingsEntity } from './notify-settings.repository.js';

/**
 * Low-balance thresholds (the crossing itself is decided by the accounts trigger, see the outbox
 * migration) and `credits.exhausted` on refused charges.
 */
export class AlertsService {
  private readonly exhausted: ExhaustedAlerts;

  constructor(
    private readonly em: EntityManager,
    clock: Clock,
    log: Logger,
  ) {
    this.exhausted = new ExhaustedAlerts(em, clock, log);
  }

  /**
   * Writes the configured default into the database (the trigger reads it there) and moves every
   * account that follows the default onto it. A no-op when nothing changed.
   */
  async syncDefaultThreshold(threshold: bigint): Promise<void> {
    await currentEm(this.em).transactional(async (em) => {
      if (await em.getRepository(NotifySettingsEntity).setDefaultThreshold(threshold))
        await thresholdQueries.followDefaultThreshold(em, threshold);
    });
  }

  async setting(accountId: string): Promise<LowBalanceSetting> {
    const setting = await thresholdQueries.accountSetting(currentEm(this.em), accountId);
    if (!setting) throw notFound(`Account ${accountId} not found`);
    return setting;
  }

  /** Every threshold of the account, highest first, each with its state. */
  async thresholds(accountId: string): Promise<LowBalanceSetting[]> {
    const rows = await thresholdQueries.accountThresholds(currentEm(this.em), accountId);
    if (!rows.length) throw notFound(`Account ${accountId} not found`);
    return rows;
  }

  /** One threshold (or, with null, the default again): `setThresholds` with a list of one. */
  async setThreshold(actor: Principal, accountId: string, thresholdInput: string | null): Promise<LowBalanceSetting> {
    await this.setThresholds(actor, accountId, thresholdInput === null ? [] : [thresholdInput]);
    return this.setting(accountId);
  }

  /**
   * Replaces an account's thresholds (both lists empty returns to the configured default). A
   * percent is of the account's last purchase. A threshold kept from before keeps its state; a new
   * one above the available balance fires `balance.low` at once (the trigger sees the crossing),
   * each once. Invalid input changes nothing.
   */
  async setThresholds(
    actor: Principal,
    accountIdInput: string,
    inputs: readonly string[],
    percentInputs: readonly number[] = [],
  ): Promise<LowBalanceSetting[]> {
    const accountId = parseId(accountIdInput, 'accountId');
    const { credits, percents } = parseThresholdLists(inputs, percentInputs);
    return currentEm(this.em).transactional(async (tem) => {
      const before = await thresholdQueries.accountThresholds(tem, accountId, true);
      if (!before.length) throw notFound(`Account ${accountId} not found`);
      await thresholdQueries.setAccountThresholds(tem, accountId, credits, percents);
      const after = await thresholdQueries.accountThresholds(tem, accountId);
      if (actor.accountId !== accountId) {
        await writeAudit(tem, {
          actor,
          action: 'account.setLowBalanceThreshold',
          targetType: 'account',
          targetId: accountId,
          before: auditedThresholds(before),
          after: auditedThresholds(after),
        });
      }
      return after;
    });
  }

  /** A team member's thresholds (on their remaining allocation) or an API key's (on its remaining budget), highest first. */
  async scopedThresholds(scopeInput: ThresholdScopeInput): Promise<LowBalanceSetting[]> {
    const scope = scopeOf(scopeInput);
    const em = currentEm(this.em);
    if (!(await thresholdQueries.scopedRowExists(em, scope, false))) throw notFound(scope.missing);
    return thresholdQueries.scopedThresholds(em, scope);
  }

  /**
   * Replaces a team member's thresholds on their remaining allocation (the team's account receives
   * `balance.low`, with data.memberAccountId), or an API key's on its remaining budget (its account
   * receives it, with data.apiKeyId). A percent is of the allocation or of the key's limit; empty
   * lists remove them. Audited.
   */
  async setScopedThresholds(
    actor: Principal,
    scopeInput: ThresholdScopeInput,
    inputs: readonly string[],
    percentInputs: readonly number[] = [],
  ): Promise<LowBalanceSetting[]> {
    const scope = scopeOf(scopeInput);
    const { credits, percents } = parseThresholdLists(inputs, percentInputs);
    return currentEm(this.em).transactional(async (tem) => {
      if (!(await thresholdQueries.scopedRowExists(tem, scope, true))) throw notFound(scope.missing);
      const before = await thresholdQueries.scopedThresholds(tem, scope);
      await thresholdQueries.setScopedThresholds(tem, scope, credits, percents);
      const after = await thresholdQueries.scopedThresholds(tem, scope);
      await writeAudit(tem, {
        actor,
        action: scope.auditAction,
        targetType: 'account',
        targetId: scope.accountId,
        before: { [scope.idField]: scope.id, ...auditedThresholds(before) },
        after: { [scope.idField]: scope.id, ...auditedThresholds(after) },
      });
      return after;
    });
  }

  /** A charge was refused for credits: this hour's `credits.exhausted` for the account (ExhaustedAlerts). */
  onRefused(accountId: string, requiredMillicredits: bigint): Promise<string | null> {
    return this.exhausted.onRefused(accountId, requiredMillicredits);
  }

  /** Resolves when every refusal seen so far has been recorded (tests, graceful shutdown). */
  drain(): Promise<void> {
    return this.exhausted.drain();
  }
}
