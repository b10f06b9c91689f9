import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { formatMicroUsd, formatMillicredits, toUsdNumber } from '../money/money.js';
import { FINANCE_ORDERS, marginRatio, type FinanceOrder } from './finance.rules.js';
import type { FinanceDayRow, LiabilityRow, UsageGroupRow } from './finance.service.js';

export const FinanceOrderEnum = graphqlEnum(FINANCE_ORDERS, {
  name: 'FinanceOrder',
  description: 'Sort order of finance breakdowns (descending)',
});

@ObjectType('FinanceDay', { description: 'One UTC day; revenue = credits deducted by usage / 1,000 (USD), COGS = provider cost' })
export class FinanceDayGql {
  @Field(() => String) date!: string;
  @Field(() => Float) revenueUsd!: number;
  @Field(() => Float) cogsUsd!: number;
  @Field(() => Float) marginUsd!: number;
  @Field(() => Float, { nullable: true, description: 'margin / revenue; null without revenue' }) marginRatio!: number | null;
  @Field(() => MillicreditsScalar) creditsPurchasedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsDeductedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsRefundedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsPromotionalMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsExpiredMillicredits!: string;
  @Field(() => String, { description: 'Provider cost in USD, exact (6 decimals)' }) cogsExactUsd!: string;
  @Field(() => MillicreditsScalar, { description: 'Revenue, exact: millicredits deducted by usage (1 millicredit = $0.000001)' })
  revenueMillicredits!: string;
  @Field(() => String, { description: 'Provider cost in micro-dollars (same unit as millicredits), exact' }) costMicroUsd!: string;
  @Field(() => MillicreditsScalar, { description: 'Revenue less provider cost, exact, in millicredits (micro-dollars)' })
  marginMillicredits!: string;
  @Field(() => Int) calls!: number;
}

export const toFinanceDayGql = (d: FinanceDayRow): FinanceDayGql => ({
  date: d.date,
  revenueUsd: toUsdNumber(d.revenueMillicredits),
  cogsUsd: toUsdNumber(d.costMicroUsd),
  marginUsd: toUsdNumber(d.revenueMillicredits - d.costMicroUsd),
  marginRatio: marginRatio(d.revenueMillicredits, d.costMicroUsd),
  creditsPurchasedMillicredits: formatMillicredits(d.creditsPurchased),
  creditsDeductedMillicredits: formatMillicredits(d.creditsDeducted),
  creditsRefundedMillicredits: formatMillicredits(d.creditsRefunded),
  creditsPromotionalMillicredits: formatMillicredits(d.creditsPromotional),
  creditsExpiredMillicredits: formatMillicredits(d.creditsExpired),
  cogsExactUsd: formatMicroUsd(d.costMicroUsd),
  revenueMillicredits: formatMillicredits(d.revenueMillicredits),
  costMicroUsd: d.costMicroUsd.toString(),
  marginMillicredits: formatMillicredits(d.revenueMillicredits - d.costMicroUsd),
  calls: Number(d.calls),
});

@ObjectType('FinanceBreakdown', { description: 'Usage revenue, provider cost and margin of one model, account or team member' })
export class FinanceBreakdownGql {
  @Field(() => String, { description: 'model, account id, or "accountId/apiKeyId"' }) key!: string;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The team member (API key); null when unknown' }) apiKeyId!: string | null;
  @Field(() => String, { nullable: true, description: 'Account email (a team account: its name) or key label' }) label!: string | null;
  @Field(() => Int) calls!: number;
  @Field(() => Float) inputTokens!: number;
  @Field(() => Float) cachedInputTokens!: number;
  @Field(() => Float) outputTokens!: number;
  @Field(() => MillicreditsScalar) revenueMillicredits!: string;
  @Field(() => String, { description: 'Provider cost in micro-dollars (same unit as millicredits)' }) costMicroUsd!: string;
  @Field(() => MillicreditsScalar) marginMillicredits!: string;
  @Field(() => Float) revenueUsd!: number;
  @Field(() => Float) cogsUsd!: number;
  @Field(() => Float) marginUsd!: number;
  @Field(() => Float, { nullable: true }) marginRatio!: number | null;
}

export const toBreakdownGql =
  (kind: 'model' | 'account' | 'member') =>
  (r: UsageGroupRow): FinanceBreakdownGql => ({
    key: r.key,
    model: kind === 'model' ? r.key : null,
    accountId: r.accountId,
    apiKeyId: r.apiKeyId,
    label: r.label,
    calls: Number(r.calls),
    inputTokens: Number(r.inputTokens),
    cachedInputTokens: Number(r.cachedInputTokens),
    outputTokens: Number(r.outputTokens),
    revenueMillicredits: formatMillicredits(r.revenueMillicredits),
    costMicroUsd: r.costMicroUsd.toString(),
    marginMillicredits: formatMillicredits(r.revenueMillicredits - r.costMicroUsd),
    revenueUsd: toUsdNumber(r.revenueMillicredits),
    cogsUsd: toUsdNumber(r.costMicroUsd),
    marginUsd: toUsdNumber(r.revenueMillicredits - r.costMicroUsd),
    marginRatio: marginRatio(r.revenueMillicredits, r.costMicroUsd),
  });

@ObjectType('Liability', { description: 'Credits owed to customers: the sum of all customer balances' })
export class LiabilityGql {
  @Field(() => MillicreditsScalar) outstandingMillicredits!: string;
  @Field(() => Float) outstandingUsd!: number;
  @Field(() => MillicreditsScalar, {
    description: 'Paid credits: bought, not promotional and not staff goodwill (free credits are taken as spent first)',
  })
  paidMillicredits!: string;
  @Field(() => Float) paidUsd!: number;
  @Field(() => MillicreditsScalar) promotionalMillicredits!: string;
  @Field(() => Float) promotionalUsd!: number;
  @Field(() => MillicreditsScalar, { description: 'Goodwill credits granted by staff adjustments, unspent (never revenue)' })
  adjustmentsMillicredits!: string;
  @Field(() => Float) adjustmentsUsd!: number;
  @Field(() => MillicreditsScalar, { description: 'Sum of negative balances (owed by customers)' }) negativeMillicredits!: string;
  @Field(() => Int) negativeBalanceAccounts!: number;
  @Field(() => MillicreditsScalar, { description: 'Reserved by calls in flight' }) heldMillicredits!: string;
  @Field(() => MillicreditsScalar, {
    nullable: true,
    description: 'Credits expiring in the next 30 days; null while credits carry no expiry (no grants)',
  })
  expiringNext30DaysMillicredits!: string | null;
}

export const toLiabilityGql = (l: LiabilityRow): LiabilityGql => ({
  outstandingMillicredits: formatMillicredits(l.outstanding),
  outstandingUsd: toUsdNumber(l.outstanding),
  paidMillicredits: formatMillicredits(l.paid),
  paidUsd: toUsdNumber(l.paid),
  promotionalMillicredits: formatMillicredits(l.promotional),
  promotionalUsd: toUsdNumber(l.promotional),
  adjustmentsMillicredits: formatMillicredits(l.adjustments),
  adjustmentsUsd: toUsdNumber(l.adjustments),
  negativeMillicredits: formatMillicredits(l.negative),
  negativeBalanceAccounts: l.negativeAccounts,
  heldMillicredits: formatMillicredits(l.held),
  expiringNext30DaysMillicredits: l.expiringNext30Days === null ? null : formatMillicredits(l.expiringNext30Days),
});

@ObjectType('BreakageMonth', { description: 'Credits expired unused in one UTC month' })
export class BreakageMonthGql {
  @Field(() => String) month!: string;
  @Field(() => MillicreditsScalar) expiredMillicredits!: string;
  @Field(() => Float) expiredUsd!: number;
  @Field(() => Int) entries!: number;
}

@ObjectType('FinanceRollupStatus')
export class FinanceRollupStatusGql {
  @Field(() => String) usageSeq!: string;
  @Field(() => String) postingId!: string;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => String, { description: 'Rows above the watermark, read live by every report' }) lagRows!: string;
}

/** A period and a ranking: shared by the breakdown queries. */
@ArgsType()
export class FinanceRankingArgs {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => FinanceOrderEnum, { defaultValue: FinanceOrderEnum.REVENUE })
  orderBy!: FinanceOrder;

  @Field(() => Int, { nullable: true })
  limit!: number | null;
}

export const toBreakageGql = (b: { month: string; expired: bigint; entries: bigint }): BreakageMonthGql => ({
  month: b.month,
  expiredMillicredits: formatMillicredits(b.expired),
  expiredUsd: toUsdNumber(b.expired),
  entries: Number(b.entries),
});

export const toRollupStatusGql = (s: {
  usageSeq: bigint;
  postingId: bigint;
  updatedAt: Date;
  lagRows: bigint;
}): FinanceRollupStatusGql => ({
  usageSeq: s.usageSeq.toString(),
  postingId: s.postingId.toString(),
  updatedAt: s.updatedAt,
  lagRows: s.lagRows.toString(),
});

@ObjectType('RefusalDay', { description: 'Requests refused for credits (402 INSUFFICIENT_CREDITS) on one UTC day' })
export class RefusalDayGql {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD' }) date!: string;
  @Field(() => Int, { description: 'Refused through GraphQL (recordUsage)' }) graphql!: number;
  @Field(() => Int, { description: 'Refused by the OpenAI-compatible proxy' }) proxy!: number;
  @Field(() => Int) total!: number;
}
