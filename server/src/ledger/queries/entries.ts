import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import type { LedgerEntry } from '../ledger.graphql.js';
import type { BalanceSnapshot, LedgerEntryType, SystemAccountCode } from '../ledger.types.js';

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

export function toSnapshot(row: { account_id: string; posted: unknown; pending: unknown; updated_at: Date | string }): BalanceSnapshot {
  return {
    accountId: row.account_id,
    posted: toBigInt(row.posted),
    pending: toBigInt(row.pending),
    updatedAt: new Date(row.updated_at),
  };
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
export async function findEntries(em: EntityManager, accountId: string, limit: number, beforeSeq: bigint | null): Promise<LedgerEntry[]> {
  const rows = await em.execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS}
       from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
      where p.account_id = ?::uuid and (?::bigint is null or p.id < ?::bigint)
      order by p.id desc limit ?::int`,
    [accountId, beforeSeq?.toString() ?? null, beforeSeq?.toString() ?? null, limit],
  );
  return rows.map(toEntry);
}

/** The account's entries that name `referenceId` (a purchase's PURCHASE, REFUND and REVERSAL entries), oldest first. */
export async function findEntriesByReference(
  em: EntityManager,
  accountId: string,
  referenceId: string,
  limit: number,
): Promise<LedgerEntry[]> {
  const rows = await em.execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS}
       from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
      where p.account_id = ?::uuid and t.reference_id = ?
      order by p.id limit ?::int`,
    [accountId, referenceId, limit],
  );
  return rows.map(toEntry);
}

export async function countEntries(em: EntityManager, accountId: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from ledger_postings where account_id = ?::uuid`, [accountId]);
  return Number(row.n);
}

export async function findEntryByTransaction(em: EntityManager, transactionId: string): Promise<LedgerEntry | null> {
  const rows = await em.execute<EntryRow[]>(
    `select ${ENTRY_COLUMNS}
       from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
       join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
      where t.id = ?::uuid`,
    [transactionId],
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

export async function findTransactionIdByKey(em: EntityManager, accountId: string, key: string): Promise<string | null> {
  const rows = await em.execute<{ id: string }[]>(`select id from ledger_transactions where account_id = ?::uuid and idempotency_key = ?`, [
    accountId,
    key,
  ]);
  return rows[0]?.id ?? null;
}

/** Takes an account row's lock for the rest of the caller's transaction. */
export async function lockAccount(em: EntityManager, accountId: string): Promise<void> {
  await em.execute(`select 1 from accounts where id = ?::uuid for update`, [accountId]);
}
