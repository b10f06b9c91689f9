import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { inTransaction, pgCode, sqlOf } from '../db/sql.js';
import { metrics } from '../metrics/metrics.js';
import { DomainError, InsufficientCredits, notFound } from '../shared/errors.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { memberSpend } from '../teams/teams.repository.js';
import { MemberStepRefused, chargeUsage, type UsageCharge } from '../usage/usage.repository.js';
import type { UsageRecord } from '../usage/usage.types.js';
import type { BalanceEvents } from './balance-events.js';
import type { PostingHooks } from './ledger.hooks.js';
import { customerAccountExists, findBalances } from './ledger.repository.js';
import type { BalanceSnapshot } from './ledger.types.js';
import {
  claimHoldForSettle,
  extendHold,
  findHoldState,
  insertHold,
  keepUnsettledHold,
  lockAvailable,
  releaseExpiredHolds,
  releaseHold,
  sessionSpent,
  type Hold,
  type HoldInsert,
  type PlaceHoldRow,
} from './holds.repository.js';

export type { Hold } from './holds.repository.js';

/** pg advisory lock key of the hold expiry job ("cm-hold"): one instance at a time runs it. */
export const HOLD_EXPIRY_LOCK = 0x636d2d686f6c64n;

export class SpendCapExceeded extends DomainError {
  constructor(scope: 'request' | 'session', capMillicredits: bigint, requiredMillicredits: bigint) {
    super('SPEND_CAP_EXCEEDED', `This call could cost up to ${requiredMillicredits} millicredits, over the ${scope} spend cap of ${capMillicredits}`, {
      scope,
      capMillicredits: capMillicredits.toString(),
      requiredMillicredits: requiredMillicredits.toString(),
    });
  }
}

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
  /**
   * A call charged to a team (`accountId` is the team's): the member's allocation holds the same
   * amount (MemberStepRefused when it cannot). The clock's now picks the allocation period.
   */
  member?: { memberAccountId: string; at: Date } | null;
}

export type SettleCharge = Omit<UsageCharge, 'accountId' | 'releaseHold'>;

export interface Settled {
  usage: UsageRecord | null;
  charged: bigint;
  balance: BalanceSnapshot | null;
}

class SettleRefused extends Error {}
class BalanceRefused extends Error {}

/** The settle of a call could not be written: its hold stays HELD (never expiring) for an operator. */
export class SettleFailed extends Error {
  constructor(readonly holdId: string, override readonly cause: unknown) {
    super(`the settle of hold ${holdId} failed; the hold is kept`);
  }
}

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
    private readonly events: BalanceEvents,
    private readonly hooks: PostingHooks,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
  ) {}

  async place(spec: PlaceHoldSpec): Promise<Hold> {
    const insert: HoldInsert = {
      accountId: spec.accountId,
      amount: spec.amount,
      minimumAvailable: spec.amount,
      model: spec.model,
      apiKeyId: spec.apiKeyId,
      sessionId: spec.sessionId ?? null,
      partial: false,
      ttlSeconds: spec.ttlSeconds,
    };
    let placed: PlaceHoldRow | null;
    const partialMinimum = spec.partialMinimum ?? null;
    const sessionCap = spec.sessionId ? (spec.sessionCap ?? null) : null;
    if (spec.member) {
      placed = await this.placeForMember(insert, sessionCap, spec.member);
    } else if (partialMinimum === null && !sessionCap) {
      placed = await insertHold(sqlOf(this.em.fork()), insert);
    } else {
      // The row lock serialises this account's holds, so the session sum and the available
      // balance read here cannot change before the hold is written.
      placed = await inTransaction(this.em.fork(), async (sql) => {
        const available = await lockAvailable(sql, spec.accountId);
        if (available === null) return null;
        let amount = spec.amount;
        if (partialMinimum !== null && available < spec.amount && available >= partialMinimum) {
          amount = available;
        }
        if (sessionCap) {
          const spent = await sessionSpent(sql, spec.accountId, spec.sessionId!, sessionCap.windowSeconds);
          if (spent + amount > sessionCap.cap) throw new SpendCapExceeded('session', sessionCap.cap, spent + amount);
        }
        return insertHold(sql, { ...insert, amount, minimumAvailable: amount, partial: amount < spec.amount });
      });
    }
    if (!placed) {
      const sql = sqlOf(this.em.fork());
      if (!(await customerAccountExists(sql, spec.accountId))) throw notFound(`Account ${spec.accountId} not found`);
      const [balance] = await findBalances(sql, [spec.accountId]);
      throw new InsufficientCredits(partialMinimum ?? spec.amount, balance ? balance.posted - balance.pending : null);
    }
    this.events.publish(placed.balance);
    return placed.hold;
  }

  /**
   * A team call's hold: the member's allocation row first (it also serialises the member's
   * session sum), then the team's account, in one transaction; no partial holds on a team.
   * Null when the team's balance is short; MemberStepRefused when the allocation is.
   */
  private async placeForMember(insert: HoldInsert, sessionCap: PlaceHoldSpec['sessionCap'], member: NonNullable<PlaceHoldSpec['member']>): Promise<PlaceHoldRow | null> {
    try {
      return await inTransaction(this.em.fork(), async (sql) => {
        const reserved = await memberSpend(sql, {
          teamId: insert.accountId,
          memberAccountId: member.memberAccountId,
          spend: 0n,
          hold: insert.amount,
          at: member.at,
          requireActive: true,
        });
        if (!reserved) throw new MemberStepRefused();
        if (sessionCap && insert.sessionId) {
          const spent = await sessionSpent(sql, insert.accountId, insert.sessionId, sessionCap.windowSeconds);
          if (spent + insert.amount > sessionCap.cap) throw new SpendCapExceeded('session', sessionCap.cap, spent + insert.amount);
        }
        const placed = await insertHold(sql, { ...insert, memberAccountId: member.memberAccountId });
        if (!placed) throw new BalanceRefused();
        return placed;
      });
    } catch (err) {
      if (err instanceof BalanceRefused) return null;
      throw err;
    }
  }

  /**
   * Posts the actual cost and releases the hold in one transaction (through `chargeUsage`, so the
   * posting hooks apply). A charge the account cannot cover (the balance fell while the call ran,
   * e.g. a refund) is retried capped at the hold; if even that fails the hold is voided and logged.
   */
  async settle(hold: Hold, charge: SettleCharge): Promise<Settled> {
    const attempt = (charged: bigint) =>
      inTransaction(this.em.fork(), async (sql) => {
        const claimed = await claimHoldForSettle(sql, hold.id, charged, charge.requestId ?? null);
        // A team call: the member's allocation (its hold released by the claim) takes the charge;
        // a member removed mid-call still pays for the call they started.
        const member = hold.memberAccountId ? { memberAccountId: hold.memberAccountId, at: this.clock.now(), requireActive: false } : null;
        const result = await chargeUsage(sql.em, this.hooks, {
          ...charge,
          charged,
          accountId: hold.accountId,
          releaseHold: claimed ?? 0n,
          member,
        }).catch((err) => {
          if (err instanceof MemberStepRefused) throw new SettleRefused();
          throw err;
        });
        if (!result) throw new SettleRefused();
        return result;
      });
    let charged = charge.charged;
    let result;
    try {
      result = await this.retrying(hold, charge, () => attempt(charged));
    } catch (err) {
      if (!(err instanceof SettleRefused)) throw err;
      result = null;
      if (charged > hold.amount) {
        charged = hold.amount;
        result = await this.retrying(hold, charge, () => attempt(charged)).catch((e) => {
          if (e instanceof SettleRefused) return null;
          throw e;
        });
      }
      if (result) {
        this.log.warn({ holdId: hold.id, accountId: hold.accountId, wanted: charge.charged.toString(), charged: charged.toString() }, 'settle capped at the hold');
      }
    }
    if (!result) {
      this.log.error({ holdId: hold.id, accountId: hold.accountId, wanted: charge.charged.toString() }, 'settle refused: the account cannot cover the call; hold voided');
      const balance = await this.void(hold.id);
      return { usage: null, charged: 0n, balance };
    }
    this.events.publish(result.balance);
    return { usage: result.usage, charged, balance: result.balance };
  }

  /**
   * Runs one settle attempt, again on failures other than the balance (each attempt is one
   * transaction, so a failed one wrote nothing). When every attempt fails, the settle is never
   * lost silently: the hold is kept past its expiry with the reason, the failure is counted and
   * logged with everything needed to post it by hand, and SettleFailed is thrown.
   */
  private async retrying<T>(hold: Hold, charge: SettleCharge, attempt: () => Promise<T>): Promise<T> {
    let last: unknown;
    for (let i = 0; i < SETTLE_ATTEMPTS; i++) {
      try {
        return await attempt();
      } catch (err) {
        if (err instanceof SettleRefused) throw err;
        last = err;
      }
    }
    metrics.proxySettleFailure();
    const reason = failureReason(last);
    const kept = await keepUnsettledHold(sqlOf(this.em.fork()), hold.id, reason).catch(() => false);
    this.log.error(
      { reason, holdId: hold.id, accountId: hold.accountId, kept, model: charge.rate.model, charged: charge.charged.toString(), requestId: charge.requestId ?? null, tokens: charge.tokens },
      'proxy settle failed: the call is not charged yet; its hold is kept for an operator',
    );
    throw new SettleFailed(hold.id, last);
  }

  /** Releases a hold without charging (the call failed). Returns null when it was already released. */
  async void(holdId: string): Promise<BalanceSnapshot | null> {
    const balance = await releaseHold(sqlOf(this.em.fork()), holdId, 'VOIDED');
    if (balance) this.events.publish(balance);
    return balance;
  }

  /** Keeps a call's hold alive while it is still running (streams may outlive the TTL). */
  async extend(holdId: string, ttlSeconds: number): Promise<boolean> {
    return extendHold(sqlOf(this.em.fork()), holdId, ttlSeconds);
  }

  async state(holdId: string) {
    return findHoldState(sqlOf(this.em.fork()), holdId);
  }

  /**
   * Releases overdue holds (a crashed call's reservation). One instance at a time runs it (a
   * transaction-scoped advisory lock); returns how many holds were released.
   */
  async releaseExpired(limit = 500): Promise<number> {
    const { balances, released } = await inTransaction(this.em.fork(), async (sql) => {
      const [lock] = await sql.query<{ locked: boolean }>(`select pg_try_advisory_xact_lock(?::bigint) as locked`, [HOLD_EXPIRY_LOCK.toString()]);
      if (!lock?.locked) return { balances: [], released: 0 };
      return releaseExpiredHolds(sql, limit);
    });
    for (const balance of balances) this.events.publish(balance);
    if (released) this.log.info({ released }, 'expired holds released');
    return released;
  }

  /**
   * Runs `releaseExpired` every `intervalMs`. The timer never keeps the process alive, and stops
   * itself once the ORM is closed. Returns a stop function.
   */
  startExpiryJob(intervalMs: number, isConnected: () => Promise<boolean>): () => void {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        if (!(await isConnected())) {
          clearInterval(timer);
          return;
        }
        while ((await this.releaseExpired()) === 500) {
          /* drain a backlog batch by batch */
        }
      } catch (err) {
        this.log.error({ err }, 'hold expiry job failed');
      } finally {
        running = false;
      }
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
