import { Field, Float, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../graphql/enums.js';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMicroUsd, formatMillicredits } from '../money/money.js';
import { USAGE_GROUPS, marginMicroUsd, type UsageGroup, type UsageReportRow } from './usage-report.rules.js';

export const UsageGroupEnum = graphqlEnum(USAGE_GROUPS, {
  name: 'UsageGroup',
  description: 'A dimension of usageReport: UTC day, model, API key, team member, account (staff only)',
});
export type UsageGroupEnum = UsageGroup;

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
  @Field(() => String, { description: 'Provider cost, USD with 6 decimals (exact)' }) costUsd!: string;
  @Field(() => String, { description: 'Credits charged (as USD) less provider cost, 6 decimals (exact)' }) marginUsd!: string;
}

export const toUsageReportRowGql = (r: UsageReportRow): UsageReportRowGql => ({
  day: r.day,
  model: r.model,
  apiKeyId: r.apiKeyId,
  apiKeyLabel: r.apiKeyLabel,
  memberAccountId: r.memberAccountId,
  memberEmail: r.memberEmail,
  accountId: r.accountId,
  accountEmail: r.accountEmail,
  calls: Number(r.calls),
  inputTokens: Number(r.inputTokens),
  cachedInputTokens: Number(r.cachedInputTokens),
  outputTokens: Number(r.outputTokens),
  cacheWriteInputTokens: Number(r.classTokens.cache_write_input),
  cacheWrite1hInputTokens: Number(r.classTokens.cache_write_1h_input),
  audioInputTokens: Number(r.classTokens.audio_input),
  audioOutputTokens: Number(r.classTokens.audio_output),
  imageInputTokens: Number(r.classTokens.image_input),
  reasoningTokens: Number(r.classTokens.reasoning),
  chargedMillicredits: formatMillicredits(r.chargedMillicredits),
  costUsd: formatMicroUsd(r.costMicroUsd),
  marginUsd: formatMicroUsd(marginMicroUsd(r.chargedMillicredits, r.costMicroUsd)),
});
