import { DomainError, swallowed } from '../shared/errors.js';
import { tryXactLock } from '../db/locks.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { pgCode } from '../db/values.js';
import { currentEm } from '../db/unit-of-work.js';
import { metrics } from '../metrics/metrics.js';
import { SpendCapExceeded } from '../proxy/proxy.errors.js';
import type { EventBus } from '../shared/events/bus.js';
import type { LedgerEngine } from './engine.js';
import type { BalanceSnapshot, UsageCharge } from './ledger.types.js';
import type { UsageRecord } from '../usage/usage.types.js';
import { findHoldState, keepUnsettledHold, releaseExpiredHolds, type Hold } from './queries/holds.js';
import { observedRefusal } from './refusals.js';
import { systemClock, type Clock } from '../sessions/tokens.js';

export type { Hold } from './queries/holds.js';

/** pg advisory lock key of the hold expiry job ("cm-hold"): one instance at a time runs it. */
export const HOLD_EXPIRY_LOCK = 0x636d2d686f6c64n;

export interface PlaceHoldSpec {
  accountId: string;
  /** The call's worst-case cost. */
  amount: bigint;
  /** Partial hold (streaming-aware): hold min(amount, available) if available >= this. */
  partialMinimum?: bigint | null;
  model: string;
  apiKeyId: string | null;
  sessionId?: string | null;
  /** Cumulative cap over the session's window (needs sessionId). */
  sessionCap?: { cap: bigint; windowSeconds: number } | null;
  ttlSeconds: number;
  /** A call charged to a team (`accountId` is the team's): the member and the clock's now. */
  member?: { memberAccountId: string; at: Date } | null;
}

export type SettleCharge = Omit<UsageCharge, 'accountId'>;

/** A placed hold and the account's available credits with it in place (posted - pending as the hold left them). */
export interface PlacedHold extends Hold {
  availableAfter: bigint;
}

export interface Settled {
  usage: UsageRecord | null;
  charged: bigint;
  balance: BalanceSnapshot | null;
}

/** The settle of a call could not be written: its hold stays HELD (never expiring) for an operator. */
export const settleFailed = (holdId: string, cause: unknown): DomainError =>
  Object.assign(new DomainError('SETTLE_FAILED', `the settle of hold ${holdId} failed; the hold is kept`, { holdId }), { cause });

export const isSettleFailed = (err: unknown): err is DomainError => err instanceof DomainError && err.code === 'SETTLE_FAILED';

/**
 * A failure's code and message without the statement or its values (those may carry PII): the
 * driver reports `<sql> - <PostgreSQL's message>`.
 */
function failureReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const cut = message.lastIndexOf(' - ');
  const text = cut >= 0 ? message.slice(cut + 3) : /\b(select|insert|update|with)\b/i.test(message) ? 'database error' : message;
  const code = pgCode(err);
  return code ? `${code}: ${text}` : text;
}

/** Attempts of a settle that fails for a reason other than the balance (e.g. a dropped connection). */
const SETTLE_ATTEMPTS = 3;

/**
 * Holds: a proxied call reserves its worst case (`pending += hold`) before it calls the provider,
 * then settles the actual cost (releasing the hold in the same statement as the charge) or voids.
 * A hold leaves the HELD state exactly once; that transition is what releases `pending`.
 */
export class HoldsService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventBus,
    private readonly engine: LedgerEngine,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
  ) {}

  /** One call: locks the account, applies the partial-hold and session-cap rules, places the hold. */
  async place(spec: PlaceHoldSpec): Promise<PlacedHold> {
    const partialMinimum = spec.partialMinimum ?? null;
    const sessionId = spec.sessionId ?? null;
    const placed = await this.engine.hold({
      accountId: spec.accountId,
      amount: spec.amount,
      partialMinimum,
      model: spec.model,
      apiKeyId: spec.apiKeyId,
      sessionId,
      sessionCap: sessionId ? (spec.sessionCap ?? null) : null,
      ttlSeconds: spec.ttlSeconds,
      member: spec.member ?? null,
      at: spec.member?.at ?? this.clock(),
    });
    if (placed.status === 'SESSION_CAP') {
      throw new SpendCapExceeded('session', spec.sessionCap!.cap, placed.sessionSpent! + placed.amount!);
    }
    if (placed.status !== 'OK') {
      // KEY_LIMIT answers the key's remaining budget in `available`, and the hold it needed.
      const required = placed.status === 'KEY_LIMIT' ? placed.amount! : (partialMinimum ?? spec.amount);
      throw observedRefusal(this.events, placed.status, {
        accountId: spec.accountId,
        required,
        available: placed.available,
        model: spec.model,
      });
    }
    return { ...placed.hold!, availableAfter: placed.available ?? 0n };
  }

  /**
   * Posts the actual cost and releases the hold in one call (the posting hooks run with it). A
   * cost the account can no longer cover (the balance fell while the call ran, e.g. a refund) is
   * capped at the hold; if even that fails the hold is voided and logged.
   */
  async settle(hold: Hold, charge: SettleCharge): Promise<Settled> {
    // A team call's member comes from the hold (the database reads it there); the clock picks the period.
    const at = this.clock();
    const member = hold.memberAccountId ? { memberAccountId: hold.memberAccountId, at } : null;
    const settled = await this.retrying(hold, charge, () =>
      this.engine.settle(hold.id, { ...charge, accountId: hold.accountId, member, at }),
    );
    const wanted = charge.charged.toString();
    if (settled.outcome === 'VOIDED') {
      this.log.error(
        { holdId: hold.id, accountId: hold.accountId, wanted },
        'settle refused: the account cannot cover the call; hold voided',
      );
      return { usage: null, charged: 0n, balance: settled.charge.balance };
    }
    if (settled.outcome === 'CAPPED') {
      this.log.warn(
        { holdId: hold.id, accountId: hold.accountId, wanted, charged: settled.charged.toString() },
        'settle capped at the hold',
      );
    }
    const usage = settled.charge.usage;
    if (!usage)
      throw observedRefusal(this.events, settled.charge.status, {
        accountId: hold.accountId,
        required: settled.charged,
        available: settled.charge.available,
        idempotencyKey: charge.idempotencyKey,
      });
    return { usage, charged: usage.chargedMillicredits, balance: settled.charge.balance };
  }

  /**
   * Runs the settle call, again on failures (each attempt is one transaction, so a failed one
   * wrote nothing, and the settle key makes a repeat of one that did commit a replay). When every
   * attempt fails, the settle is never lost silently: the hold is kept past its expiry with the
   * reason, the failure is counted and logged with everything needed to post it by hand, and
   * a SETTLE_FAILED error is thrown.
   */
  private async retrying<T>(hold: Hold, charge: SettleCharge, attempt: () => Promise<T>): Promise<T> {
    let last: unknown;
    for (let i = 0; i < SETTLE_ATTEMPTS; i++) {
      try {
        return await attempt();
      } catch (err) {
        last = err;
      }
    }
    metrics.proxySettleFailure();
    const reason = failureReason(last);
    const kept = await keepUnsettledHold(currentEm(this.em), hold.id, reason).catch(
      (err: unknown) => swallowed(err, 'holds.keep-unsettled', this.log) ?? false,
    );
    this.log.error(
      {
        reason,
        holdId: hold.id,
        accountId: hold.accountId,
        kept,
        model: charge.rate.model,
        charged: charge.charged.toString(),
        requestId: charge.requestId ?? null,
        tokens: charge.tokens,
      },
      'proxy settle failed: the call is not charged yet; its hold is kept for an operator',
    );
    throw settleFailed(hold.id, last);
  }

  /** Releases a hold without charging (the call failed). Returns null when it was already released. */
  async void(hold: Pick<Hold, 'id' | 'accountId'>): Promise<BalanceSnapshot | null> {
    return this.engine.release(hold, 'VOIDED');
  }

  /** Keeps a call's hold alive while it is still running (streams may outlive the TTL). */
  async extend(holdId: string, ttlSeconds: number): Promise<boolean> {
    return this.engine.extend(holdId, ttlSeconds);
  }

  async state(holdId: string) {
    return findHoldState(currentEm(this.em), holdId);
  }

  /**
   * Releases overdue holds (a crashed call's reservation). One instance at a time runs it (a
   * transaction-scoped advisory lock); returns how many holds were released.
   */
  async releaseExpired(limit = 500): Promise<number> {
    const { balances, released } = await currentEm(this.em).transactional(async (tem) => {
      if (!(await tryXactLock(tem, HOLD_EXPIRY_LOCK))) return { balances: [], released: 0 };
      return releaseExpiredHolds(tem, limit);
    });
    for (const balance of balances) this.events.publish('balance', balance);
    metrics.holdsExpired(released);
    if (released) this.log.info({ released }, 'expired holds released');
    return released;
  }
}
