import { Field, InputType, Int } from 'type-graphql';

/** The entity carries the GraphQL `ProxySettings` type's decorators too. */
export { ProxySettingsEntity as ProxySettingsGql } from './proxy-settings.repository.js';

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
