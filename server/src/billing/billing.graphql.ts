import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { formatMillicredits } from '../money/money.js';
import { refundableCents, revenueCents } from './billing.rules.js';
import type { AccountBalanceRow } from '../accounts/accounts.service.js';
import type { AutoRechargeView } from './auto-recharge.service.js';
import { findPack, TOP_UP_PACK_ID, type CreditPack } from './packs.js';
import { StripeEventEntity as StripeEventGql } from './stripe-events.repository.js';
import { PURCHASE_STATUSES, type Purchase, type PurchaseStatus } from './billing.types.js';
import { IsId } from '../shared/validate.js';

export const PurchaseStatusEnum = graphqlEnum(PURCHASE_STATUSES, { name: 'PurchaseStatus' });

@ObjectType('CreditPack')
export class CreditPackGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  priceCents!: number;

  @Field(() => MillicreditsScalar)
  creditsMillicredits!: string;
}

export const toCreditPackGql = (p: CreditPack): CreditPackGql => ({
  id: p.id,
  name: p.name,
  priceCents: Number(p.priceCents),
  creditsMillicredits: formatMillicredits(p.credits),
});

@ObjectType('CheckoutSession')
export class CheckoutSessionGql {
  @Field(() => ID, { description: 'Stripe Checkout Session id (cs_testmode_... in test mode)' })
  id!: string;

  @Field(() => String, { description: 'Where to send the browser' })
  url!: string;

  @Field(() => ID)
  purchaseId!: string;

  @Field(() => Boolean, { description: 'True when no Stripe key is configured: a local test-mode checkout, no real payment' })
  testMode!: boolean;
}

@ObjectType('Purchase')
export class PurchaseGql {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ID)
  packId!: string;

  @Field(() => String, { description: "The pack's name (Starter, Pro, …; Top-up for a target-balance auto-recharge)" })
  packName!: string;

  @Field(() => PurchaseStatusEnum)
  status!: PurchaseStatus;

  @Field(() => String, { description: 'CHECKOUT, AUTO_RECHARGE or TEST_CHECKOUT' })
  kind!: string;

  @Field(() => Int, { description: 'Price of the pack' })
  amountCents!: number;

  @Field(() => Int, { nullable: true, description: 'What was actually paid (after a Stripe promotion code)' })
  amountPaidCents!: number | null;

  @Field(() => Int, { description: 'Refunded to the card so far (tax included, as Stripe refunds it)' })
  refundedCents!: number;

  @Field(() => Int, { nullable: true, description: 'Pre-tax amount before discounts (null until paid)' })
  subtotalCents!: number | null;

  @Field(() => Int, { nullable: true, description: 'Tax Stripe computed: never credits, revenue or liability (null until paid)' })
  taxCents!: number | null;

  @Field(() => Int, { nullable: true, description: 'What the card was charged, tax included (null until paid)' })
  totalCents!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Revenue: the total less tax, less the pre-tax share of refunds and disputes lost (tax is never revenue; null until paid)',
  })
  revenueCents!: number | null;

  @Field(() => Int, { description: 'What may still be refunded (total charged less refunds and disputes lost)' })
  refundableCents!: number;

  @Field(() => Int, { description: 'Taken back by disputes closed lost, tax included (the dispute fee is not in it)' })
  lostDisputeCents!: number;

  @Field(() => String, { nullable: true, description: "The Stripe invoice's hosted page" })
  invoiceUrl!: string | null;

  @Field(() => String, { nullable: true, description: "The Stripe invoice's PDF" })
  invoicePdfUrl!: string | null;

  @Field(() => String)
  currency!: string;

  @Field(() => MillicreditsScalar)
  creditsMillicredits!: string;

  @Field(() => MillicreditsScalar)
  refundedCreditsMillicredits!: string;

  @Field(() => String, { nullable: true, description: 'Stripe receipt of the charge' })
  receiptUrl!: string | null;

  @Field(() => String, { nullable: true })
  stripeCheckoutSessionId!: string | null;

  @Field(() => String, { nullable: true })
  stripePaymentIntentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The PURCHASE ledger entry' })
  transactionId!: string | null;

  @Field(() => String, { nullable: true })
  failureReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  fulfilledAt!: Date | null;
}

const packName = (packId: string): string => findPack(packId)?.name ?? (packId === TOP_UP_PACK_ID ? 'Top-up' : packId);

const optionalNumber = (v: bigint | null): number | null => (v === null ? null : Number(v));

export const toPurchaseGql = (p: Purchase): PurchaseGql => ({
  id: p.id,
  accountId: p.accountId,
  packId: p.packId,
  packName: packName(p.packId),
  status: p.status,
  kind: p.kind,
  amountCents: Number(p.amountCents),
  amountPaidCents: optionalNumber(p.amountPaidCents),
  refundedCents: Number(p.refundedCents),
  subtotalCents: optionalNumber(p.subtotalCents),
  taxCents: optionalNumber(p.taxCents),
  totalCents: optionalNumber(p.totalCents),
  revenueCents: optionalNumber(revenueCents(p)),
  refundableCents: Number(refundableCents(p)),
  lostDisputeCents: Number(p.lostDisputeCents),
  invoiceUrl: p.invoiceUrl,
  invoicePdfUrl: p.invoicePdfUrl,
  currency: p.currency,
  creditsMillicredits: formatMillicredits(p.credits),
  refundedCreditsMillicredits: formatMillicredits(p.refundedCredits),
  receiptUrl: p.receiptUrl,
  stripeCheckoutSessionId: p.stripeCheckoutSessionId,
  stripePaymentIntentId: p.stripePaymentIntentId,
  transactionId: p.transactionId,
  failureReason: p.failureReason,
  createdAt: p.createdAt,
  fulfilledAt: p.fulfilledAt,
});

/** The entity carries the GraphQL `PurchaseDispute` type's decorators too. */
export { DisputeEntity as PurchaseDisputeGql } from './disputes.repository.js';

/** The entity carries the GraphQL `StripeEvent` type's decorators too. */
export { StripeEventGql };

@ObjectType('ReplayResult')
export class ReplayResultGql {
  @Field(() => StripeEventGql)
  event!: StripeEventGql;

  @Field(() => String, { description: 'fulfilled, already, pending, mismatch, refunded, unchanged, ignored, error, ...' })
  outcome!: string;
}

@ObjectType('NegativeBalance')
export class NegativeBalanceGql {
  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => MillicreditsScalar)
  balanceMillicredits!: string;

  @Field(() => MillicreditsScalar)
  heldMillicredits!: string;

  @Field(() => Date)
  updatedAt!: Date;
}

export const toNegativeBalanceGql = (r: AccountBalanceRow): NegativeBalanceGql => ({
  accountId: r.id,
  email: r.email ?? null,
  balanceMillicredits: formatMillicredits(r.posted),
  heldMillicredits: formatMillicredits(r.pending),
  updatedAt: r.updatedAt,
});

@ObjectType('AutoRecharge')
export class AutoRechargeGql {
  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => MillicreditsScalar, { description: 'Fires when available credits fall below this' })
  thresholdMillicredits!: string;

  @Field(() => ID, { nullable: true, description: 'Buy this pack...' })
  packId!: string | null;

  @Field(() => MillicreditsScalar, { nullable: true, description: '...or top up to this balance' })
  targetBalanceMillicredits!: string | null;

  @Field(() => Int)
  monthlyLimitCents!: number;

  @Field(() => Int)
  spentThisMonthCents!: number;

  @Field(() => Boolean, { description: 'A card was saved by an earlier Checkout' })
  hasPaymentMethod!: boolean;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why auto-recharge did not run or was turned off' })
  notice!: string | null;

  @Field(() => Date, { nullable: true })
  noticeAt!: Date | null;
}

export const toAutoRechargeGql = (s: AutoRechargeView): AutoRechargeGql => ({
  enabled: s.enabled,
  thresholdMillicredits: formatMillicredits(s.threshold),
  packId: s.packId,
  targetBalanceMillicredits: s.targetBalance === null ? null : formatMillicredits(s.targetBalance),
  monthlyLimitCents: Number(s.monthlyLimitCents),
  spentThisMonthCents: Number(s.spentThisMonthCents),
  hasPaymentMethod: s.hasPaymentMethod,
  lastAttemptAt: s.lastAttemptAt,
  notice: s.notice,
  noticeAt: s.noticeAt,
});

@InputType()
export class SetAutoRechargeInput {
  @IsId()
  @Field(() => ID, { nullable: true, description: "Omitted: the caller's account; another account needs ADMIN" })
  accountId?: string | null;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => String)
  thresholdMillicredits!: string;

  @Field(() => ID, { nullable: true })
  packId?: string | null;

  @Field(() => String, { nullable: true })
  targetBalanceMillicredits?: string | null;

  @Field(() => Int)
  monthlyLimitCents!: number;
}

@ObjectType('RefulfilResult')
export class RefulfilResultGql {
  @Field(() => PurchaseGql)
  purchase!: PurchaseGql;

  @Field(() => String, { description: 'fulfilled, already, pending, mismatch or error' })
  outcome!: string;
}
