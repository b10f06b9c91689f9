import type { Sql } from '../db/sql.js';
import { toBigInt } from '../db/sql.js';
import { toSnapshot } from './ledger.repository.js';
import type { BalanceSnapshot } from './ledger.types.js';

export type HoldState = 'HELD' | 'SETTLED' | 'VOIDED' | 'EXPIRED';

export interface Hold {
  id: string;
  accountId: string;
  amount: bigint;
  partial: boolean;
  createdAt: Date;
  expiresAt: Date;
  /** A hold on a team's account: the member whose call it is (their allocation holds it too). */
  memberAccountId: string | null;
}

export interface PlaceHoldRow {
  hold: Hold;
  balance: BalanceSnapshot;
}

export interface HoldInsert {
  accountId: string;
  amount: bigint;
  /** Smallest available balance that lets the hold through (= amount for a full hold). */
  minimumAvailable: bigint;
  model: string;
  apiKeyId: string | null;
  sessionId: string | null;
  partial: boolean;
  ttlSeconds: number;
  memberAccountId?: string | null;
}

type Row = Record<string, unknown>;

const balanceOf = (r: Row): BalanceSnapshot =>
  toSnapshot({ account_id: r.account_id as string, posted: r.posted, pending: r.pending, updated_at: r.updated_at as Date });

/**
 * Places a hold in one statement: the conditional UPDATE raises `pending` only when available
 * credits cover it (and takes the account row's lock); the holds row is written only if it matched.
 */
export async function insertHold(sql: Sql, h: HoldInsert): Promise<PlaceHoldRow | null> {
  const rows = await sql.query<Row>(
    `with acct as (
       update accounts set pending = pending + ?::bigint, updated_at = clock_timestamp()
        where id = ?::uuid and kind <> 'SYSTEM' and posted - pending >= ?::bigint
        returning id, posted, pending, updated_at
     ), h as (
       insert into holds (account_id, amount, model, api_key_id, session_id, partial, expires_at, member_account_id)
       select id, ?::bigint, ?, ?::uuid, ?, ?::boolean, clock_timestamp() + make_interval(secs => ?::int), ?::uuid from acct
       returning id, amount, partial, created_at, expires_at, member_account_id
     )
     select h.id, h.amount, h.partial, h.created_at, h.expires_at, h.member_account_id, acct.id as account_id, acct.posted, acct.pending, acct.updated_at
       from h, acct`,
    [
      h.amount.toString(),
      h.accountId,
      h.minimumAvailable > h.amount ? h.minimumAvailable.toString() : h.amount.toString(),
      h.amount.toString(),
      h.model,
      h.apiKeyId,
      h.sessionId,
      h.partial,
      h.ttlSeconds,
      h.memberAccountId ?? null,
    ],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    hold: {
      id: r.id as string,
      accountId: r.account_id as string,
      amount: toBigInt(r.amount),
      partial: Boolean(r.partial),
      createdAt: new Date(r.created_at as string),
      expiresAt: new Date(r.expires_at as string),
      memberAccountId: (r.member_account_id as string | null) ?? null,
    },
    balance: balanceOf(r),
  };
}

/** Locks the account row (for the rest of the transaction) and reads what is available. */
export async function lockAvailable(sql: Sql, accountId: string): Promise<bigint | null> {
  const rows = await sql.query<{ available: string }>(
    `select posted - pending as available from accounts where id = ?::uuid and kind <> 'SYSTEM' for update`,
    [accountId],
  );
  return rows[0] ? toBigInt(rows[0].available) : null;
}

/** A session's spend inside its window: settled charges plus what its open holds reserve. */
export async function sessionSpent(sql: Sql, accountId: string, sessionId: string, windowSeconds: number): Promise<bigint> {
  const rows = await sql.query<{ spent: string }>(
    `select coalesce(sum(case state when 'HELD' then amount when 'SETTLED' then charged else 0 end), 0) as spent
       from holds
      where account_id = ?::uuid and session_id = ? and created_at > clock_timestamp() - make_interval(secs => ?::int)`,
    [accountId, sessionId, windowSeconds],
  );
  return toBigInt(rows[0]?.spent);
}

/**
 * Marks a HELD hold SETTLED (the caller then charges with `releaseHold` = its amount, in the
 * same transaction). Null when the hold was already released: it must not be released twice.
 */
export async function claimHoldForSettle(sql: Sql, holdId: string, charged: bigint, requestId: string | null): Promise<bigint | null> {
  const rows = await sql.query<{ amount: string }>(
    `update holds set state = 'SETTLED', charged = ?::bigint, request_id = ?, released_at = clock_timestamp()
      where id = ?::uuid and state = 'HELD' returning amount`,
    [charged.toString(), requestId, holdId],
  );
  return rows[0] ? toBigInt(rows[0].amount) : null;
}

/** Voids (or expires) one HELD hold and releases its amount, in one statement; null if not HELD. */
export async function releaseHold(sql: Sql, holdId: string, state: 'VOIDED' | 'EXPIRED'): Promise<BalanceSnapshot | null> {
  const rows = await sql.query<Row>(
    `with h as (
       update holds set state = ?, released_at = clock_timestamp()
        where id = ?::uuid and state = 'HELD'
        returning account_id, amount
     )
     update accounts a set pending = a.pending - h.amount, updated_at = clock_timestamp()
       from h where a.id = h.account_id
     returning a.id as account_id, a.posted, a.pending, a.updated_at`,
    [state, holdId],
  );
  return rows[0] ? balanceOf(rows[0]) : null;
}

/**
 * Expires up to `limit` overdue holds and releases them, one statement: amounts are summed per
 * account first, because an UPDATE ... FROM applies only one joined row to each target row.
 */
export async function releaseExpiredHolds(sql: Sql, limit: number): Promise<{ balances: BalanceSnapshot[]; released: number }> {
  const rows = await sql.query<Row>(
    `with h as (
       update holds set state = 'EXPIRED', released_at = clock_timestamp()
        where id in (select id from holds where state = 'HELD' and expires_at <= clock_timestamp()
                      order by expires_at limit ?::int for update skip locked)
          and state = 'HELD'
        returning account_id, amount
     ), s as (
       select account_id, sum(amount)::bigint as total, count(*)::int as n from h group by account_id
     )
     update accounts a set pending = a.pending - s.total, updated_at = clock_timestamp()
       from s where a.id = s.account_id
     returning a.id as account_id, a.posted, a.pending, a.updated_at, s.n`,
    [limit],
  );
  return { balances: rows.map(balanceOf), released: rows.reduce((sum, r) => sum + Number(r.n), 0) };
}

/**
 * A HELD hold whose settle failed: it never expires (its credits stay reserved, so the call can
 * still be charged) and says why. False when the hold is no longer HELD.
 */
export async function keepUnsettledHold(sql: Sql, holdId: string, reason: string): Promise<boolean> {
  const rows = await sql.query(
    `update holds set expires_at = 'infinity', settle_error = left(?, 1000) where id = ?::uuid and state = 'HELD' returning id`,
    [reason, holdId],
  );
  return rows.length > 0;
}

/** Pushes a live hold's expiry out (a long stream is still running); false when it is no longer HELD. */
export async function extendHold(sql: Sql, holdId: string, ttlSeconds: number): Promise<boolean> {
  const rows = await sql.query(
    `update holds set expires_at = clock_timestamp() + make_interval(secs => ?::int) where id = ?::uuid and state = 'HELD' returning id`,
    [ttlSeconds, holdId],
  );
  return rows.length > 0;
}

export async function findHoldState(sql: Sql, holdId: string): Promise<{ state: HoldState; charged: bigint | null } | null> {
  const rows = await sql.query<{ state: HoldState; charged: string | null }>(`select state, charged from holds where id = ?::uuid`, [holdId]);
  const r = rows[0];
  return r ? { state: r.state, charged: r.charged === null ? null : toBigInt(r.charged) } : null;
}
