import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/roles.js';
import { pgCode, sqlOf } from '../db/sql.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import type { PostingHooks } from '../ledger/ledger.hooks.js';
import { decodeCursor, pageSize, toPage, type Page } from '../ledger/cursor.js';
import { customerAccountExists, findBalances } from '../ledger/ledger.repository.js';
import { requestHash } from '../ledger/ledger.service.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import { IdempotencyConflict, InsufficientCredits, notFound } from '../shared/errors.js';
import { parseId, requiredText, tokenCount } from '../shared/validate.js';
import { chargeUsage, findUsageByKey, findUsagePage } from './usage.repository.js';
import { priceUsage, usageFingerprint } from './usage.rules.js';
import type { RecordUsageInput, UsageRecord } from './usage.types.js';

export class UsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly rateCards: RateCardsService,
    private readonly events: BalanceEvents,
    private readonly hooks: PostingHooks,
  ) {}

  async page(accountId: string, first?: number | null, after?: string | null): Promise<Page<UsageRecord>> {
    const n = pageSize(first);
    return toPage(await findUsagePage(sqlOf(this.em.fork()), accountId, n + 1, decodeCursor(after)), n);
  }

  /**
   * Meters one call: prices it on the active rate card, and charges it exactly once per
   * idempotency key. Never takes available credits below zero; a refused charge writes nothing.
   */
  async record(actor: Principal | null, accountIdInput: string, input: RecordUsageInput): Promise<UsageRecord> {
    const accountId = parseId(accountIdInput, 'accountId');
    const idempotencyKey = requiredText(input.idempotencyKey, 'idempotencyKey', 200);
    const model = requiredText(input.model, 'model', 100);
    const tokens = {
      inputTokens: tokenCount(input.inputTokens, 'inputTokens'),
      cachedInputTokens: tokenCount(input.cachedInputTokens, 'cachedInputTokens'),
      outputTokens: tokenCount(input.outputTokens, 'outputTokens'),
    };
    const hash = requestHash(usageFingerprint(model, tokens));

    const replay = await this.replay(accountId, idempotencyKey, hash);
    if (replay) return replay;

    const rate = await this.rateCards.rateFor(model);
    const { charged, costMicroUsd } = priceUsage(tokens, rate);
    let result;
    try {
      result = await chargeUsage(this.em.fork(), this.hooks, {
        accountId,
        rate,
        tokens,
        charged,
        costMicroUsd,
        idempotencyKey,
        requestHash: hash,
        actorKeyId: actor?.keyId ?? null,
      });
    } catch (err) {
      if (pgCode(err) === '23505') {
        const raced = await this.replay(accountId, idempotencyKey, hash);
        if (raced) return raced;
      }
      throw err;
    }
    if (!result) {
      const sql = sqlOf(this.em.fork());
      if (!(await customerAccountExists(sql, accountId))) throw notFound(`Account ${accountId} not found`);
      const [balance] = await findBalances(sql, [accountId]);
      throw new InsufficientCredits(charged, balance ? balance.posted - balance.pending : null);
    }
    this.events.publish(result.balance);
    return result.usage;
  }

  private async replay(accountId: string, key: string, hash: string): Promise<UsageRecord | null> {
    const existing = await findUsageByKey(sqlOf(this.em.fork()), accountId, key);
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new IdempotencyConflict(key);
    return existing;
  }
}
