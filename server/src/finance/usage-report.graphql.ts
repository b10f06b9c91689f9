import { Field, Float, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../graphql/enums.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMicroUsd } from '../money/money.js';
import { USAGE_GROUPS, marginMicroUsd, type UsageGroup } from './usage-report.rules.js';

export const UsageGroupEnum = graphqlEnum(USAGE_GROUPS, {
  name: 'UsageGroup',
  description: 'A dimension of usageReport: UTC day, model, API key, team member, account (staff only)',
});
export type UsageGroupEnum = UsageGroup;

/** One row of the usage report as its query reads it (token sums as numbers, money as integer strings). */
@ObjectType('UsageReportRow', { description: 'Usage of one group; the dimensions not grouped by are null' })
export class UsageReportRowGql {
  @Field(() => String, { nullable: true, description: 'UTC day, YYYY-MM-DD' }) day!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => ID, { nullable: true, description: 'Grouped by API_KEY: the key; null for calls made without one (Credits page)' })
  apiKeyId!: string | null;
  @Field(() => String, { nullable: true, description: "The key's label (or prefix)" }) apiKeyLabel!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Grouped by TEAM_MEMBER: the member who spent the team's credits; null = not a team charge",
  })
  memberAccountId!: string | null;
  @Field(() => String, { nullable: true }) memberEmail!: string | null;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) accountEmail!: string | null;
  @Field(() => Float) calls!: number;
  @Field(() => Float, { description: 'Uncached input tokens' }) inputTokens!: number;
  @Field(() => Float) cachedInputTokens!: number;
  @Field(() => Float, { description: 'Output tokens, reasoning included' }) outputTokens!: number;
  @Field(() => Float, { description: 'Input written to the prompt cache (5 minutes)' }) cacheWriteInputTokens!: number;
  @Field(() => Float, { description: 'Input written to the prompt cache for 1 hour' }) cacheWrite1hInputTokens!: number;
  @Field(() => Float) audioInputTokens!: number;
  @Field(() => Float) audioOutputTokens!: number;
  @Field(() => Float) imageInputTokens!: number;
  @Field(() => Float, { description: 'Part of outputTokens' }) reasoningTokens!: number;
  @Field(() => MillicreditsScalar) chargedMillicredits!: string;
  @Field(() => String, { description: 'Provider cost, USD with 6 decimals (exact)' }) get costUsd(): string {
    return formatMicroUsd(BigInt(this.costMicroUsd));
  }
  @Field(() => String, { description: 'Credits charged (as USD) less provider cost, 6 decimals (exact)' }) get marginUsd(): string {
    return formatMicroUsd(marginMicroUsd(BigInt(this.chargedMillicredits), BigInt(this.costMicroUsd)));
  }

  /** Provider cost in micro-dollars (an integer string). */
  costMicroUsd!: string;
}
