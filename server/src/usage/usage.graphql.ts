import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { ConnectionType, toConnection } from '../graphql/connection.js';
import { encodeCursor, type Page } from '../graphql/connection-cursors.js';
import { formatMicroUsd, formatMillicredits, formatRatePer1k } from '../money/money.js';
import { clientIdempotencyKey } from './usage.rules.js';
import type { UsageBatchResult, UsageRecord } from './usage.types.js';
import { IsId, RequiredText, TokenCount } from '../shared/validate.js';

@ObjectType('UsageRecord')
export class UsageRecordGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  model!: string;

  @Field(() => Int)
  inputTokens!: number;

  @Field(() => Int)
  cachedInputTokens!: number;

  @Field(() => Int)
  outputTokens!: number;

  @Field(() => Int, { description: 'Input written to the prompt cache (5 minutes)' })
  cacheWriteInputTokens!: number;

  @Field(() => Int, { description: 'Input written to the prompt cache for 1 hour' })
  cacheWrite1hInputTokens!: number;

  @Field(() => Int)
  audioInputTokens!: number;

  @Field(() => Int)
  audioOutputTokens!: number;

  @Field(() => Int)
  imageInputTokens!: number;

  @Field(() => Int, { description: 'Reasoning tokens: part of outputTokens, shown on their own, never charged twice' })
  reasoningTokens!: number;

  @Field(() => String, { description: 'Snapshot: credits per 1k uncached input tokens' })
  inputPer1k!: string;

  @Field(() => String)
  cachedInputPer1k!: string;

  @Field(() => String)
  outputPer1k!: string;

  @Field(() => String, { nullable: true, description: 'Snapshot of the class rates charged; null on rows from before classes were priced' })
  cacheWriteInputPer1k!: string | null;

  @Field(() => String, { nullable: true })
  cacheWrite1hInputPer1k!: string | null;

  @Field(() => String, { nullable: true })
  audioInputPer1k!: string | null;

  @Field(() => String, { nullable: true })
  audioOutputPer1k!: string | null;

  @Field(() => String, { nullable: true })
  imageInputPer1k!: string | null;

  @Field(() => Boolean, { description: "The model's long-context rates priced this call" })
  longContext!: boolean;

  @Field(() => MillicreditsScalar)
  chargedMillicredits!: string;

  @Field(() => String, { description: 'Provider cost (COGS) of this row in USD' })
  costUsd!: string;

  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID, { nullable: true, description: "Team charges: the member who spent (the row belongs to the team's account)" })
  memberAccountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key the call was made with; null without one (a Credits page session)' })
  apiKeyId!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

const rateOrNull = (v: bigint | null) => (v === null ? null : formatRatePer1k(v));

export const toUsageGql = (u: UsageRecord): UsageRecordGql => ({
  id: u.id,
  model: u.model,
  inputTokens: Number(u.inputTokens),
  cachedInputTokens: Number(u.cachedInputTokens),
  outputTokens: Number(u.outputTokens),
  cacheWriteInputTokens: Number(u.cacheWriteInputTokens),
  cacheWrite1hInputTokens: Number(u.cacheWrite1hInputTokens),
  audioInputTokens: Number(u.audioInputTokens),
  audioOutputTokens: Number(u.audioOutputTokens),
  imageInputTokens: Number(u.imageInputTokens),
  reasoningTokens: Number(u.reasoningTokens),
  inputPer1k: formatRatePer1k(u.inputPer1k),
  cachedInputPer1k: formatRatePer1k(u.cachedInputPer1k),
  outputPer1k: formatRatePer1k(u.outputPer1k),
  cacheWriteInputPer1k: rateOrNull(u.cacheWriteInputPer1k),
  cacheWrite1hInputPer1k: rateOrNull(u.cacheWrite1hInputPer1k),
  audioInputPer1k: rateOrNull(u.audioInputPer1k),
  audioOutputPer1k: rateOrNull(u.audioOutputPer1k),
  imageInputPer1k: rateOrNull(u.imageInputPer1k),
  longContext: u.longContext,
  chargedMillicredits: formatMillicredits(u.chargedMillicredits),
  costUsd: formatMicroUsd(u.costMicroUsd),
  idempotencyKey: clientIdempotencyKey(u),
  memberAccountId: u.memberAccountId,
  apiKeyId: u.apiKeyId,
  createdAt: u.createdAt,
});

@ObjectType('UsageConnection')
export class UsageConnectionGql extends ConnectionType('Usage', UsageRecordGql) {}

export const toUsageConnection = (page: Page<UsageRecord>, countTotal: () => Promise<number>): UsageConnectionGql =>
  toConnection(page, (u) => ({ cursor: encodeCursor(u.seq), node: toUsageGql(u) }), countTotal);

@InputType()
export class RecordUsageInput {
  @IsId()
  @Field(() => ID, { nullable: true, description: "Omitted: the caller's account; another account needs ADMIN" })
  accountId?: string | null;

  @RequiredText(100)
  @Field(() => String)
  model!: string;

  @TokenCount()
  @Field(() => Int, { description: 'Uncached input tokens' })
  inputTokens!: number;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  cachedInputTokens?: number | null;

  @TokenCount()
  @Field(() => Int)
  outputTokens!: number;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Input written to the prompt cache (5 minutes)' })
  cacheWriteInputTokens?: number | null;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Input written to the prompt cache for 1 hour' })
  cacheWrite1hInputTokens?: number | null;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  audioInputTokens?: number | null;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  audioOutputTokens?: number | null;

  @TokenCount()
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  imageInputTokens?: number | null;

  @TokenCount()
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Part of outputTokens (at most outputTokens): shown, not charged again',
  })
  reasoningTokens?: number | null;

  @RequiredText(200)
  @Field(() => String)
  idempotencyKey!: string;

  @IsId()
  @Field(() => ID, {
    nullable: true,
    description: 'Charge this team instead (the caller must be an active member); a key issued for a team charges it by default',
  })
  teamId?: string | null;
}

@ObjectType('RecordUsageResult', { description: 'One row of recordUsageBatch: its usage row, or why it was refused' })
export class RecordUsageResultGql {
  @Field(() => Int, { description: 'Position of the row in inputs' })
  index!: number;

  @Field(() => UsageRecordGql, { nullable: true })
  usage!: UsageRecordGql | null;

  @Field(() => String, { nullable: true, description: 'extensions.code of the error that refused this row' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;
}

export const toRecordUsageResultGql = (r: UsageBatchResult): RecordUsageResultGql => ({
  index: r.index,
  usage: r.usage ? toUsageGql(r.usage) : null,
  errorCode: r.error?.code ?? null,
  errorMessage: r.error?.message ?? null,
});
