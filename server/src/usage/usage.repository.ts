import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction, sqlOf, toBigInt, type Sql } from '../db/sql.js';
import type { PostingHooks } from '../ledger/ledger.hooks.js';
import { toSnapshot } from '../ledger/ledger.repository.js';
import type { BalanceSnapshot } from '../ledger/ledger.types.js';
import type { TokenCounts } from '../money/money.js';
import type { ModelRate } from '../ratecards/ratecard.types.js';
import { memberSpend } from '../teams/teams.repository.js';
import type { UsageRecord } from './usage.types.js';

/**
 * The member half of a charge against a team (`accountId` is then the team's account): the
 * member's allocation row is updated first, in the same transaction, so every team charge takes
 * the member row before the team row (one lock order, no deadlock).
 */
export interface MemberStep {
  memberAccountId: string;
  /** The clock's now: picks the allocation period (the team's calendar month). */
  at: Date;
  /** Off when settling a call that started while the member was active. */
  requireActive: boolean;
}

/** The member's allocation (or membership) refused a team charge; nothing was written. */
export class MemberStepRefused extends Error {
  constructor() {
    super('team member step refused');
  }
}

class BalanceRefused extends Error {}

export interface UsageCharge {
  accountId: string;
  rate: ModelRate;
  tokens: TokenCounts;
  charged: bigint;
  costMicroUsd: bigint;
  idempotencyKey: string;
  requestHash: string;
  actorKeyId: string | null;
  source?: string;
  requestId?: string | null;
  latencyMs?: number | null;
  /** Settling a hold: `pending` drops by this much in the same statement (0 for a plain charge). */
  releaseHold?: bigint;
  /** A team charge: the member who spends (recorded on the usage row) and their allocation step. */
  member?: MemberStep | null;
}

type UsageRow = Record<string, unknown>;

/** The source of the proxy's own settle rows: their keys live in scope 'proxy' (see the migration). */
export const PROXY_SOURCE = 'PROXY';

/**
 * The ledger transaction's idempotency key of a charge. Client keys always get the `usage:`
 * prefix (adjustments `adjust:`), so `settle:` can only come from the proxy.
 */
export const usageTransactionKey = (c: Pick<UsageCharge, 'source' | 'idempotencyKey'>) =>
  c.source === PROXY_SOURCE ? `settle:${c.idempotencyKey}` : `usage:${c.idempotencyKey}`;

export function toUsageRecord(r: UsageRow): UsageRecord {
  return {
    id: r.id as string,
    seq: toBigInt(r.seq),
    accountId: r.account_id as string,
    transactionId: r.transaction_id as string,
    rateCardId: r.rate_card_id as string,
    model: r.model as string,
    inputTokens: toBigInt(r.input_tokens),
    cachedInputTokens: toBigInt(r.cached_input_tokens),
    outputTokens: toBigInt(r.output_tokens),
    inputPer1k: toBigInt(r.input_per1k),
    cachedInputPer1k: toBigInt(r.cached_input_per1k),
    outputPer1k: toBigInt(r.output_per1k),
    chargedMillicredits: toBigInt(r.charged),
    costMicroUsd: toBigInt(r.cost_micro_usd),
    idempotencyKey: r.idempotency_key as string,
    requestHash: r.request_hash as string,
    source: r.source as string,
    requestId: (r.request_id as string | null) ?? null,
    latencyMs: (r.latency_ms as number | null) ?? null,
    memberAccountId: (r.member_account_id as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

/**
 * The charge, in one statement: the conditional UPDATE takes the account row's lock and decides;
 * the transaction, both postings and the usage row (with its rate snapshot) are written only when
 * it matched. Null back means the account is missing or has too little available credit.
 * With `releaseHold`, the same statement also releases the call's hold (the proxy's settle).
 */
export async function insertUsageCharge(
  sql: Sql,
  c: UsageCharge,
): Promise<{ usage: UsageRecord; balance: BalanceSnapshot } | null> {
  const release = (c.releaseHold ?? 0n).toString();
  const charged = c.charged.toString();
  const rows = await sql.query<UsageRow>(
    `with acct as (
       update accounts set posted = posted - ?::bigint, pending = pending - ?::bigint, updated_at = clock_timestamp()
        where id = ?::uuid and kind <> 'SYSTEM' and posted - pending + ?::bigint >= ?::bigint
        returning id, posted, pending, updated_at
     ), tx as (
       insert into ledger_transactions (account_id, type, idempotency_key, request_hash, actor_key_id)
       select id, 'USAGE', ?, ?, ?::uuid from acct
       returning id
     ), postings as (
       insert into ledger_postings (transaction_id, account_id, amount, balance_after)
       select tx.id, acct.id, -(?::bigint), acct.posted from tx, acct
       union all
       select tx.id, (select id from accounts where system_code = 'consumption'), ?::bigint, null from tx
       returning id
     ), usage as (
       insert into usage_records (account_id, transaction_id, rate_card_id, model, input_tokens, cached_input_tokens,
         output_tokens, input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k,
         cost_output_per1k, charged, cost_micro_usd, idempotency_key, request_hash, source, api_key_id, request_id, latency_ms,
         member_account_id)
       select acct.id, tx.id, ?::uuid, ?, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint,
         ?::bigint, ?::bigint, ?::bigint, ?::bigint, ?, ?, ?, ?::uuid, ?, ?::int, ?::uuid
         from tx, acct
       returning *
     )
     select usage.*, acct.posted, acct.pending, acct.updated_at from usage, acct`,
    [
      charged,
      release,
      c.accountId,
      release,
      charged,
      usageTransactionKey(c),
      c.requestHash,
      c.actorKeyId,
      charged,
      charged,
      c.rate.rateCardId,
      c.rate.model,
      c.tokens.inputTokens.toString(),
      c.tokens.cachedInputTokens.toString(),
      c.tokens.outputTokens.toString(),
      c.rate.rates.inputPer1k.toString(),
      c.rate.rates.cachedInputPer1k.toString(),
      c.rate.rates.outputPer1k.toString(),
      c.rate.costs.inputPer1k.toString(),
      c.rate.costs.cachedInputPer1k.toString(),
      c.rate.costs.outputPer1k.toString(),
      charged,
      c.costMicroUsd.toString(),
      c.idempotencyKey,
      c.requestHash,
      c.source ?? 'API',
      c.actorKeyId,
      c.requestId ?? null,
      c.latencyMs ?? null,
      c.member?.memberAccountId ?? null,
    ],
  );
  const row = rows[0];
  if (!row) return null;
  return { usage: toUsageRecord(row), balance: toSnapshot({ account_id: row.account_id as string, posted: row.posted, pending: row.pending, updated_at: row.updated_at as Date }) };
}

/**
 * The one way usage is charged (plain metering and the proxy's settle alike): the charge
 * statement plus the posting hooks, in one database transaction. Without hooks it is a single
 * autocommitted statement.
 */
export async function chargeUsage(em: EntityManager, hooks: PostingHooks, c: UsageCharge) {
  if (c.member) return chargeTeam(em, hooks, c, c.member);
  if (hooks.empty) return insertUsageCharge(sqlOf(em), c);
  return inTransaction(em, async (sql) => {
    const result = await insertUsageCharge(sql, c);
    if (result) {
      await hooks.run(sql, {
        transactionId: result.usage.transactionId,
        accountId: c.accountId,
        type: 'USAGE',
        delta: -c.charged,
        reversalOfId: null,
        referenceId: null,
      });
    }
    return result;
  });
}

/**
 * A team charge: the member's allocation step, then the same charge statement against the team's
 * account, then the hooks, in one transaction. Either refusal rolls the whole of it back: the
 * member step throws MemberStepRefused, a short team balance answers null like any charge.
 */
async function chargeTeam(em: EntityManager, hooks: PostingHooks, c: UsageCharge, member: MemberStep) {
  try {
    return await inTransaction(em, async (sql) => {
      const allowed = await memberSpend(sql, {
        teamId: c.accountId,
        memberAccountId: member.memberAccountId,
        spend: c.charged,
        hold: 0n,
        at: member.at,
        requireActive: member.requireActive,
      });
      if (!allowed) throw new MemberStepRefused();
      const result = await insertUsageCharge(sql, c);
      if (!result) throw new BalanceRefused();
      await hooks.run(sql, {
        transactionId: result.usage.transactionId,
        accountId: c.accountId,
        type: 'USAGE',
        delta: -c.charged,
        reversalOfId: null,
        referenceId: null,
      });
      return result;
    });
  } catch (err) {
    if (err instanceof BalanceRefused) return null;
    throw err;
  }
}

/** A client's earlier usage row under `key` (never one of the proxy's settle rows). */
export async function findUsageByKey(sql: Sql, accountId: string, key: string): Promise<UsageRecord | null> {
  const rows = await sql.query<UsageRow>(`select * from usage_records where account_id = ?::uuid and key_scope = 'client' and idempotency_key = ?`, [accountId, key]);
  return rows[0] ? toUsageRecord(rows[0]) : null;
}

export async function countUsage(sql: Sql, accountId: string): Promise<number> {
  const [row] = await sql.query<{ n: string }>(`select count(*) as n from usage_records where account_id = ?::uuid`, [accountId]);
  return Number(row.n);
}

export async function findUsagePage(sql: Sql, accountId: string, limit: number, beforeSeq: bigint | null): Promise<UsageRecord[]> {
  const rows = await sql.query<UsageRow>(
    `select * from usage_records where account_id = ?::uuid and (?::bigint is null or seq < ?::bigint) order by seq desc limit ?::int`,
    [accountId, beforeSeq?.toString() ?? null, beforeSeq?.toString() ?? null, limit],
  );
  return rows.map(toUsageRecord);
}
