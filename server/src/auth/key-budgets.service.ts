import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyEntity } from './api-keys.repository.js';
import { writeAudit } from '../audit/audit.service.js';
import { currentEm } from '../db/unit-of-work.js';
import { notFound } from '../shared/errors.js';
import { systemClock, type Clock } from '../sessions/tokens.js';
import { toKeyInfo, type ApiKeyInfo } from './auth.service.js';
import { parseKeyBudget, type KeyBudgetInput } from './key-budget.rules.js';
import { findKeyPeriods, findKeyUsage, restartKeyPeriod, type KeyPeriod, type KeyUsage } from './queries/key-periods.js';
import { authorize } from './policy.js';
import type { KeyPrincipal, Principal } from './roles.js';

export type { KeyPeriod } from './queries/key-periods.js';

export interface UpdateKeyInput extends KeyBudgetInput {
  label?: string | null;
}

/**
 * Per-key budgets and model scopes: their settings and what they show. The engine enforces them
 * inside every hold and charge (ledger/sql/creditmeter_key_step.sql); periods follow the clock.
 */
export class KeyBudgetsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Changes a key's label, limit, reset or models (its own account, or ADMIN), audited. */
  async update(actor: Principal, id: string, input: UpdateKeyInput): Promise<ApiKeyInfo> {
    return this.em.transactional(async (em) => {
      const key = await em.getRepository(ApiKeyEntity).findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!key) throw notFound(`API key ${id} not found`);
      authorize(actor, 'apiKey.update', { accountId: key.accountId });
      // Validated only for a caller who may change the key: others learn nothing about it.
      const budget = parseKeyBudget(input);
      const label = input.label;
      const before = budgetOf(key);
      const resetChanged = budget.limitReset !== undefined && budget.limitReset !== key.limitReset;
      if (label !== undefined) key.label = label;
      if (budget.spendLimitMillicredits !== undefined) key.spendLimitMillicredits = budget.spendLimitMillicredits;
      if (budget.limitReset !== undefined) key.limitReset = budget.limitReset;
      if (budget.allowedModels !== undefined) key.allowedModels = budget.allowedModels;
      await em.flush();
      if (resetChanged) await restartKeyPeriod(em, id, this.clock());
      await writeAudit(em, {
        actor,
        action: 'apiKey.update',
        targetType: 'apiKey',
        targetId: id,
        before,
        after: budgetOf(key),
      });
      return toKeyInfo(key);
    });
  }

  /** Each key's current period (spent, held, next reset), by key id. */
  async periods(keyIds: readonly string[]): Promise<Map<string, KeyPeriod>> {
    const rows = await findKeyPeriods(currentEm(this.em), keyIds, this.clock());
    return new Map(rows.map((p) => [p.keyId, p]));
  }

  /** The calling key's limit, usage and the balance it spends (`GET /v1/key`). */
  async usage(principal: KeyPrincipal): Promise<KeyUsage> {
    const usage = await findKeyUsage(currentEm(this.em), principal.keyId, this.clock());
    if (!usage) throw notFound('This API key no longer exists');
    return usage;
  }
}

const budgetOf = (k: ApiKeyInfo) => ({
  label: k.label,
  spendLimitMillicredits: k.spendLimitMillicredits?.toString() ?? null,
  limitReset: k.limitReset,
  allowedModels: k.allowedModels,
});

/** What the key's limit still allows this period (never below zero); null without a limit. */
export const remainingOf = (p: KeyPeriod): bigint | null => {
  if (p.spendLimitMillicredits === null) return null;
  const left = p.spendLimitMillicredits - p.spentThisPeriod - p.held;
  return left > 0n ? left : 0n;
};
