import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, sqlOf, toBigInt, type Sql } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { parseMillicredits } from '../money/money.js';
import { badInput, notFound } from '../shared/errors.js';
import { parseId } from '../shared/validate.js';
import type { Clock } from './delivery.worker.js';
import { claimCreditsExhausted } from './outbox.js';

export interface LowBalanceSetting {
  accountId: string;
  /** Set for a team member's threshold (on their remaining allocation; accountId is the team). */
  memberAccountId: string | null;
  /** Set for an API key's threshold (on its remaining budget). */
  apiKeyId: string | null;
  thresholdMillicredits: bigint;
  /** Set when the threshold was given in percent (of the last purchase, or of the member's allocation). */
  percent: number | null;
  /** False: the account follows the default from config. */
  custom: boolean;
  /** True while available credit is below the threshold and `balance.low` has fired for this crossing. */
  alerted: boolean;
}

/** A refusal seen on this instance in the last minute needs no database round trip to be refused again. */
const LOCAL_MEMO_MS = 60_000;

/**
 * Low-balance thresholds (the crossing itself is decided by the accounts trigger, see the outbox
 * migration) and `credits.exhausted` on refused charges.
 */
export class AlertsService {
  private readonly recentRefusals = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * Writes the configured default into the database (the trigger reads it there) and moves every
   * account that follows the default onto it, keeping an account already alerted and still below
   * it alerted (a new default is not a new crossing). A no-op when nothing changed.
   */
  async syncDefaultThreshold(threshold: bigint): Promise<void> {
    await inTransaction(currentEm(this.em), async (sql) => {
      const [row] = await sql.query<{ changed: boolean }>(
        `update notify_settings set default_low_balance_threshold = ?::bigint, updated_at = now()
          where singleton and default_low_balance_threshold <> ?::bigint returning true as changed`,
        [threshold.toString(), threshold.toString()],
      );
      if (row?.changed) {
        await sql.query(
          `update accounts
              set low_balance_thresholds = array[?::bigint],
                  low_balance_alerted_thresholds = case when low_balance_alerted and posted - pending < ?::bigint
                                                        then array[?::bigint] else '{}' end
            where not low_balance_threshold_custom and kind <> 'SYSTEM' and low_balance_thresholds <> array[?::bigint]`,
          [threshold.toString(), threshold.toString(), threshold.toString(), threshold.toString()],
        );
      }
    });
  }

  async setting(accountId: string): Promise<LowBalanceSetting> {
    const [row] = await sqlOf(currentEm(this.em)).query<Record<string, unknown>>(
      `select id, null as member_account_id, low_balance_threshold, low_balance_threshold_custom, low_balance_alerted, null as percent
         from accounts where id = ?::uuid and kind <> 'SYSTEM'`,
      [accountId],
    );
    if (!row) throw notFound(`Account ${accountId} not found`);
    return toSetting(row);
  }

  /** Every threshold of the account, highest first, each with its state. */
  async thresholds(accountId: string): Promise<LowBalanceSetting[]> {
    const rows = await thresholdRows(sqlOf(currentEm(this.em)), accountId);
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
    const custom = credits.length + percents.length > 0;
    return inTransaction(currentEm(this.em), async (sql) => {
      const before = await thresholdRows(sql, accountId, true);
      if (!before.length) throw notFound(`Account ${accountId} not found`);
      await sql.query(
        `update accounts
            set low_balance_credit_thresholds = ?::bigint[],
                low_balance_percents = ?::int[],
                low_balance_thresholds = case when ?::boolean then low_balance_effective(?::bigint[], ?::int[], low_balance_percent_base)
                                              else array[(select default_low_balance_threshold from notify_settings)] end,
                low_balance_threshold_custom = ?::boolean
          where id = ?::uuid`,
        [pgArray(credits), pgArray(percents), custom, pgArray(credits), pgArray(percents), custom, accountId],
      );
      const after = await thresholdRows(sql, accountId);
      if (actor.accountId !== accountId) {
        await writeAudit(sql, {
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
    const sql = sqlOf(currentEm(this.em));
    await lockScoped(sql, scope, false);
    return scopedThresholdRows(sql, scope);
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
    return inTransaction(currentEm(this.em), async (sql) => {
      await lockScoped(sql, scope, true);
      const before = await scopedThresholdRows(sql, scope);
      await sql.query(
        `update ${scope.table} m set low_balance_credit_thresholds = ?::bigint[], low_balance_percents = ?::int[] where ${scope.where}`,
        [pgArray(credits), pgArray(percents), scope.accountId, scope.id],
      );
      const after = await scopedThresholdRows(sql, scope);
      await writeAudit(sql, {
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

  /**
   * A charge was refused for credits (after the refusal, outside its transaction): claims this
   * hour's `credits.exhausted` for the account. Never throws; cheap when refusals repeat.
   */
  onRefused(accountId: string, requiredMillicredits: bigint): Promise<string | null> {
    const task = this.claimExhausted(accountId, requiredMillicredits);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return task;
  }

  /** Resolves when every refusal seen so far has been recorded (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async claimExhausted(accountId: string, requiredMillicredits: bigint): Promise<string | null> {
    const now = this.clock.now();
    const last = this.recentRefusals.get(accountId);
    if (last !== undefined && now.getTime() - last < LOCAL_MEMO_MS && now.getTime() >= last) return null;
    if (this.recentRefusals.size > 100_000) this.recentRefusals.clear();
    this.recentRefusals.set(accountId, now.getTime());
    try {
      // A fork of its own: this runs after a refusal, which may be rolling back the caller's transaction.
      return await claimCreditsExhausted(sqlOf(this.em.fork()), accountId, requiredMillicredits, now);
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message }, accountId }, 'could not record credits.exhausted');
      return null;
    }
  }
}

/** At most this many thresholds per account or member (millicredits and percents together). */
export const MAX_LOW_BALANCE_THRESHOLDS = 10;

/** Distinct, non-negative millicredit amounts, highest first. */
export function parseThresholds(inputs: readonly string[]): bigint[] {
  if (inputs.length > MAX_LOW_BALANCE_THRESHOLDS)
    throw badInput(`At most ${MAX_LOW_BALANCE_THRESHOLDS} thresholds per account`, { field: 'thresholdsMillicredits' });
  const values = inputs.map((t) => parseMillicredits(t, 'thresholdsMillicredits'));
  if (values.some((v) => v < 0n)) throw badInput('thresholdsMillicredits must not be negative', { field: 'thresholdsMillicredits' });
  return [...new Set(values)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
}

/** Both lists checked together: millicredits as `parseThresholds`, percents whole numbers 1–100, highest first. */
function parseThresholdLists(inputs: readonly string[], percentInputs: readonly number[]) {
  const credits = parseThresholds(inputs);
  if (percentInputs.some((p) => !Number.isInteger(p) || p < 1 || p > 100))
    throw badInput('thresholdsPercent must be whole numbers from 1 to 100', { field: 'thresholdsPercent' });
  const percents = [...new Set(percentInputs)].sort((a, b) => b - a);
  if (credits.length + percents.length > MAX_LOW_BALANCE_THRESHOLDS)
    throw badInput(`At most ${MAX_LOW_BALANCE_THRESHOLDS} thresholds per account`, { field: 'thresholdsPercent' });
  return { credits, percents };
}

const pgArray = (values: readonly (bigint | number)[]) => `{${values.join(',')}}`;

const auditedThresholds = (rows: LowBalanceSetting[]) => ({
  thresholdsMillicredits: rows.filter((t) => t.percent === null).map((t) => t.thresholdMillicredits),
  thresholdsPercent: rows.flatMap((t) => (t.percent === null ? [] : [t.percent])),
  custom: rows[0]?.custom ?? true,
});

/** The percent a threshold was given in, if it was not also given in millicredits. */
const percentOf = (table: string, base: string) =>
  `case when t.value = any(${table}.low_balance_credit_thresholds) then null
        else (select min(p) from unnest(${table}.low_balance_percents) p where coalesce(${base}, 0) * p / 100 = t.value) end`;

async function thresholdRows(sql: Sql, accountId: string, lock = false): Promise<LowBalanceSetting[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `select a.id, null as member_account_id, t.value as low_balance_threshold, a.low_balance_threshold_custom,
            t.value = any(a.low_balance_alerted_thresholds) as low_balance_alerted, ${percentOf('a', 'a.low_balance_percent_base')} as percent
       from accounts a, unnest(a.low_balance_thresholds) with ordinality as t (value, n)
      where a.id = ?::uuid and a.kind <> 'SYSTEM'
      order by t.n${lock ? ' for update of a' : ''}`,
    [accountId],
  );
  return rows.map(toSetting);
}

/** Whose thresholds other than an account's own: a member of the team `accountId`, or a key of the account `accountId`. */
export type ThresholdScopeInput = { accountId: string; memberAccountId: string } | { accountId: string; apiKeyId: string };

/** The scope `setLowBalanceThresholds` names: a member, a key, or (null) the account itself. */
export function thresholdScope(accountId: string, memberAccountId: string | null, apiKeyId: string | null): ThresholdScopeInput | null {
  if (memberAccountId && apiKeyId) throw badInput('Name a member or a key, not both', { field: 'apiKeyId' });
  if (memberAccountId) return { accountId, memberAccountId };
  return apiKeyId ? { accountId, apiKeyId } : null;
}

function scopeOf(input: ThresholdScopeInput) {
  const accountId = parseId(input.accountId, 'accountId');
  if ('memberAccountId' in input) {
    return {
      accountId,
      id: parseId(input.memberAccountId, 'memberAccountId'),
      table: 'team_members',
      where: 'm.team_id = ?::uuid and m.account_id = ?::uuid',
      active: 'm.removed_at is null',
      base: 'm.monthly_allocation',
      ids: 'm.team_id as id, m.account_id as member_account_id, null as api_key_id',
      idField: 'memberAccountId',
      auditAction: 'team.setMemberLowBalanceThresholds',
      missing: (id: string) => `Account ${id} is not an active member of team ${accountId}`,
    };
  }
  return {
    accountId,
    id: parseId(input.apiKeyId, 'apiKeyId'),
    table: 'api_keys',
    where: 'm.account_id = ?::uuid and m.id = ?::uuid',
    active: 'm.revoked_at is null',
    base: 'm.spend_limit_millicredits',
    ids: 'm.account_id as id, null as member_account_id, m.id as api_key_id',
    idField: 'apiKeyId',
    auditAction: 'apiKey.setLowBalanceThresholds',
    missing: (id: string) => `API key ${id} of account ${accountId} not found (or revoked)`,
  };
}
type Scope = ReturnType<typeof scopeOf>;

/** The member or key, active, else NOT_FOUND; `lock` takes its row for an update. */
async function lockScoped(sql: Sql, scope: Scope, lock: boolean): Promise<void> {
  const [row] = await sql.query(`select 1 from ${scope.table} m where ${scope.where} and ${scope.active}${lock ? ' for update' : ''}`, [
    scope.accountId,
    scope.id,
  ]);
  if (!row) throw notFound(scope.missing(scope.id));
}

/** Computed from the lists (the triggers store them only while there is an allocation or a limit to watch). */
async function scopedThresholdRows(sql: Sql, scope: Scope): Promise<LowBalanceSetting[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `select ${scope.ids}, t.value as low_balance_threshold, true as low_balance_threshold_custom,
            t.value = any(m.low_balance_alerted_thresholds) and t.value = any(m.low_balance_thresholds) as low_balance_alerted,
            ${percentOf('m', scope.base)} as percent
       from ${scope.table} m,
            unnest(low_balance_effective(m.low_balance_credit_thresholds, m.low_balance_percents, ${scope.base})) with ordinality as t (value, n)
      where ${scope.where}
      order by t.n`,
    [scope.accountId, scope.id],
  );
  return rows.map(toSetting);
}

const toSetting = (r: Record<string, unknown>): LowBalanceSetting => ({
  accountId: r.id as string,
  memberAccountId: (r.member_account_id as string | null) ?? null,
  apiKeyId: (r.api_key_id as string | null) ?? null,
  thresholdMillicredits: toBigInt(r.low_balance_threshold),
  percent: r.percent === null || r.percent === undefined ? null : Number(r.percent),
  custom: Boolean(r.low_balance_threshold_custom),
  alerted: Boolean(r.low_balance_alerted),
});
