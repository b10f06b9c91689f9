import { Field, Float, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMicroUsd } from '../money/money.js';
import { totalOf, type SectionRollForward } from './revenue.rules.js';
import type { MonthRollForward } from './revenue.service.js';

/** Exact USD for display (1 millicredit = $0.000001): six decimals, never rounded to cents. */
const usd = (millicredits: bigint) => Number(formatMicroUsd(millicredits));

@ObjectType('DeferredCreditsRollForward', {
  description:
    'One kind of credit over a month: opening + purchased + adjusted + reclassified − recognised − breakage − refunded = closing',
})
export class DeferredCreditsRollForwardGql {
  @Field(() => MillicreditsScalar, { description: 'Outstanding at the start of the month' }) openingDeferredMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Bought (paid) or granted (promotional), net of reversals' })
  purchasedMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Used by metered calls: revenue for paid credits' }) recognisedMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Expired unused' }) breakageMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Refunds and disputes, net of disputes won' }) refundedMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Staff adjustments and reversals (never revenue)' }) adjustedMillicredits!: bigint;
  @Field(() => MillicreditsScalar, {
    description: 'Moved between paid and free credits: free credits burned by a refund or paying back a debt (sums to zero)',
  })
  reclassifiedMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: 'Outstanding at the end of the month' }) closingDeferredMillicredits!: bigint;
  @Field(() => Float) openingDeferredUsd!: number;
  @Field(() => Float) purchasedUsd!: number;
  @Field(() => Float) recognisedUsd!: number;
  @Field(() => Float) breakageUsd!: number;
  @Field(() => Float) refundedUsd!: number;
  @Field(() => Float) adjustedUsd!: number;
  @Field(() => Float) reclassifiedUsd!: number;
  @Field(() => Float) closingDeferredUsd!: number;
}

@ObjectType('RevenueRollForward', {
  description:
    'Deferred revenue for one UTC month. The top-level figures are paid credits; promotional and staff goodwill credits are not revenue and have their own sections. Ties to the ledger to the millicredit.',
})
export class RevenueRollForwardGql extends DeferredCreditsRollForwardGql {
  @Field(() => String) month!: string;
  @Field(() => DeferredCreditsRollForwardGql, { description: 'Promotional credits: promo codes and bonuses' })
  promotional!: DeferredCreditsRollForwardGql;
  @Field(() => DeferredCreditsRollForwardGql, { description: 'Goodwill credits granted by staff adjustments' })
  adjustments!: DeferredCreditsRollForwardGql;
  @Field(() => DeferredCreditsRollForwardGql, { description: 'All three sections together' }) total!: DeferredCreditsRollForwardGql;
  @Field(() => MillicreditsScalar, { description: "The sum of the customers' ledger balances at the month's end" })
  ledgerBalanceMillicredits!: bigint;
  @Field(() => MillicreditsScalar, { description: "Customers' balances below zero at the month's end (inside the paid closing)" })
  customerDebtMillicredits!: bigint;
  @Field(() => Boolean, { description: 'Every closing balance equals what the ledger and its grants hold' })
  tiesToLedger!: boolean;
}

export const toSectionGql = (s: SectionRollForward): DeferredCreditsRollForwardGql => ({
  openingDeferredMillicredits: s.opening,
  purchasedMillicredits: s.purchased,
  recognisedMillicredits: s.recognised,
  breakageMillicredits: s.breakage,
  refundedMillicredits: s.refunded,
  adjustedMillicredits: s.adjusted,
  reclassifiedMillicredits: s.reclassified,
  closingDeferredMillicredits: s.closing,
  openingDeferredUsd: usd(s.opening),
  purchasedUsd: usd(s.purchased),
  recognisedUsd: usd(s.recognised),
  breakageUsd: usd(s.breakage),
  refundedUsd: usd(s.refunded),
  adjustedUsd: usd(s.adjusted),
  reclassifiedUsd: usd(s.reclassified),
  closingDeferredUsd: usd(s.closing),
});

export const toRevenueRollForwardGql = (r: MonthRollForward): RevenueRollForwardGql => ({
  month: r.month,
  ...toSectionGql(r.paid),
  promotional: toSectionGql(r.promotional),
  adjustments: toSectionGql(r.adjustments),
  total: toSectionGql(totalOf(r)),
  ledgerBalanceMillicredits: r.state.ledgerBalance,
  customerDebtMillicredits: r.state.debt,
  tiesToLedger: r.mismatches.length === 0,
});
