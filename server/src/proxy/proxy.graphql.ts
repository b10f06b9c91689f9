import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';
import type { ProxySettings } from './proxy-settings.entity.js';

@ObjectType('ProxySettings', {
  description: "An account's guardrails on every proxy surface: POST /v1/chat/completions, /v1/responses, /v1/embeddings and /v1/messages",
})
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

  @Field(() => Boolean, {
    description:
      'On by default: a call whose worst case the balance cannot cover, but whose prompt and minOutputTokens it can, holds what is available and goes upstream with its max_tokens capped to fit (header x-creditmeter-max-tokens-capped) instead of a 402. Off: refused with 402',
  })
  shrinkHolds!: boolean;

  @Field(() => Int, {
    description: 'The smallest useful output: a shrunk hold (or a streaming partial hold) covers the prompt plus these output tokens',
  })
  minOutputTokens!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute per API key (GraphQL and proxy); null = the server default, 0 = unlimited',
  })
  requestsPerMinute!: number | null;
}

export const toProxySettingsGql = (s: ProxySettings): ProxySettingsGql => ({
  accountId: s.accountId,
  requestCapMillicredits: s.requestCap === null ? null : formatMillicredits(s.requestCap),
  sessionCapMillicredits: s.sessionCap === null ? null : formatMillicredits(s.sessionCap),
  sessionWindowSeconds: s.sessionWindowSeconds,
  streamingHolds: s.streamingHolds,
  shrinkHolds: s.shrinkHolds,
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

  @Field(() => Boolean, { nullable: true })
  shrinkHolds?: boolean | null;

  @Field(() => Int, { nullable: true })
  minOutputTokens?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ADMIN only: requests per minute per API key; null = the server default, 0 = unlimited',
  })
  requestsPerMinute?: number | null;
}
