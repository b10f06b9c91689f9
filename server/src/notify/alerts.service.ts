import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { writeAudit } from '../audit/audit.service.js';
import type { Principal } from '../auth/roles.js';
import { inTransaction, sqlOf, toBigInt } from '../db/sql.js';
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
   * account that follows the default onto it. A no-op when nothing changed.
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
          `update accounts set low_balance_threshold = ?::bigint where not low_balance_threshold_custom and kind <> 'SYSTEM' and low_balance_threshold <> ?::bigint`,
          [threshold.toString(), threshold.toString()],
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

  /**
   * Sets (or, with null, resets to the default) an account's threshold. When the new threshold is
   * above the available balance, `balance.low` fires now: the trigger sees the crossing.
   */
  async setThreshold(actor: Principal, accountIdInput: string, thresholdInput: string | null): Promise<LowBalanceSetting> {
    const accountId = parseId(accountIdInput, 'accountId');
    const threshold = thresholdInput === null ? null : parseMillicredits(thresholdInput, 'thresholdMillicredits');
    if (threshold !== null && threshold < 0n)
      throw badInput('thresholdMillicredits must not be negative', { field: 'thresholdMillicredits' });
    return inTransaction(currentEm(this.em), async (sql) => {
      const [before] = await sql.query<Record<string, unknown>>(
        `select id, low_balance_threshold, low_balance_threshold_custom, low_balance_alerted from accounts where id = ?::uuid and kind <> 'SYSTEM' for update`,
        [accountId],
      );
      if (!before) throw notFound(`Account ${accountId} not found`);
      const [row] = await sql.query<Record<string, unknown>>(
        `update accounts
            set low_balance_threshold = coalesce(?::bigint, (select default_low_balance_threshold from notify_settings)),
                low_balance_threshold_custom = ?::boolean
          where id = ?::uuid
          returning id, low_balance_threshold, low_balance_threshold_custom, low_balance_alerted`,
        [threshold?.toString() ?? null, threshold !== null, accountId],
      );
      const after = toSetting(row);
      if (actor.accountId !== accountId) {
        await writeAudit(sql, {
          actor,
          action: 'account.setLowBalanceThreshold',
          targetType: 'account',
          targetId: accountId,
          before: { thresholdMillicredits: toBigInt(before.low_balance_threshold), custom: before.low_balance_threshold_custom },
          after: { thresholdMillicredits: after.thresholdMillicredits, custom: after.custom },
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

const toSetting = (r: Record<string, unknown>): LowBalanceSetting => ({
  accountId: r.id as string,
  thresholdMillicredits: toBigInt(r.low_balance_threshold),
  custom: Boolean(r.low_balance_threshold_custom),
  alerted: Boolean(r.low_balance_alerted),
});
