import type { Sql } from '../db/sql.js';
import { toBigInt } from '../db/sql.js';
import type { BalanceSnapshot, LedgerEntry, LedgerEntryType, SystemAccountCode } from './ledger.types.js';

export interface PostSpec {
  accountId: string;
  type: LedgerEntryType;
  /** Signed change of the customer's posted balance; the system account gets the opposite. */
  delta: bigint;
  counterparty: SystemAccountCode;
  idempotencyKey?: string | null;
  requestHash?: string | null;
  referenceId?: string | null;
  reason?: string | null;
  actorKeyId?: string | null;
  reversalOfId?: string | null;
  /** Only refunds and chargebacks may take a balance below zero. */
  allowNegative?: boolean;
}

export interface PostedTransaction {
  transactionId: string;
  createdAt: Date;
  balance: BalanceSnapshot;
}

interface PostRow {
  transaction_id: string;
  created_at: Date;
  account_id: string;
  posted: string;
  pending: string;
  updated_at: Date;
}

/**
 * Posts one transaction in a single statement: the conditional UPDATE decides (and locks) the
 * customer row, and the journal rows are written only if it matched. No read-then-write, so no
 * overdraft under any concurrency. Returns null when the account is missing or a debit would
 * take available credits below zero.
 */
export async function postTransaction(sql: Sql, spec: PostSpec): Promise<PostedTransaction | null> {
  const rows = await sql.query<PostRow>(
    `with acct as (
       update accounts set posted = posted + ?::bigint, updated_at = clock_timestamp()
        where id = ?::uuid and kind <> 'SYSTEM'
          and (?::boolean or ?::bigint >= 0 or posted - pending + ?::bigint >= 0)
        returning id, posted, pending, updated_at
     ), tx as (
       insert into ledger_transactions
         (account_id, type, idempotency_key, request_hash, reference_id, reason, actor_key_id, reversal_of_id)
       select id, ?, ?, ?, ?, ?, ?::uuid, ?::uuid from acct
       returning id, created_at
     ), postings as (
       insert into ledger_postings (transaction_id, account_id, amount, balance_after)
       select tx.id, acct.id, ?::bigint, acct.posted from tx, acct
       union all
       select tx.id, (select id from accounts where system_code = ?), -(?::bigint), null from tx
       returning id
     )
     select tx.id as transaction_id, tx.created_at, acct.id as account_id, acct.posted, acct.pending, acct.updated_at
       from tx, acct`,
    [
      spec.delta.toString(),
      spec.accountId,
      spec.allowNegative ?? false,
      spec.delta.toString(),
      spec.delta.toString(),
      spec.type,
      spec.idempotencyKey ?? null,
      spec.requestHash ?? null,
      spec.referenceId ?? null,
      spec.reason ?? null,
      spec.actorKeyId ?? null,
      spec.reversalOfId ?? null,
      spec.delta.toString(),
      spec.counterparty,
      spec.delta.toString(),
    ],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    transactionId: row.transaction_id,
    createdAt: new Date(row.created_at),
    balance: toSnapshot(row),
  };
}

export function toSnapshot(row: { account_id: string; posted: unknown; pending: unknown; updated_at: Date | string }): BalanceSnapshot {
  return {
    accountId: row.account_id,
    posted: toBigInt(row.posted),
    pending: toBigInt(row.pending),
    updatedAt: new Date(row.updated_at),
  };
}

export async function findBalances(sql: Sql, accountIds: readonly string[]): Promise<BalanceSnapshot[]> {
  const rows = await sql.query<{ account_id: string; posted: string; pending: string; updated_at: Date }>(
    `select id as account_id, posted, pending, updated_at from accounts where id = any(?::uuid[]) and kind <> 'SYSTEM'`,
    [`{${accountIds.join(',')}}`],
  );
  return rows.map(toSnapshot);
}

interface EntryRow {
  seq: string;
  id: string;
  account_id: string;
  type: LedgerEntryType;
  amount: string;
  balance_after: string;
  reversal_of_id: string | null;
  reference_id: string | null;
  reason: string | null;
  created_at: Date;
}

const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  seq: BigInt(r.seq),
  accountId: r.account_id,
  type: r.type,
  amountMillicredits: BigInt(r.amount),
  balanceAfterMillicredits: BigInt(r.balance_after),
  reversalOfId: r.reversal_of_id,
  referenceId: r.reference_id,
  reason: r.reason,
  createdAt: new Date(r.created_at),
});

const ENTRY_COLUMNS = `p.id as seq, t.id, p.account_id, t.type, p.amount, p.balance_after, t.reversal_of_id,
  t.reference_id, t.reason, t.created_at`;

/** Newest first, keyset-paginated on the posting sequence. */
export async function findEntries(sql: Sql, accountId: string, limit: number, beforeSeq: bigint | null): Promise<LedgerEntry[]> {
  const rows = await sql.query<EntryRow>(
    `select ${ENTRY_COLUMNS}
       from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
      where p.account_id = ?::uuid and (?::bigint is null or p.id < ?::bigint)
      order by p.id desc limit ?::int`,
    [accountId, beforeSeq?.toString() ?? null, beforeSeq?.toString() ?? null, limit],
  );
  return rows.map(toEntry);
}

export async function countEntries(sql: Sql, accountId: string): Promise<number> {
  const [row] = await sql.query<{ n: string }>(`select count(*) as n from ledger_postings where account_id = ?::uuid`, [accountId]);
  return Number(row.n);
}

export async function findEntryByTransaction(sql: Sql, transactionId: string): Promise<LedgerEntry | null> {
  const rows = await sql.query<EntryRow>(
    `select ${ENTRY_COLUMNS}
       from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
       join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
      where t.id = ?::uuid`,
    [transactionId],
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

export async function findEntryByIdempotencyKey(sql: Sql, accountId: string, key: string) {
  const rows = await sql.query<{ id: string; request_hash: string | null }>(
    `select id, request_hash from ledger_transactions where account_id = ?::uuid and idempotency_key = ?`,
    [accountId, key],
  );
  return rows[0] ?? null;
}

export async function customerAccountExists(sql: Sql, accountId: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from accounts where id = ?::uuid and kind <> 'SYSTEM'`, [accountId]);
  return rows.length > 0;
}
