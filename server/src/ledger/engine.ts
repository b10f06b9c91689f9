import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../db/values.js';
import { appliedRates, promptTokensOf } from '../money/money.js';
import type { EventBus } from '../shared/events/bus.js';
import { isConnectionLoss, type LedgerDb } from './engine.db.js';
import { POST_IN_TRANSACTION, STATEMENTS } from './queries/statements.js';
import { GroupCommit, type Batchable, type GroupCommitOptions } from './group-commit.js';
import type { PostSpec } from './queries/entries.js';
import type { BalanceSnapshot, UsageCharge } from './ledger.types.js';
import type { UsageRecord } from '../usage/usage.types.js';

type Row = Record<string, unknown>;

/**
 * FORBIDDEN and SPEND_CAP refuse a team charge for the member (removed, or over their allocation);
 * MODEL_NOT_ALLOWED and KEY_LIMIT refuse it for the calling key (its model scope, its budget).
 */
export type ChargeStatus =
  'OK' | 'REPLAY' | 'CONFLICT' | 'NOT_FOUND' | 'INSUFFICIENT' | 'DUPLICATE' | 'FORBIDDEN' | 'SPEND_CAP' | KeyRefusal;

/** The calling key's own refusals (creditmeter_key_step): a model outside its scope, its budget spent. */
export type KeyRefusal = 'MODEL_NOT_ALLOWED' | 'KEY_LIMIT';

/** One charge's own answer: accepted (or a replay of an earlier one), or why it was refused. */
export interface ChargeOutcome {
  status: ChargeStatus;
  usage: UsageRecord | null;
  balance: BalanceSnapshot | null;
  /** Available credits when refused as INSUFFICIENT; the key's remaining budget as KEY_LIMIT. */
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
  /** The clock's now: picks the period of the key's budget (a team call's is `member.at`). */
  at: Date;
}

export interface HoldOutcome {
  status: 'OK' | 'NOT_FOUND' | 'INSUFFICIENT' | 'SESSION_CAP' | 'FORBIDDEN' | 'SPEND_CAP' | KeyRefusal;
  hold: {
    id: string;
    accountId: string;
    amount: bigint;
    partial: boolean;
    createdAt: Date;
    expiresAt: Date;
    memberAccountId: string | null;
  } | null;
  /** INSUFFICIENT: what was needed; SESSION_CAP and KEY_LIMIT: the hold it would have placed. */
  amount: bigint | null;
  /** Available credits; KEY_LIMIT: the key's remaining budget. */
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
  const t = c.tokens;
  const { rates, costs, longContext } = appliedRates(c.rate, promptTokensOf(t));
  return {
    account_id: c.accountId,
    key: c.idempotencyKey,
    hash: c.requestHash,
    charged: str(c.charged),
    cost: str(c.costMicroUsd),
    rate_card_id: c.rate.rateCardId,
    model: c.rate.model,
    input: str(t.inputTokens),
    cached: str(t.cachedInputTokens),
    output: str(t.outputTokens),
    cache_write: str(t.cacheWriteInputTokens ?? 0n),
    cache_write_1h: str(t.cacheWrite1hInputTokens ?? 0n),
    audio_in: str(t.audioInputTokens ?? 0n),
    audio_out: str(t.audioOutputTokens ?? 0n),
    image_in: str(t.imageInputTokens ?? 0n),
    reasoning: str(t.reasoningTokens ?? 0n),
    in_rate: str(rates.inputPer1k),
    cached_rate: str(rates.cachedInputPer1k),
    out_rate: str(rates.outputPer1k),
    cw_rate: str(rates.cacheWriteInputPer1k),
    cw1h_rate: str(rates.cacheWrite1hInputPer1k),
    audio_in_rate: str(rates.audioInputPer1k),
    audio_out_rate: str(rates.audioOutputPer1k),
    image_rate: str(rates.imageInputPer1k),
    cost_in: str(costs.inputPer1k),
    cost_cached: str(costs.cachedInputPer1k),
    cost_out: str(costs.outputPer1k),
    cost_cw: str(costs.cacheWriteInputPer1k),
    cost_cw1h: str(costs.cacheWrite1hInputPer1k),
    cost_audio_in: str(costs.audioInputPer1k),
    cost_audio_out: str(costs.audioOutputPer1k),
    cost_image: str(costs.imageInputPer1k),
    long_context: longContext,
    source: c.source ?? 'API',
    api_key_id: c.actorKeyId,
    actor_key_id: c.actorKeyId,
    request_id: c.requestId ?? null,
    latency_ms: c.latencyMs ?? null,
    ...(c.member ? { member: c.member.memberAccountId } : {}),
    // The clock's now, named for the allocation it first served; it also picks the key's budget period.
    ...(c.member || c.at ? { member_at: (c.member?.at ?? c.at)!.toISOString() } : {}),
  };
}

const rateOrNull = (v: unknown) => (v === null || v === undefined ? null : toBigInt(v));

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
    cacheWriteInputTokens: toBigInt(f('cache_write_input_tokens')),
    cacheWrite1hInputTokens: toBigInt(f('cache_write_1h_input_tokens')),
    audioInputTokens: toBigInt(f('audio_input_tokens')),
    audioOutputTokens: toBigInt(f('audio_output_tokens')),
    imageInputTokens: toBigInt(f('image_input_tokens')),
    reasoningTokens: toBigInt(f('reasoning_tokens')),
    inputPer1k: toBigInt(f('input_per1k')),
    cachedInputPer1k: toBigInt(f('cached_input_per1k')),
    outputPer1k: toBigInt(f('output_per1k')),
    cacheWriteInputPer1k: rateOrNull(f('cache_write_input_per1k')),
    cacheWrite1hInputPer1k: rateOrNull(f('cache_write_1h_input_per1k')),
    audioInputPer1k: rateOrNull(f('audio_input_per1k')),
    audioOutputPer1k: rateOrNull(f('audio_output_per1k')),
    imageInputPer1k: rateOrNull(f('image_input_per1k')),
    longContext: f('long_context') === true,
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

/** One item of a group-commit batch (creditmeter_batch decides each on its own, in this order). */
type EngineItem =
  | { op: 'charge'; charge: UsageCharge }
  | { op: 'hold'; holdId: string; spec: HoldSpec }
  | { op: 'settle'; holdId: string; charge: UsageCharge }
  | { op: 'release'; holdId: string; accountId: string; state: 'VOIDED' | 'EXPIRED' };

interface Queued extends Batchable {
  item: EngineItem;
}

/** A batch row, or the error of an item that failed on its own (see `batchCall`). */
type BatchAnswer = Row | { failed: unknown };

/** The JSON item `creditmeter_batch` reads. */
function itemRow(item: EngineItem): Row {
  switch (item.op) {
    case 'charge':
      return { op: 'charge', ...chargeRow(item.charge) };
    case 'hold': {
      const s = item.spec;
      return {
        op: 'hold',
        hold_id: item.holdId,
        account_id: s.accountId,
        amount: s.amount.toString(),
        partial_minimum: str(s.partialMinimum),
        model: s.model,
        api_key_id: s.apiKeyId,
        session_id: s.sessionId,
        session_cap: str(s.sessionCap?.cap),
        session_window: s.sessionCap?.windowSeconds ?? 0,
        ttl: s.ttlSeconds,
        member: s.member?.memberAccountId ?? null,
        member_at: (s.member?.at ?? s.at).toISOString(),
      };
    }
    case 'settle':
      return { op: 'settle', hold_id: item.holdId, account_id: item.charge.accountId, row: chargeRow(item.charge) };
    case 'release':
      return { op: 'release', hold_id: item.holdId, account_id: item.accountId, state: item.state };
  }
}

/** Accounts an item writes, and the key that keeps two of the same thing out of one batch. */
function queued(item: EngineItem): Queued {
  const accountId = accountOf(item);
  const dedupeKey = item.op === 'charge' ? `${accountId}|${item.charge.idempotencyKey}` : `hold|${item.holdId}`;
  return { item, accounts: [accountId], dedupeKey };
}

/** The account an item writes. */
function accountOf(item: EngineItem): string {
  switch (item.op) {
    case 'charge':
    case 'settle':
      return item.charge.accountId;
    case 'hold':
      return item.spec.accountId;
    case 'release':
      return item.accountId;
  }
}

/** The balance a batch row moved, to publish after commit (null when it moved nothing). */
function movedBalance(item: EngineItem, r: Row, retried: boolean): BalanceSnapshot | null {
  const replayed = r.status === 'REPLAY' || r.settle === 'REPLAY';
  if (replayed ? !retried : r.status !== 'OK' && r.settle !== 'VOIDED') return null;
  return balanceOf(accountOf(item), r, 'bal_posted', 'bal_pending', 'bal_at');
}

/**
 * The ledger engine: the one place that writes ledger tables. Every movement is one database
 * function call (ledger/sql; the posting hook for grants runs inside it). Charges, holds, settles
 * and releases go through one group commit: concurrent items of every kind share one call of
 * `creditmeter_batch`, one transaction and one WAL flush. Balance events are published after commit.
 */
export class LedgerEngine {
  private readonly batches: GroupCommit<Queued, BatchAnswer>;
  /** Settles in flight, per account: this instance's balance reads wait for them (see `balances`). */
  private readonly settling = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly db: LedgerDb,
    private readonly events: EventBus,
    groupCommit: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  ) {
    this.batches = new GroupCommit((items) => this.batchCall(items.map((q) => q.item)), groupCommit);
  }

  /** Group commit calls and the items they carried so far (items / calls = the average batch). */
  get batchStats(): { calls: number; items: number } {
    return { ...this.batches.stats };
  }

  private async submit(item: EngineItem): Promise<Row> {
    const answer = await this.batches.submit(queued(item));
    if ('failed' in answer) throw answer.failed;
    return answer;
  }

  /** One usage charge, coalesced with whatever else is written at the same moment. */
  async charge(c: UsageCharge): Promise<ChargeOutcome> {
    return toChargeOutcome(await this.submit({ op: 'charge', charge: c }), c);
  }

  /** Many usage charges, in order, each answered on its own. */
  async chargeAll(cs: readonly UsageCharge[]): Promise<ChargeOutcome[]> {
    const answers = await this.batches.submitAll(cs.map((c) => queued({ op: 'charge', charge: c })));
    return answers.map((a, i) => {
      if ('failed' in a) throw a.failed;
      return toChargeOutcome(a, cs[i]);
    });
  }

  /**
   * One call of `creditmeter_batch`. A lost connection is retried once: idempotency keys (charges,
   * settles) and caller-chosen hold ids make the retry answer what did commit as replays. Any
   * other failure of a batch of several items is not theirs to share: each item is then run
   * alone, so only the one that fails fails.
   */
  private async batchCall(items: EngineItem[]): Promise<BatchAnswer[]> {
    const payload = JSON.stringify(items.map(itemRow));
    const attempt = async (): Promise<Row[]> => {
      const rows = await this.db.call(STATEMENTS.batch, [payload]);
      return rows.sort((a, b) => (a.ord as number) - (b.ord as number));
    };
    let rows: Row[];
    let retried = false;
    try {
      try {
        rows = await attempt();
      } catch (err) {
        if (!isConnectionLoss(err)) throw err;
        retried = true;
        rows = await attempt();
      }
    } catch (err) {
      if (items.length === 1) return [{ failed: err }];
      const alone: BatchAnswer[] = [];
      for (const item of items) alone.push(...(await this.batchCall([item])));
      return alone;
    }
    this.publishLatest(rows.map((r, i) => movedBalance(items[i], r, retried)));
    return rows;
  }

  /**
   * One movement (credit, refund, expiry, reversal, adjustment, ...): in the caller's ORM
   * transaction when `within` is given (the caller publishes after its commit), else alone on the
   * engine's pool, published here.
   */
  async post(spec: PostSpec, within?: EntityManager): Promise<PostOutcome> {
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
    if (within) return toPostOutcome((await within.execute<Row[]>(POST_IN_TRANSACTION, values))[0], spec.accountId);
    const outcome = toPostOutcome((await this.db.call(STATEMENTS.post, values))[0], spec.accountId);
    if (outcome.status === 'OK') this.publishLatest([outcome.balance]);
    return outcome;
  }

  /** Places a hold (its id chosen here, so that a retried batch finds it instead of holding twice). */
  async hold(spec: HoldSpec): Promise<HoldOutcome> {
    const holdId = randomUUID();
    const r = await this.submit({ op: 'hold', holdId, spec });
    if (r.status === 'CONFLICT') throw new Error(`hold id ${holdId} is taken by another account`);
    const status = r.status === 'REPLAY' ? 'OK' : (r.status as HoldOutcome['status']);
    return {
      status,
      hold:
        status === 'OK'
          ? {
              id: r.hold_id as string,
              accountId: spec.accountId,
              amount: toBigInt(r.h_amount),
              partial: Boolean(r.h_partial),
              createdAt: new Date(r.h_created_at as string),
              expiresAt: new Date(r.h_expires_at as string),
              memberAccountId: spec.member?.memberAccountId ?? null,
            }
          : null,
      amount: r.h_amount === null ? null : toBigInt(r.h_amount),
      available: r.available === null ? null : toBigInt(r.available),
      sessionSpent: r.h_spent === null ? null : toBigInt(r.h_spent),
      balance: balanceOf(spec.accountId, r, 'bal_posted', 'bal_pending', 'bal_at'),
    };
  }

  /** Charges a held call's actual cost and releases its hold, in one item (see creditmeter_settle). */
  async settle(holdId: string, c: UsageCharge): Promise<SettleOutcome> {
    const r = await this.tracked(c.accountId, this.submit({ op: 'settle', holdId, charge: c }));
    if (r.settle === 'NOT_FOUND') throw new Error(`hold ${holdId} not found`);
    return { outcome: r.settle as SettleOutcome['outcome'], charged: toBigInt(r.charged), charge: toChargeOutcome(r, c) };
  }

  /** Releases a HELD hold (void, expiry); null when it was no longer HELD. */
  async release(hold: { id: string; accountId: string }, state: 'VOIDED' | 'EXPIRED'): Promise<BalanceSnapshot | null> {
    const r = await this.submit({ op: 'release', holdId: hold.id, accountId: hold.accountId, state });
    return r.status === 'OK' ? balanceOf(hold.accountId, r, 'bal_posted', 'bal_pending', 'bal_at') : null;
  }

  async extend(holdId: string, ttlSeconds: number): Promise<boolean> {
    return (await this.db.call(STATEMENTS.extend, [holdId, ttlSeconds])).length > 0;
  }

  private async tracked<T>(accountId: string, work: Promise<T>): Promise<T> {
    let set = this.settling.get(accountId);
    if (!set) this.settling.set(accountId, (set = new Set()));
    set.add(work);
    try {
      return await work;
    } finally {
      set.delete(work);
      if (!set.size) this.settling.delete(accountId);
    }
  }

  /**
   * Cached balances of customer accounts (missing ids are left out), on a prepared statement.
   * A proxied call is answered before its settle commits; a read on this instance first waits for
   * the settles of these accounts it has in flight, so a client that reads its balance after an
   * answer sees the charge (read-your-writes; another instance's read may be a few ms early).
   */
  async balances(accountIds: readonly string[]): Promise<BalanceSnapshot[]> {
    if (this.settling.size) {
      const waits = accountIds.flatMap((id) => [...(this.settling.get(id) ?? [])]);
      if (waits.length) await Promise.allSettled(waits);
    }
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
    for (const b of latest.values()) this.events.publish('balance', b);
  }

  async close(): Promise<void> {
    await this.batches.drained();
    await this.db.close();
  }
}

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
