export const PURCHASE_STATUSES = ['PENDING', 'FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'FAILED'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
export type PurchaseKind = 'CHECKOUT' | 'AUTO_RECHARGE' | 'TEST_CHECKOUT';

export interface Purchase {
  id: string;
  accountId: string;
  kind: PurchaseKind;
  packId: string;
  status: PurchaseStatus;
  amountCents: bigint;
  currency: string;
  credits: bigint;
  amountPaidCents: bigint | null;
  discountCents: bigint;
  refundedCents: bigint;
  refundedCredits: bigint;
  /** Taken by disputes closed lost (tax included, as Stripe withdrew it). */
  lostDisputeCents: bigint;
  /** Pre-tax price before discounts, tax, and the total charged (tax included), as Stripe reported them; null until paid. */
  subtotalCents: bigint | null;
  taxCents: bigint | null;
  totalCents: bigint | null;
  stripeInvoiceId: string | null;
  invoiceUrl: string | null;
  invoicePdfUrl: string | null;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
  stripeCustomerId: string | null;
  receiptUrl: string | null;
  transactionId: string | null;
  failureReason: string | null;
  returnTo: string | null;
  createdAt: Date;
  updatedAt: Date;
  fulfilledAt: Date | null;
}

export type EventStatus = 'RECEIVED' | 'PROCESSED' | 'FAILED' | 'IGNORED';
export type EventSource = 'STRIPE' | 'TEST_MODE' | 'STAFF';

export interface StoredEvent {
  id: string;
  type: string;
  source: EventSource;
  livemode: boolean;
  payload: WebhookEvent;
  status: EventStatus;
  attempts: number;
  lastError: string | null;
  purchaseId: string | null;
  receivedAt: Date;
  processedAt: Date | null;
}

/** The few fields of a Stripe event this module reads (the SDK's types cover every API version). */
export interface WebhookEvent {
  id: string;
  type: string;
  livemode?: boolean;
  data: { object: Record<string, unknown> };
}

/** What a Checkout Session or Payment Intent says was paid, in the shape the rules check. */
export interface PaymentFacts {
  /** 'paid' | 'unpaid' | 'no_payment_required' for a session; 'succeeded' etc. for an intent. */
  paymentStatus: string;
  amountSubtotalCents: bigint | null;
  amountTotalCents: bigint | null;
  discountCents: bigint;
  /** Tax on top of the (discounted) subtotal: Stripe's total_details.amount_tax. */
  taxCents: bigint;
  currency: string | null;
  /** The invoice Stripe created for the payment (Checkout's invoice_creation), when there is one. */
  invoiceId: string | null;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  customerId: string | null;
}

export interface AutoRechargeSettings {
  accountId: string;
  enabled: boolean;
  threshold: bigint;
  packId: string | null;
  targetBalance: bigint | null;
  monthlyLimitCents: bigint;
  lastAttemptAt: Date | null;
  notice: string | null;
  noticeAt: Date | null;
  updatedAt: Date;
}
