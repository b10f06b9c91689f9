import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/roles.js';
import { pgCode, sqlOf } from '../db/sql.js';
import type { BalanceEvents } from '../ledger/balance-events.js';
import type { PostingHooks } from '../ledger/ledger.hooks.js';
import { decodeCursor, pageSize, toPage, type Page } from '../ledger/cursor.js';
import { customerAccountExists, findBalances } from '../ledger/ledger.repository.js';
import { requestHash } from '../ledger/ledger.service.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import { metrics } from '../metrics/metrics.js';
import { DomainError, IdempotencyConflict, InsufficientCredits, notFound } from '../shared/errors.js';
import { parseId, requiredText, tokenCount } from '../shared/validate.js';
import { SpendCapExceeded } from '../ledger/holds.service.js';
import { chargedTeamId } from '../teams/teams.rules.js';
import type { TeamsService } from '../teams/teams.service.js';
import { MemberStepRefused, chargeUsage, countUsage, findUsageByKey, findUsagePage } from './usage.repository.js';
import { priceUsage, storedIdempotencyKey, usageFingerprint } from './usage.rules.js';
import type { RecordUsageInput, UsageRecord } from './usage.types.js';

export class UsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly rateCards: RateCardsService,
    private readonly events: BalanceEvents,
    private readonly hooks: PostingHooks,
    private readonly teams: TeamsService,
  ) {}

  async page(accountId: string, first?: number | null, after?: string | null): Promise<Page<UsageRecord>> {
    const n = pageSize(first);
    return toPage(await findUsagePage(sqlOf(this.em.fork()), accountId, n + 1, decodeCursor(after)), n);
  }

  async count(accountId: string): Promise<number> {
    return countUsage(sqlOf(this.em.fork()), accountId);
  }

  /**
   * Meters one call: prices it on the active rate card, and charges it exactly once per
   * idempotency key. Never takes available credits below zero; a refused charge writes nothing.
   */
  async record(actor: Principal | null, accountIdInput: string, input: RecordUsageInput): Promise<UsageRecord> {
    const callerAccountId = parseId(accountIdInput, 'accountId');
    const clientKey = requiredText(input.idempotencyKey, 'idempotencyKey', 200);
    const model = requiredText(input.model, 'model', 100);
    const tokens = {
      inputTokens: tokenCount(input.inputTokens, 'inputTokens'),
      cachedInputTokens: tokenCount(input.cachedInputTokens, 'cachedInputTokens'),
      outputTokens: tokenCount(input.outputTokens, 'outputTokens'),
    };
    const hash = requestHash(usageFingerprint(model, tokens));
    // A team charge debits the team's account and records the caller as the member who spent.
    const teamId = chargedTeamId(actor, input.teamId);
    const accountId = teamId ?? callerAccountId;
    const idempotencyKey = storedIdempotencyKey(clientKey, teamId ? callerAccountId : null);

    // Optimistic: a first request (the common case) costs no lookup. Whenever the charge does not
    // land (rate refused, no credits, key already taken) a repeat of an earlier request is
    // answered with that request's row instead.
    let result;
    try {
      const team = teamId ? await this.teams.prepareCharge(actor, callerAccountId, teamId, model) : null;
      const rate = await this.rateCards.rateFor(model);
      const { charged, costMicroUsd } = priceUsage(tokens, rate);
      const requestCap = team?.policy.requestCap ?? null;
      if (requestCap !== null && charged > requestCap) throw new SpendCapExceeded('request', requestCap, charged);
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
          member: team ? { memberAccountId: callerAccountId, at: team.at, requireActive: true } : null,
        });
      } catch (err) {
        if (err instanceof MemberStepRefused) throw await this.teams.refusal(team!, charged);
        throw err;
      }
      if (!result) {
        const replay = await this.replay(accountId, idempotencyKey, hash);
        if (replay) return replay;
        const sql = sqlOf(this.em.fork());
        if (!(await customerAccountExists(sql, accountId))) throw notFound(`Account ${accountId} not found`);
        const [balance] = await findBalances(sql, [accountId]);
        throw new InsufficientCredits(charged, balance ? balance.posted - balance.pending : null);
      }
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INSUFFICIENT_CREDITS') throw err;
      if (err instanceof DomainError || pgCode(err) === '23505') {
        const replay = await this.replay(accountId, idempotencyKey, hash);
        if (replay) return replay;
      }
      throw err;
    }
    this.events.publish(result.balance);
    metrics.creditsDeducted(result.usage.model, result.usage.chargedMillicredits, result.usage);
    return result.usage;
  }

  private async replay(accountId: string, key: string, hash: string): Promise<UsageRecord | null> {
    const existing = await findUsageByKey(sqlOf(this.em.fork()), accountId, key);
    if (!existing) return null;
    if (existing.requestHash !== hash) throw new IdempotencyConflict(key);
    return existing;
  }
}
