import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';
import type { ProxySettings } from './proxy-settings.service.js';

@ObjectType('ProxySettings', { description: "An account's guardrails on POST /v1/chat/completions" })
export class ProxySettingsGql {
  @Field(() => ID)
  accountId!: string;

  @Field(() => MillicreditsScalar, { nullable: true, description: 'Default per-request spend cap (worst case of one call); null = none' })
  requestCapMillicredits!: string | null;

  @Field(() => MillicreditsScalar, { nullable: true, description: 'Cumulative cap per X-Session-Id over the window; null = none' })
  sessionCapMillicredits!: string | null;

  @Field(() => Int)
  sessionWindowSeconds!: number;

  @Field(() => Boolean, { description: 'Opt-in: start streams whose worst case exceeds the balance, cut at the hold' })
  streamingHolds!: boolean;

  @Field(() => Int, { description: 'With streamingHolds: output tokens the balance must cover beyond the prompt' })
  minOutputTokens!: number;

  @Field(() => Int, { nullable: true, description: 'Requests per minute per API key (GraphQL and proxy); null = the server default, 0 = unlimited' })
  requestsPerMinute!: number | null;
}

export const toProxySettingsGql = (s: ProxySettings): ProxySettingsGql => ({
  accountId: s.accountId,
  requestCapMillicredits: s.requestCap === null ? null : formatMillicredits(s.requestCap),
  sessionCapMillicredits: s.sessionCap === null ? null : formatMillicredits(s.sessionCap),
  sessionWindowSeconds: s.sessionWindowSeconds,
  streamingHolds: s.streamingHolds,
  minOutputTokens: s.minOutputTokens,
  requestsPerMinute: s.requestsPerMinute,
});

@InputType({ description: 'Omitted fields stay as they are; a null cap removes the cap' })
export class ProxySettingsInput {
  @Field(() => String, { nullable: true })
  requestCapMillicredits?: string | null;

  @Field(() => String, { nullable: true })
  sessionCapMillicredits?: string | null;

  @Field(() => Int, { nullable: true })
  sessionWindowSeconds?: number | null;

  @Field(() => Boolean, { nullable: true })
  streamingHolds?: boolean | null;

  @Field(() => Int, { nullable: true })
  minOutputTokens?: number | null;

  @Field(() => Int, { nullable: true, description: 'ADMIN only: requests per minute per API key; null = the server default, 0 = unlimited' })
  requestsPerMinute?: number | null;
}
