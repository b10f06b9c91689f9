import { type Sql } from '../db/sql.js';
import { toBigInt } from '../db/values.js';
import type { PageWindow } from '../shared/paging.js';
import type { AutoRechargeSettings, Purchase, PurchaseKind, PurchaseStatus } from './billing.types.js';

type Row = Record<string, unknown>;
const date = (v: unknown) => (v ? new Date(v as string) : null);
const nullableBig = (v: unknown) => (v === null || v === undefined ? null : toBigInt(v));

export function toPurchase(r: Row): Purchase {
  return {
    id: r.id as string,
    accountId: r.account_id as string,
    kind: r.kind as PurchaseKind,
    packId: r.pack_id as string,
    status: r.status as PurchaseStatus,
    amountCents: toBigInt(r.amount_cents),
    currency: r.currency as string,
    credits: toBigInt(r.credits),
    amountPaidCents: nullableBig(r.amount_paid_cents),
    discountCents: toBigInt(r.discount_cents),
    refundedCents: toBigInt(r.refunded_cents),
    refundedCredits: toBigInt(r.refunded_credits),
    lostDisputeCents: toBigInt(r.lost_dispute_cents ?? 0),
    subtotalCents: nullableBig(r.subtotal_cents),
    taxCents: nullableBig(r.tax_cents),
    totalCents: nullableBig(r.total_cents),
    stripeInvoiceId: (r.stripe_invoice_id as string | null) ?? null,
    invoiceUrl: (r.invoice_url as string | null) ?? null,
    invoicePdfUrl: (r.invoice_pdf_url as string | null) ?? null,
    stripeCheckoutSessionId: (r.stripe_checkout_session_id as string | null) ?? null,
    stripePaymentIntentId: (r.stripe_payment_intent_id as string | null) ?? null,
    stripeCustomerId: (r.stripe_customer_id as string | null) ?? null,
    receiptUrl: (r.receipt_url as string | null) ?? null,
    transactionId: (r.transaction_id as string | null) ?? null,
    failureReason: (r.failure_reason as string | null) ?? null,
    returnTo: (r.return_to as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    fulfilledAt: date(r.fulfilled_at),
  };
}

export async function insertPurchase(
  sql: Sql,
  p: {
    accountId: string;
    kind: PurchaseKind;
    packId: string;
    amountCents: bigint;
    credits: bigint;
    returnTo: string | null;
    stripeCustomerId: string | null;
  },
): Promise<Purchase> {
  const rows = await sql.query<Row>(
    `insert into purchases (account_id, kind, pack_id, amount_cents, credits, return_to, stripe_customer_id)
     values (?::uuid, ?, ?, ?::bigint, ?::bigint, ?, ?) returning *`,
    [p.accountId, p.kind, p.packId, p.amountCents.toString(), p.credits.toString(), p.returnTo, p.stripeCustomerId],
  );
  return toPurchase(rows[0]);
}

export async function findPurchase(sql: Sql, id: string): Promise<Purchase | null> {
  const rows = await sql.query<Row>(`select * from purchases where id = ?::uuid`, [id]);
  return rows[0] ? toPurchase(rows[0]) : null;
}

/** The purchase, locked until the caller's transaction ends (refunds and disputes recompute under it). */
export async function lockPurchase(sql: Sql, id: string): Promise<Purchase | null> {
  const rows = await sql.query<Row>(`select * from purchases where id = ?::uuid for update`, [id]);
  return rows[0] ? toPurchase(rows[0]) : null;
}

export async function findPurchaseByPaymentIntent(sql: Sql, paymentIntentId: string): Promise<Purchase | null> {
  const rows = await sql.query<Row>(`select * from purchases where stripe_payment_intent_id = ?`, [paymentIntentId]);
  return rows[0] ? toPurchase(rows[0]) : null;
}

export async function findPurchasesOfAccount(sql: Sql, accountId: string, limit = 100): Promise<Purchase[]> {
  const rows = await sql.query<Row>(`select * from purchases where account_id = ?::uuid order by created_at desc, id limit ?::int`, [
    accountId,
    limit,
  ]);
  return rows.map(toPurchase);
}

/** Stripe ids learnt along the way; never overwrites a known id with null. */
export async function recordStripeRefs(
  sql: Sql,
  id: string,
  refs: {
    checkoutSessionId?: string | null;
    paymentIntentId?: string | null;
    customerId?: string | null;
    receiptUrl?: string | null;
    invoiceId?: string | null;
    invoiceUrl?: string | null;
    invoicePdfUrl?: string | null;
  },
): Promise<void> {
  await sql.query(
    `update purchases set
       stripe_checkout_session_id = coalesce(stripe_checkout_session_id, ?),
       stripe_payment_intent_id = coalesce(stripe_payment_intent_id, ?),
       stripe_customer_id = coalesce(?, stripe_customer_id),
       receipt_url = coalesce(?, receipt_url),
       stripe_invoice_id = coalesce(stripe_invoice_id, ?),
       invoice_url = coalesce(?, invoice_url),
       invoice_pdf_url = coalesce(?, invoice_pdf_url),
       updated_at = now()
     where id = ?::uuid`,
    [
      refs.checkoutSessionId ?? null,
      refs.paymentIntentId ?? null,
      refs.customerId ?? null,
      refs.receiptUrl ?? null,
      refs.invoiceId ?? null,
      refs.invoiceUrl ?? null,
      refs.invoicePdfUrl ?? null,
      id,
    ],
  );
}

/** PENDING (or, for staff, FAILED) -> FULFILLED; false when another fulfilment got there first. */
export async function markFulfilled(
  sql: Sql,
  id: string,
  f: {
    transactionId: string;
    amountPaidCents: bigint;
    discountCents: bigint;
    subtotalCents: bigint;
    taxCents: bigint;
    fromStatuses: PurchaseStatus[];
  },
): Promise<boolean> {
  const rows = await sql.query(
    `update purchases set status = 'FULFILLED', transaction_id = ?::uuid, amount_paid_cents = ?::bigint,
            discount_cents = ?::bigint, subtotal_cents = ?::bigint, tax_cents = ?::bigint, total_cents = ?::bigint,
            failure_reason = null, fulfilled_at = now(), updated_at = now()
      where id = ?::uuid and status = any(?::text[]) returning id`,
    [
      f.transactionId,
      f.amountPaidCents.toString(),
      f.discountCents.toString(),
      f.subtotalCents.toString(),
      f.taxCents.toString(),
      f.amountPaidCents.toString(),
      id,
      `{${f.fromStatuses.join(',')}}`,
    ],
  );
  return rows.length > 0;
}

export async function markFailed(sql: Sql, id: string, reason: string): Promise<boolean> {
  const rows = await sql.query(
    `update purchases set status = 'FAILED', failure_reason = ?, updated_at = now()
      where id = ?::uuid and status = 'PENDING' returning id`,
    [reason.slice(0, 500), id],
  );
  return rows.length > 0;
}

/** Optimistic: applies only if nobody recorded another refund since `expectedRefundedCredits` was read. */
export async function recordRefund(
  sql: Sql,
  id: string,
  r: { expectedRefundedCredits: bigint; refundedCents: bigint; refundedCredits: bigint; status: PurchaseStatus },
): Promise<boolean> {
  const rows = await sql.query(
    `update purchases set refunded_cents = greatest(refunded_cents, ?::bigint), refunded_credits = ?::bigint,
            status = ?, updated_at = now()
      where id = ?::uuid and refunded_credits = ?::bigint returning id`,
    [r.refundedCents.toString(), r.refundedCredits.toString(), r.status, id, r.expectedRefundedCredits.toString()],
  );
  return rows.length > 0;
}

// ---- customers and auto-recharge -------------------------------------------------------------

export async function findCustomer(sql: Sql, accountId: string): Promise<{ customerId: string; paymentMethodId: string | null } | null> {
  const rows = await sql.query<Row>(`select stripe_customer_id, payment_method_id from billing_customers where account_id = ?::uuid`, [
    accountId,
  ]);
  return rows[0]
    ? { customerId: rows[0].stripe_customer_id as string, paymentMethodId: (rows[0].payment_method_id as string | null) ?? null }
    : null;
}

export async function saveCustomer(sql: Sql, accountId: string, customerId: string, paymentMethodId: string | null): Promise<void> {
  await sql.query(
    `insert into billing_customers (account_id, stripe_customer_id, payment_method_id) values (?::uuid, ?, ?)
     on conflict (account_id) do update set stripe_customer_id = excluded.stripe_customer_id,
       payment_method_id = coalesce(excluded.payment_method_id, billing_customers.payment_method_id), updated_at = now()`,
    [accountId, customerId, paymentMethodId],
  );
}

export function toSettings(r: Row): AutoRechargeSettings {
  return {
    accountId: r.account_id as string,
    enabled: Boolean(r.enabled),
    threshold: toBigInt(r.threshold),
    packId: (r.pack_id as string | null) ?? null,
    targetBalance: nullableBig(r.target_balance),
    monthlyLimitCents: toBigInt(r.monthly_limit_cents),
    lastAttemptAt: date(r.last_attempt_at),
    notice: (r.notice as string | null) ?? null,
    noticeAt: date(r.notice_at),
    updatedAt: new Date(r.updated_at as string),
  };
}

export async function findSettings(sql: Sql, accountId: string, forUpdate = false): Promise<AutoRechargeSettings | null> {
  const rows = await sql.query<Row>(`select * from auto_recharge_settings where account_id = ?::uuid${forUpdate ? ' for update' : ''}`, [
    accountId,
  ]);
  return rows[0] ? toSettings(rows[0]) : null;
}

export async function upsertSettings(
  sql: Sql,
  s: {
    accountId: string;
    enabled: boolean;
    threshold: bigint;
    packId: string | null;
    targetBalance: bigint | null;
    monthlyLimitCents: bigint;
  },
): Promise<AutoRechargeSettings> {
  const rows = await sql.query<Row>(
    `insert into auto_recharge_settings (account_id, enabled, threshold, pack_id, target_balance, monthly_limit_cents)
     values (?::uuid, ?::boolean, ?::bigint, ?, ?::bigint, ?::bigint)
     on conflict (account_id) do update set enabled = excluded.enabled, threshold = excluded.threshold,
       pack_id = excluded.pack_id, target_balance = excluded.target_balance,
       monthly_limit_cents = excluded.monthly_limit_cents, notice = null, notice_at = null, updated_at = now()
     returning *`,
    [s.accountId, s.enabled, s.threshold.toString(), s.packId, s.targetBalance?.toString() ?? null, s.monthlyLimitCents.toString()],
  );
  return toSettings(rows[0]);
}

/** The threshold of an enabled auto-recharge; null when it is off or was never set. */
export async function findEnabledThreshold(sql: Sql, accountId: string): Promise<bigint | null> {
  const rows = await sql.query<{ threshold: string }>(
    `select threshold from auto_recharge_settings where account_id = ?::uuid and enabled`,
    [accountId],
  );
  return rows[0] ? toBigInt(rows[0].threshold) : null;
}

export async function markAttempted(sql: Sql, accountId: string, at: Date): Promise<void> {
  await sql.query(`update auto_recharge_settings set last_attempt_at = ?::timestamptz, updated_at = now() where account_id = ?::uuid`, [
    at.toISOString(),
    accountId,
  ]);
}

export async function setNotice(sql: Sql, accountId: string, notice: string, disable: boolean): Promise<void> {
  await sql.query(
    `update auto_recharge_settings set notice = ?, notice_at = now(), enabled = enabled and not ?::boolean, updated_at = now()
      where account_id = ?::uuid`,
    [notice.slice(0, 500), disable, accountId],
  );
}

export async function autoRechargeSpentThisMonth(sql: Sql, accountId: string, since: Date): Promise<bigint> {
  const rows = await sql.query<{ spent: string | null }>(
    `select coalesce(sum(amount_cents), 0) as spent from purchases
      where account_id = ?::uuid and kind = 'AUTO_RECHARGE' and status <> 'FAILED' and created_at >= ?::timestamptz`,
    [accountId, since.toISOString()],
  );
  return toBigInt(rows[0]?.spent);
}

export async function pendingAutoRecharges(sql: Sql, accountId: string): Promise<number> {
  const rows = await sql.query<{ n: string }>(
    `select count(*) as n from purchases where account_id = ?::uuid and kind = 'AUTO_RECHARGE' and status = 'PENDING'
        and created_at > now() - interval '1 day'`,
    [accountId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** PENDING purchases that reached Stripe and are older than `minutes`: the stuck-user candidates. */
export async function findStalePurchases(sql: Sql, minutes: number, limit: number): Promise<Purchase[]> {
  const rows = await sql.query<Row>(
    `select * from purchases
      where status = 'PENDING' and kind <> 'TEST_CHECKOUT'
        and (stripe_checkout_session_id is not null or stripe_payment_intent_id is not null)
        and created_at < now() - make_interval(mins => ?::int)
      order by created_at limit ?::int`,
    [minutes, limit],
  );
  return rows.map(toPurchase);
}

export interface PurchaseFilter {
  status?: PurchaseStatus | null;
  accountId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** PENDING purchases that reached Stripe and are older than this many minutes (stuck after an outage?). */
  staleAfterMinutes?: number | null;
}

export type PurchaseOrder = 'CREATED_AT' | 'AMOUNT';

/** The WHERE of a filter (validated by the caller) and its parameters. */
function purchaseWhere(f: PurchaseFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (part: string, param: unknown) => {
    parts.push(part);
    params.push(param);
  };
  if (f.status) add(`status = ?`, f.status);
  if (f.accountId) add(`account_id = ?::uuid`, f.accountId);
  if (f.from) add(`created_at >= ?::timestamptz`, f.from.toISOString());
  if (f.to) add(`created_at < ?::timestamptz`, f.to.toISOString());
  if (f.staleAfterMinutes != null)
    add(
      `status = 'PENDING' and kind <> 'TEST_CHECKOUT' and (stripe_checkout_session_id is not null or stripe_payment_intent_id is not null)
      and created_at < now() - make_interval(mins => ?::int)`,
      f.staleAfterMinutes,
    );
  return { where: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/** Purchases of every account matching the filter, in the asked order (then id); `limit + 1` rows. */
export async function findPurchasesFiltered(
  sql: Sql,
  f: PurchaseFilter,
  order: PurchaseOrder,
  direction: 'ASC' | 'DESC',
  window: PageWindow,
): Promise<Purchase[]> {
  const { where, params } = purchaseWhere(f);
  const column = order === 'AMOUNT' ? 'amount_cents' : 'created_at';
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  const rows = await sql.query<Row>(`select * from purchases ${where} order by ${column} ${dir}, id ${dir} limit ? offset ?`, [
    ...params,
    window.limit + 1,
    window.offset,
  ]);
  return rows.map(toPurchase);
}

export async function countPurchasesFiltered(sql: Sql, f: PurchaseFilter): Promise<number> {
  const { where, params } = purchaseWhere(f);
  return Number((await sql.query<{ n: string }>(`select count(*) n from purchases ${where}`, params))[0].n);
}
