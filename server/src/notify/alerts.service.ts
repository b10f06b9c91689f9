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
  thresholdMillicredits: bigint;
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

  async setting(accountIdInput: string): Promise<LowBalanceSetting> {
    const accountId = parseId(accountIdInput, 'accountId');
    const [row] = await sqlOf(currentEm(this.em)).query<Record<string, unknown>>(
      `select id, low_balance_threshold, low_balance_threshold_custom, low_balance_alerted from accounts where id = ?::uuid and kind <> 'SYSTEM'`,
      [accountId],
    );
    if (!row) throw notFound(`Account ${accountId} not found`);
    return toSetting(row);
  }

  /** Every threshold of the account, highest first, each with its state. */
  async thresholds(accountIdInput: string): Promise<LowBalanceSetting[]> {
    const accountId = parseId(accountIdInput, 'accountId');
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
   * Replaces an account's thresholds (an empty list returns to the configured default). A threshold
   * kept from before keeps its state; a new one above the available balance fires `balance.low` at
   * once (the trigger sees the crossing), each once. Invalid input changes nothing.
   */
  async setThresholds(actor: Principal, accountIdInput: string, inputs: readonly string[]): Promise<LowBalanceSetting[]> {
    const accountId = parseId(accountIdInput, 'accountId');
    const thresholds = parseThresholds(inputs);
    return inTransaction(currentEm(this.em), async (sql) => {
      const before = await thresholdRows(sql, accountId, true);
      if (!before.length) throw notFound(`Account ${accountId} not found`);
      await sql.query(
        `update accounts
            set low_balance_thresholds = case when ?::boolean then ?::bigint[]
                                              else array[(select default_low_balance_threshold from notify_settings)] end,
                low_balance_threshold_custom = ?::boolean
          where id = ?::uuid`,
        [thresholds.length > 0, `{${thresholds.join(',')}}`, thresholds.length > 0, accountId],
      );
      const after = await thresholdRows(sql, accountId);
      if (actor.accountId !== accountId) {
        await writeAudit(sql, {
          actor,
          action: 'account.setLowBalanceThreshold',
          targetType: 'account',
          targetId: accountId,
          before: { thresholdsMillicredits: before.map((t) => t.thresholdMillicredits), custom: before[0].custom },
          after: { thresholdsMillicredits: after.map((t) => t.thresholdMillicredits), custom: after[0].custom },
        });
      }
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

/** At most this many thresholds per account. */
export const MAX_LOW_BALANCE_THRESHOLDS = 10;

/** Distinct, non-negative millicredit amounts, highest first. */
export function parseThresholds(inputs: readonly string[]): bigint[] {
  if (inputs.length > MAX_LOW_BALANCE_THRESHOLDS)
    throw badInput(`At most ${MAX_LOW_BALANCE_THRESHOLDS} thresholds per account`, { field: 'thresholdsMillicredits' });
  const values = inputs.map((t) => parseMillicredits(t, 'thresholdsMillicredits'));
  if (values.some((v) => v < 0n)) throw badInput('thresholdsMillicredits must not be negative', { field: 'thresholdsMillicredits' });
  return [...new Set(values)].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
}

async function thresholdRows(sql: Sql, accountId: string, lock = false): Promise<LowBalanceSetting[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `select a.id, t.value as low_balance_threshold, a.low_balance_threshold_custom, t.value = any(a.low_balance_alerted_thresholds) as low_balance_alerted
       from accounts a, unnest(a.low_balance_thresholds) with ordinality as t (value, n)
      where a.id = ?::uuid and a.kind <> 'SYSTEM'
      order by t.n${lock ? ' for update of a' : ''}`,
    [accountId],
  );
  return rows.map(toSetting);
}

const toSetting = (r: Record<string, unknown>): LowBalanceSetting => ({
  accountId: r.id as string,
  thresholdMillicredits: toBigInt(r.low_balance_threshold),
  custom: Boolean(r.low_balance_threshold_custom),
  alerted: Boolean(r.low_balance_alerted),
});
