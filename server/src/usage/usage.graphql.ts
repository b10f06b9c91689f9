import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { ConnectionType, toConnection } from '../graphql/connection.js';
import { encodeCursor, type Page } from '../ledger/cursor.js';
import { formatMicroUsd, formatMillicredits, formatRatePer1k } from '../money/money.js';
import { clientIdempotencyKey } from './usage.rules.js';
import type { UsageBatchResult, UsageRecord } from './usage.types.js';

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

  @Field(() => String, { description: 'Snapshot: credits per 1k uncached input tokens' })
  inputPer1k!: string;

  @Field(() => String)
  cachedInputPer1k!: string;

  @Field(() => String)
  outputPer1k!: string;

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

export const toUsageGql = (u: UsageRecord): UsageRecordGql => ({
  id: u.id,
  model: u.model,
  inputTokens: Number(u.inputTokens),
  cachedInputTokens: Number(u.cachedInputTokens),
  outputTokens: Number(u.outputTokens),
  inputPer1k: formatRatePer1k(u.inputPer1k),
  cachedInputPer1k: formatRatePer1k(u.cachedInputPer1k),
  outputPer1k: formatRatePer1k(u.outputPer1k),
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
  @Field(() => ID, { nullable: true, description: "Omitted: the caller's account; another account needs ADMIN" })
  accountId?: string | null;

  @Field(() => String)
  model!: string;

  @Field(() => Int, { description: 'Uncached input tokens' })
  inputTokens!: number;

  @Field(() => Int, { nullable: true, defaultValue: 0 })
  cachedInputTokens?: number | null;

  @Field(() => Int)
  outputTokens!: number;

  @Field(() => String)
  idempotencyKey!: string;

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
