import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { graphqlEnum } from '../graphql/enums.js';
import { formatMicroUsd, toUsdNumber } from '../money/money.js';
import { FINANCE_ORDERS, marginRatio, type FinanceOrder } from './finance.rules.js';

/** Exact money from the SQL (bigint or its decimal string) as a bigint for the derived figures. */
const big = (v: bigint | string): bigint => BigInt(v);

export const FinanceOrderEnum = graphqlEnum(FINANCE_ORDERS, {
  name: 'FinanceOrder',
  description: 'Sort order of finance breakdowns (descending)',
});

@ObjectType('FinanceDay', { description: 'One UTC day; revenue = credits deducted by usage / 1,000 (USD), COGS = provider cost' })
export class FinanceDayGql {
  @Field(() => String) date!: string;
  @Field(() => Float) get revenueUsd(): number {
    return toUsdNumber(big(this.revenueMillicredits));
  }
  @Field(() => Float) get cogsUsd(): number {
    return toUsdNumber(big(this.costMicroUsd));
  }
  @Field(() => Float) get marginUsd(): number {
    return toUsdNumber(big(this.marginMillicredits));
  }
  @Field(() => Float, { nullable: true, description: 'margin / revenue; null without revenue' }) get marginRatio(): number | null {
    return marginRatio(big(this.revenueMillicredits), big(this.costMicroUsd));
  }
  @Field(() => MillicreditsScalar) creditsPurchasedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsDeductedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsRefundedMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsPromotionalMillicredits!: string;
  @Field(() => MillicreditsScalar) creditsExpiredMillicredits!: string;
  @Field(() => String, { description: 'Provider cost in USD, exact (6 decimals)' }) get cogsExactUsd(): string {
    return formatMicroUsd(big(this.costMicroUsd));
  }
  @Field(() => MillicreditsScalar, { description: 'Revenue, exact: millicredits deducted by usage (1 millicredit = $0.000001)' })
  revenueMillicredits!: string;
  @Field(() => String, { description: 'Provider cost in micro-dollars (same unit as millicredits), exact' }) costMicroUsd!: string;
  @Field(() => MillicreditsScalar, { description: 'Revenue less provider cost, exact, in millicredits (micro-dollars)' })
  marginMillicredits!: string;
  @Field(() => Int) calls!: number;
}

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
  @Field(() => Float) get revenueUsd(): number {
    return toUsdNumber(big(this.revenueMillicredits));
  }
  @Field(() => Float) get cogsUsd(): number {
    return toUsdNumber(big(this.costMicroUsd));
  }
  @Field(() => Float) get marginUsd(): number {
    return toUsdNumber(big(this.marginMillicredits));
  }
  @Field(() => Float, { nullable: true }) get marginRatio(): number | null {
    return marginRatio(big(this.revenueMillicredits), big(this.costMicroUsd));
  }
}

/** Figures of the liability in millicredits (the `...Usd` fields derive from them). */
type LiabilityFigures = Pick<
  LiabilityGql,
  | 'outstandingMillicredits'
  | 'paidMillicredits'
  | 'promotionalMillicredits'
  | 'adjustmentsMillicredits'
  | 'negativeMillicredits'
  | 'negativeBalanceAccounts'
  | 'heldMillicredits'
  | 'expiringNext30DaysMillicredits'
>;

@ObjectType('Liability', { description: 'Credits owed to customers: the sum of all customer balances' })
export class LiabilityGql {
  constructor(figures: LiabilityFigures) {
    Object.assign(this, figures);
  }

  @Field(() => MillicreditsScalar) outstandingMillicredits!: bigint;
  @Field(() => Float) get outstandingUsd(): number {
    return toUsdNumber(this.outstandingMillicredits);
  }
  @Field(() => MillicreditsScalar, {
    description: 'Paid credits: bought, not promotional and not staff goodwill (free credits are taken as spent first)',
  })
  paidMillicredits!: bigint;
  @Field(() => Float) get paidUsd(): number {
    return toUsdNumber(this.paidMillicredits);
  }
  @Field(() => MillicreditsScalar) promotionalMillicredits!: bigint;
  @Field(() => Float) get promotionalUsd(): number {
    return toUsdNumber(this.promotionalMillicredits);
  }
  @Field(() => MillicreditsScalar, { description: 'Goodwill credits granted by staff adjustments, unspent (never revenue)' })
  adjustmentsMillicredits!: bigint;
  @Field(() => Float) get adjustmentsUsd(): number {
    return toUsdNumber(this.adjustmentsMillicredits);
  }
  @Field(() => MillicreditsScalar, { description: 'Sum of negative balances (owed by customers)' }) negativeMillicredits!: bigint;
  @Field(() => Int) negativeBalanceAccounts!: number;
  @Field(() => MillicreditsScalar, { description: 'Reserved by calls in flight' }) heldMillicredits!: bigint;
  @Field(() => MillicreditsScalar, {
    nullable: true,
    description: 'Credits expiring in the next 30 days; null while credits carry no expiry (no grants)',
  })
  expiringNext30DaysMillicredits!: bigint | null;
}

@ObjectType('BreakageMonth', { description: 'Credits expired unused in one UTC month' })
export class BreakageMonthGql {
  @Field(() => String) month!: string;
  @Field(() => MillicreditsScalar) expiredMillicredits!: string;
  @Field(() => Float) get expiredUsd(): number {
    return toUsdNumber(big(this.expiredMillicredits));
  }
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

@ObjectType('RefusalDay', { description: 'Requests refused for credits (402 INSUFFICIENT_CREDITS) on one UTC day' })
export class RefusalDayGql {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD' }) date!: string;
  @Field(() => Int, { description: 'Refused through GraphQL (recordUsage)' }) graphql!: number;
  @Field(() => Int, { description: 'Refused by the OpenAI-compatible proxy' }) proxy!: number;
  @Field(() => Int) total!: number;
}
