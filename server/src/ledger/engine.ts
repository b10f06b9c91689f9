import type { Sql } from '../db/sql.js';
import { toBigInt } from '../db/sql.js';
import type { BalanceEvents } from './balance-events.js';
import { isConnectionLoss, type LedgerDb } from './engine.db.js';
import { POST_IN_TRANSACTION, STATEMENTS } from './engine.sql.js';
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import type { PostSpec } from './ledger.repository.js';
import type { BalanceSnapshot, UsageCharge, UsageRecord } from './ledger.types.js';

type Row = Record<string, unknown>;

/** FORBIDDEN and SPEND_CAP refuse a team charge for the member (removed, or over their allocation). */
export type ChargeStatus = 'OK' | 'REPLAY' | 'CONFLICT' | 'NOT_FOUND' | 'INSUFFICIENT' | 'DUPLICATE' | 'FORBIDDEN' | 'SPEND_CAP';

/** One charge's own answer: accepted (or a replay of an earlier one), or why it was refused. */
export interface ChargeOutcome {
  status: ChargeStatus;
  usage: UsageRecord | null;
  balance: BalanceSnapshot | null;
  /** Available credits when refused as INSUFFICIENT. */
  available: bigint | null;
}

export type PostStatus = 'OK' | 'REPLAY' | 'NOT_FOUND' | 'INSUFFICIENT';

export interface PostOutcome {
  status: PostStatus;
  transactionId: string | null;
  balance: BalanceSnapshot | null;
  /** The request hash stored with the transaction (REPLAY). */
  requestHash: string | null;
  /** Available credits when refused as INSUFFICIENT. */
  available: bigint | null;
}

export interface HoldSpec {
  accountId: string;
  amount: bigint;
  partialMinimum: bigint | null;
  model: string;
  apiKeyId: string | null;
  sessionId: string | null;
  sessionCap: { cap: bigint; windowSeconds: number } | null;
  ttlSeconds: number;
  /** A team call: the member whose allocation holds it too. */
  member: { memberAccountId: string; at: Date } | null;
}

export interface HoldOutcome {
  status: 'OK' | 'NOT_FOUND' | 'INSUFFICIENT' | 'SESSION_CAP' | 'FORBIDDEN' | 'SPEND_CAP';
  hold: {
    id: string;
    accountId: string;
    amount: bigint;
    partial: boolean;
    createdAt: Date;
    expiresAt: Date;
    memberAccountId: string | null;
  } | null;
  /** INSUFFICIENT: what was needed; SESSION_CAP: the hold it would have placed. */
  amount: bigint | null;
  available: bigint | null;
  sessionSpent: bigint | null;
  balance: BalanceSnapshot | null;
}

export interface SettleOutcome {
  /** SETTLED, CAPPED (charged the hold, not the cost), VOIDED (nothing charged), REPLAY. */
  outcome: 'SETTLED' | 'CAPPED' | 'VOIDED' | 'REPLAY';
  charged: bigint;
  charge: ChargeOutcome;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { windowMs: 1, maxBatch: 1000, maxInFlight: 6 };

const str = (v: bigint | number | null | undefined) => (v === null || v === undefined ? null : v.toString());

/** The JSON row `creditmeter_charge` reads (bigints as strings: JSON numbers would lose digits). */
export function chargeRow(c: UsageCharge): Row {
  return {
    account_id: c.accountId,
    key: c.idempotencyKey,
    hash: c.requestHash,
    charged: str(c.charged),
    cost: str(c.costMicroUsd),
    rate_card_id: c.rate.rateCardId,
    model: c.rate.model,
    input: str(c.tokens.inputTokens),
    cached: str(c.tokens.cachedInputTokens),
    output: str(c.tokens.outputTokens),
    in_rate: str(c.rate.rates.inputPer1k),
    cached_rate: str(c.rate.rates.cachedInputPer1k),
    out_rate: str(c.rate.rates.outputPer1k),
    cost_in: str(c.rate.costs.inputPer1k),
    cost_cached: str(c.rate.costs.cachedInputPer1k),
    cost_out: str(c.rate.costs.outputPer1k),
    source: c.source ?? 'API',
    api_key_id: c.actorKeyId,
    actor_key_id: c.actorKeyId,
    request_id: c.requestId ?? null,
    latency_ms: c.latencyMs ?? null,
    ...(c.member ? { member: c.member.memberAccountId, member_at: c.member.at.toISOString() } : {}),
  };
}

export function toUsageRecord(r: Row, prefix = ''): UsageRecord {
  const f = (k: string) => r[prefix + k];
  return {
    id: f('id') as string,
    seq: toBigInt(f('seq')),
    accountId: f('account_id') as string,
    transactionId: f('transaction_id') as string,
    rateCardId: f('rate_card_id') as string,
    model: f('model') as string,
    inputTokens: toBigInt(f('input_tokens')),
    cachedInputTokens: toBigInt(f('cached_input_tokens')),
    outputTokens: toBigInt(f('output_tokens')),
    inputPer1k: toBigInt(f('input_per1k')),
    cachedInputPer1k: toBigInt(f('cached_input_per1k')),
    outputPer1k: toBigInt(f('output_per1k')),
    chargedMillicredits: toBigInt(f('charged')),
    costMicroUsd: toBigInt(f('cost_micro_usd')),
    idempotencyKey: f('idempotency_key') as string,
    requestHash: f('request_hash') as string,
    source: f('source') as string,
    requestId: (f('request_id') as string | null) ?? null,
    latencyMs: (f('latency_ms') as number | null) ?? null,
    memberAccountId: (f('member_account_id') as string | null | undefined) ?? null,
    apiKeyId: (f('api_key_id') as string | null | undefined) ?? null,
    createdAt: new Date(f('created_at') as string),
  };
}

const balanceOf = (accountId: string, r: Row, posted: string, pending: string, at: string): BalanceSnapshot | null =>
  r[posted] === null || r[posted] === undefined
    ? null
    : { accountId, posted: toBigInt(r[posted]), pending: toBigInt(r[pending]), updatedAt: new Date(r[at] as string) };

function toChargeOutcome(r: Row, c: UsageCharge): ChargeOutcome {
  const status = r.status as ChargeStatus;
  // The charge's answer row leaves the member out: a team key is per member, so it is this one.
  const usage = r.u_id ? { ...toUsageRecord(r, 'u_'), memberAccountId: c.member?.memberAccountId ?? null } : null;
  return {
    status,
    usage,
    balance: balanceOf(c.accountId, r, 'bal_posted', 'bal_pending', 'bal_at'),
    available: r.available === null || r.available === undefined ? null : toBigInt(r.available),
  };
}

interface ChargeItem {
  charge: UsageCharge;
  accounts: readonly string[];
  dedupeKey: string;
}

/**
 * The ledger engine: the one place that writes ledger tables. Every movement is one database
 * function call (ledger/sql; the posting hook for grants runs inside it); usage charges go through
 * group commit. Balance events are published after commit.
 */
export class LedgerEngine {
  private readonly charges: GroupCommit<ChargeItem, ChargeOutcome>;

  constructor(
    private readonly db: LedgerDb,
    private readonly events: BalanceEvents,
    groupCommit: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  ) {
    this.charges = new GroupCommit((items) => this.chargeCall(items.map((i) => i.charge)), groupCommit);
  }

  /** Group commit calls and charges so far. */
  get chargeStats(): { calls: number; items: number } {
    return { ...this.charges.stats };
  }

  /** One usage charge, coalesced with whatever else is charged at the same moment. */
  charge(c: UsageCharge): Promise<ChargeOutcome> {
    return this.charges.submit(chargeItem(c));
  }

  /** Many usage charges, in order, each answered on its own. */
  chargeAll(cs: readonly UsageCharge[]): Promise<ChargeOutcome[]> {
    return this.charges.submitAll(cs.map(chargeItem));
  }

  /**
   * One call of `creditmeter_charge` (a group commit batch). A lost connection is retried once:
   * the idempotency keys make the retry answer the charges that did commit as replays.
   */
  private async chargeCall(cs: UsageCharge[]): Promise<ChargeOutcome[]> {
    const payload = JSON.stringify(cs.map(chargeRow));
    const attempt = async (): Promise<ChargeOutcome[]> =>
      (await this.db.call(STATEMENTS.charge, [payload])).map((r, i) => toChargeOutcome(r, cs[i]));
    let outcomes: ChargeOutcome[];
    let retried = false;
    try {
      outcomes = await attempt();
    } catch (err) {
      if (!isConnectionLoss(err)) throw err;
      retried = true;
      outcomes = await attempt();
    }
    this.publishLatest(outcomes.filter((o) => o.status === 'OK' || (retried && o.status === 'REPLAY')).map((o) => o.balance));
    return outcomes;
  }

  /**
   * One movement (credit, refund, expiry, reversal, adjustment, ...): in the caller's transaction
   * when `within` is given (the caller publishes after its commit), else in its own.
   */
  async post(spec: PostSpec, within?: Sql, also?: (sql: Sql, outcome: PostOutcome) => Promise<void>): Promise<PostOutcome> {
    const values = [
      spec.accountId,
      spec.type,
      spec.delta.toString(),
      spec.counterparty,
      spec.idempotencyKey ?? null,
      spec.requestHash ?? null,
      spec.referenceId ?? null,
      spec.reason ?? null,
      spec.actorKeyId ?? null,
      spec.reversalOfId ?? null,
      spec.allowNegative ?? false,
    ];
    const after = async (sql: Sql, outcome: PostOutcome) => {
      if (outcome.status === 'OK' && also) await also(sql, outcome);
    };
    if (within) {
      const outcome = toPostOutcome((await within.query<Row>(POST_IN_TRANSACTION, values))[0], spec.accountId);
      await after(within, outcome);
      return outcome;
    }
    let outcome: PostOutcome;
    if (!also) {
      outcome = toPostOutcome((await this.db.call(STATEMENTS.post, values))[0], spec.accountId);
    } else {
      outcome = await this.db.transaction(async (tx) => {
        const o = toPostOutcome((await tx.call(STATEMENTS.post, values))[0], spec.accountId);
        await after(tx.sql, o);
        return o;
      });
    }
    if (outcome.status === 'OK') this.publishLatest([outcome.balance]);
    return outcome;
  }

  async hold(spec: HoldSpec): Promise<HoldOutcome> {
    const [r] = await this.db.call(STATEMENTS.hold, [
      spec.accountId,
      spec.amount.toString(),
      str(spec.partialMinimum),
      spec.model,
      spec.apiKeyId,
      spec.sessionId,
      str(spec.sessionCap?.cap),
      spec.sessionCap?.windowSeconds ?? 0,
      spec.ttlSeconds,
      spec.member?.memberAccountId ?? null,
      spec.member?.at.toISOString() ?? null,
    ]);
    const status = r.status as HoldOutcome['status'];
    const outcome: HoldOutcome = {
      status,
      hold:
        status === 'OK'
          ? {
              id: r.hold_id as string,
              accountId: spec.accountId,
              amount: toBigInt(r.amount),
              partial: Boolean(r.partial),
              createdAt: new Date(r.created_at as string),
              expiresAt: new Date(r.expires_at as string),
              memberAccountId: spec.member?.memberAccountId ?? null,
            }
          : null,
      amount: r.amount === null ? null : toBigInt(r.amount),
      available: r.available === null ? null : toBigInt(r.available),
      sessionSpent: r.spent === null ? null : toBigInt(r.spent),
      balance: balanceOf(spec.accountId, r, 'posted', 'pending', 'updated_at'),
    };
    if (status === 'OK') this.publishLatest([outcome.balance]);
    return outcome;
  }

  /** Charges a held call's actual cost and releases its hold, in one call (see creditmeter_settle). */
  async settle(holdId: string, c: UsageCharge): Promise<SettleOutcome> {
    const payload = JSON.stringify(chargeRow(c));
    const read = (rows: Row[]): SettleOutcome => {
      const r = rows[0];
      return { outcome: r.settle as SettleOutcome['outcome'], charged: toBigInt(r.charged), charge: toChargeOutcome(r, c) };
    };
    const settled = read(await this.db.call(STATEMENTS.settle, [holdId, payload]));
    if (settled.outcome !== 'REPLAY') this.publishLatest([settled.charge.balance]);
    return settled;
  }

  /** Releases a HELD hold (void, expiry) in one statement; null when it was no longer HELD. */
  async release(holdId: string, state: 'VOIDED' | 'EXPIRED'): Promise<BalanceSnapshot | null> {
    const [r] = await this.db.call(STATEMENTS.release, [holdId, state]);
    if (!r) return null;
    const balance = balanceOf(r.account_id as string, r, 'posted', 'pending', 'updated_at');
    this.publishLatest([balance]);
    return balance;
  }

  async extend(holdId: string, ttlSeconds: number): Promise<boolean> {
    return (await this.db.call(STATEMENTS.extend, [holdId, ttlSeconds])).length > 0;
  }

  /** Cached balances of customer accounts (missing ids are left out), on a prepared statement. */
  async balances(accountIds: readonly string[]): Promise<BalanceSnapshot[]> {
    const rows = await this.db.call(STATEMENTS.balances, [accountIds]);
    return rows.map((r) => balanceOf(r.account_id as string, r, 'posted', 'pending', 'updated_at')!);
  }

  /** Publishes each account's newest balance once (a batch may move one account many times). */
  private publishLatest(balances: (BalanceSnapshot | null)[]): void {
    const latest = new Map<string, BalanceSnapshot>();
    for (const b of balances) {
      if (!b) continue;
      const seen = latest.get(b.accountId);
      if (!seen || b.updatedAt >= seen.updatedAt) latest.set(b.accountId, b);
    }
    for (const b of latest.values()) this.events.publish(b);
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

const chargeItem = (c: UsageCharge): ChargeItem => ({
  charge: c,
  accounts: [c.accountId],
  dedupeKey: `${c.accountId}|${c.idempotencyKey}`,
});

function toPostOutcome(r: Row, accountId: string): PostOutcome {
  return {
    status: r.status as PostStatus,
    transactionId: (r.transaction_id as string | null) ?? null,
    balance:
      r.status === 'OK' || r.status === 'REPLAY'
        ? balanceOf(accountId, r, 'posted', 'pending', r.updated_at ? 'updated_at' : 'created_at')
        : null,
    requestHash: (r.request_hash as string | null) ?? null,
    available: r.status === 'INSUFFICIENT' ? toBigInt(r.posted) - toBigInt(r.pending) : null,
  };
}
