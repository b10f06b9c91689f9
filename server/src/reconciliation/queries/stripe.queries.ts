import type { EntityManager } from '@mikro-orm/postgresql';

const PURCHASE_COLUMNS = `id, account_id, status, kind, credits, amount_paid_cents, refunded_cents, stripe_payment_intent_id, transaction_id`;

/** The purchases Stripe's charges of the day name (by payment intent or metadata id), and the day's fulfilled ones. */
const PURCHASES_OF_CHARGES = `select ${PURCHASE_COLUMNS} from finance_purchases_v
  where stripe_payment_intent_id = any(?::text[]) or id = any(?::uuid[])
     or (status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and fulfilled_at >= ?::timestamptz and fulfilled_at < ?::timestamptz)`;

/** The purchases fulfilled during the day (each must have its Stripe charge). */
const PURCHASES_FULFILLED_IN = `select ${PURCHASE_COLUMNS} from finance_purchases_v
  where status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and fulfilled_at >= ?::timestamptz and fulfilled_at < ?::timestamptz`;

export const purchasesOfCharges = (em: EntityManager, params: unknown[] = []) =>
  em.execute<Record<string, string | null>[]>(PURCHASES_OF_CHARGES, params);

export const purchasesFulfilledIn = (em: EntityManager, params: unknown[] = []) =>
  em.execute<Record<string, string | null>[]>(PURCHASES_FULFILLED_IN, params);
