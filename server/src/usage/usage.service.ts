import type { Principal } from '../auth/roles.js';
import { decodeCursor, toPage, type Page } from '../graphql/connection-cursors.js';
import { pageSize } from '../shared/paging.js';
import type { Charged, LedgerService } from '../ledger/ledger.service.js';
import { requestHash } from '../shared/request-hash.js';
import type { UsageCharge } from '../ledger/ledger.types.js';
import type { RateCardsService } from '../ratecards/ratecards.service.js';
import { metrics } from '../metrics/metrics.js';
import { DomainError, IdempotencyConflict, badInput } from '../shared/errors.js';
import { parseId, requiredText } from '../shared/validate.js';
import { clientIdempotencyKey, priceUsage, storedIdempotencyKey, usageFingerprint, usageTokens } from './usage.rules.js';
import { SpendCapExceeded } from '../proxy/proxy.errors.js';
import { chargedTeamId } from '../teams/teams.rules.js';
import type { TeamsService } from '../teams/teams.service.js';
import type { TeamCharge } from '../teams/teams.types.js';
import type { RecordUsageInput, UsageBatchResult, UsageRecord } from './usage.types.js';
import { systemClock, type Clock } from '../sessions/tokens.js';

/** Rows per `recordUsageBatch` call at most. */
export const MAX_USAGE_BATCH = 1000;

export class UsageService {
  constructor(
    private readonly rateCards: RateCardsService,
    private readonly ledger: LedgerService,
    private readonly teams: TeamsService,
    private readonly clock: Clock = systemClock,
  ) {}

  async page(accountId: string, first?: number | null, after?: string | null): Promise<Page<UsageRecord>> {
    const n = pageSize(first);
    return toPage(await this.ledger.usagePage(accountId, n + 1, decodeCursor(after)), n);
  }

  async count(accountId: string): Promise<number> {
    return this.ledger.usageCount(accountId);
  }

  /**
   * Meters one call: prices it on the active rate card, and charges it exactly once per
   * idempotency key. Never takes available credits below zero; a refused charge writes nothing.
   */
  async record(actor: Principal | null, accountIdInput: string, input: RecordUsageInput): Promise<UsageRecord> {
    const priced = await this.priced(actor, accountIdInput, input);
    if ('replay' in priced) return priced.replay;
    try {
      return this.answered(await this.ledger.charge(priced));
    } catch (err) {
      throw err instanceof DomainError ? await this.refined(priced, err) : err;
    }
  }

  /**
   * Meters up to MAX_USAGE_BATCH calls through the same engine: each row is validated, priced and
   * charged on its own (in order, so rows that no longer fit the balance are refused in order),
   * and answered with its usage row or its error; a repeated key answers its first row.
   */
  async recordBatch(
    actor: Principal,
    inputs: readonly RecordUsageInput[],
    accountOf: (accountId: string | null | undefined) => string,
  ): Promise<UsageBatchResult[]> {
    if (inputs.length > MAX_USAGE_BATCH) throw badInput(`inputs may hold at most ${MAX_USAGE_BATCH} rows`, { field: 'inputs' });
    const results: UsageBatchResult[] = inputs.map((_, index) => ({ index, usage: null, error: null }));
    const charges: { index: number; charge: UsageCharge }[] = [];
    await Promise.all(
      inputs.map(async (input, index) => {
        try {
          const priced = await this.priced(actor, accountOf(input.accountId), input);
          if ('replay' in priced) results[index].usage = priced.replay;
          else charges.push({ index, charge: priced });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          results[index].error = err;
        }
      }),
    );
    charges.sort((a, b) => a.index - b.index);
    const charged = await this.ledger.chargeAll(charges.map((c) => c.charge));
    await Promise.all(
      charged.map(async (outcome, i) => {
        const r = results[charges[i].index];
        if (outcome instanceof DomainError) r.error = await this.refined(charges[i].charge, outcome);
        else r.usage = this.answered(outcome);
      }),
    );
    return results;
  }

  /** A team charge the member step refused: say why, with the member's remaining allocation. */
  private async refined(c: UsageCharge, err: DomainError): Promise<DomainError> {
    if (!c.member || err.details.proxyCode) return err;
    if (err.code === 'IDEMPOTENCY_CONFLICT')
      return new IdempotencyConflict(clientIdempotencyKey({ idempotencyKey: c.idempotencyKey, memberAccountId: c.member.memberAccountId }));
    if (err.code !== 'FORBIDDEN' && err.code !== 'SPEND_CAP_EXCEEDED') return err;
    return this.teams.refusal({ teamId: c.accountId, memberAccountId: c.member.memberAccountId }, c.charged);
  }

  private answered(result: Charged): UsageRecord {
    if (!result.replayed) metrics.creditsDeducted(result.usage.model, result.usage.chargedMillicredits, result.usage);
    return result.usage;
  }

  /**
   * Validates and prices one call. When the model is refused (unknown, switched off), a repeat of
   * an earlier request with this key is still answered with that request's row.
   */
  private async priced(
    actor: Principal | null,
    accountIdInput: string,
    input: RecordUsageInput,
  ): Promise<UsageCharge | { replay: UsageRecord }> {
    const callerAccountId = parseId(accountIdInput, 'accountId');
    const clientKey = requiredText(input.idempotencyKey, 'idempotencyKey', 200);
    // A team charge debits the team's account and records the caller as the member who spent;
    // the member's keys live apart from every other member's on the shared account.
    const teamId = chargedTeamId(actor, input.teamId);
    const accountId = teamId ?? callerAccountId;
    const idempotencyKey = storedIdempotencyKey(clientKey, teamId ? callerAccountId : null);
    const model = requiredText(input.model, 'model', 100);
    const tokens = usageTokens(input);
    const hash = requestHash(usageFingerprint(model, tokens));
    let rate;
    let team: TeamCharge | null = null;
    try {
      if (teamId) team = await this.teams.prepareCharge(actor, callerAccountId, teamId, model);
      rate = await this.rateCards.rateFor(model);
    } catch (err) {
      if (err instanceof DomainError) {
        const existing = await this.ledger.usageByKey(accountId, idempotencyKey);
        if (existing && existing.requestHash !== hash) throw new IdempotencyConflict(clientKey);
        if (existing) return { replay: existing };
      }
      throw err;
    }
    const { charged, costMicroUsd } = priceUsage(tokens, rate);
    const requestCap = team?.policy.requestCap ?? null;
    if (requestCap !== null && charged > requestCap) throw new SpendCapExceeded('request', requestCap, charged);
    return {
      accountId,
      rate,
      tokens,
      charged,
      costMicroUsd,
      idempotencyKey,
      requestHash: hash,
      actorKeyId: actor?.keyId ?? null,
      member: team ? { memberAccountId: callerAccountId, at: team.at } : null,
      at: team?.at ?? this.clock(),
    };
  }
}
