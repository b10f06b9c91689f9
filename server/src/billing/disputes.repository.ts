import { toBigInt, type Sql } from '../db/sql.js';

export type DisputeStatus = 'OPEN' | 'WON' | 'LOST';

export interface Dispute {
  id: string;
  purchaseId: string;
  accountId: string;
  amountCents: bigint;
  credits: bigint;
  status: DisputeStatus;
  reason: string | null;
  debitTransactionId: string | null;
  restoreTransactionId: string | null;
  openedAt: Date;
  closedAt: Date | null;
}

const toDispute = (r: Record<string, unknown>): Dispute => ({
  id: r.id as string,
  purchaseId: r.purchase_id as string,
  accountId: r.account_id as string,
  amountCents: toBigInt(r.amount_cents),
  credits: toBigInt(r.credits),
  status: r.status as DisputeStatus,
  reason: (r.reason as string | null) ?? null,
  debitTransactionId: (r.debit_transaction_id as string | null) ?? null,
  restoreTransactionId: (r.restore_transaction_id as string | null) ?? null,
  openedAt: new Date(r.opened_at as string),
  closedAt: r.closed_at ? new Date(r.closed_at as string) : null,
});

/** The dispute, locked until the caller's transaction ends. */
export async function lockDispute(sql: Sql, id: string): Promise<Dispute | null> {
  const [row] = await sql.query(`select * from purchase_disputes where id = ? for update`, [id]);
  return row ? toDispute(row) : null;
}

export async function findDispute(sql: Sql, id: string): Promise<Dispute | null> {
  const [row] = await sql.query(`select * from purchase_disputes where id = ?`, [id]);
  return row ? toDispute(row) : null;
}

export async function findDisputesOfPurchase(sql: Sql, purchaseId: string): Promise<Dispute[]> {
  const rows = await sql.query(`select * from purchase_disputes where purchase_id = ?::uuid order by opened_at, id`, [purchaseId]);
  return rows.map(toDispute);
}

/** Credits the purchase's other disputes hold (open or lost; a won one gave them back). */
export async function creditsHeldByDisputes(sql: Sql, purchaseId: string): Promise<bigint> {
  const [row] = await sql.query<{ s: string }>(
    `select coalesce(sum(credits), 0) s from purchase_disputes where purchase_id = ?::uuid and status <> 'WON'`,
    [purchaseId],
  );
  return toBigInt(row.s);
}

export async function insertDispute(
  sql: Sql,
  d: Pick<Dispute, 'id' | 'purchaseId' | 'accountId' | 'amountCents' | 'credits' | 'status' | 'reason' | 'debitTransactionId'>,
): Promise<void> {
  await sql.query(
    `with d as (
       insert into purchase_disputes (id, purchase_id, account_id, amount_cents, credits, status, reason, debit_transaction_id, closed_at)
       values (?, ?::uuid, ?::uuid, ?::bigint, ?::bigint, ?, ?, ?::uuid, case when ? = 'OPEN' then null else now() end)
       returning purchase_id, amount_cents, status
     )
     ${LOST_ON_PURCHASE}`,
    [d.id, d.purchaseId, d.accountId, d.amountCents.toString(), d.credits.toString(), d.status, d.reason, d.debitTransactionId, d.status],
  );
}

export async function closeDispute(sql: Sql, id: string, status: 'WON' | 'LOST', restoreTransactionId: string | null): Promise<void> {
  await sql.query(
    `with d as (
       update purchase_disputes set status = ?, restore_transaction_id = ?::uuid, closed_at = now() where id = ? and status = 'OPEN'
       returning purchase_id, amount_cents, status
     )
     ${LOST_ON_PURCHASE}`,
    [status, restoreTransactionId, id],
  );
}

/** A dispute closed lost (the CTE `d`) adds its cents to the purchase's, in the same statement. */
const LOST_ON_PURCHASE = `update purchases p set lost_dispute_cents = p.lost_dispute_cents + d.amount_cents, updated_at = now()
   from d where p.id = d.purchase_id and d.status = 'LOST'`;
