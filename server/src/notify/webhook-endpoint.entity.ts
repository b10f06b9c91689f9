import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A webhook endpoint (`webhook_endpoints`): an account's own, or the operator's (account null) for
 * every account. The same class is its GraphQL type: only the fields marked @Field are shown. The
 * signing secrets are sealed, lazy and hidden: loaded only when asked for, never serialised.
 */
@ObjectType('WebhookEndpoint')
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [String], { description: 'Event types sent to this endpoint ("*" = all)' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  events!: string[];

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;

  @Field(() => ID, {
    nullable: true,
    description: "The account whose events it receives; null = the operator's endpoint for every account",
  })
  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: 'manual, or failing (disabled after failing continuously)' })
  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  /** The health columns are the delivery worker's (WebhookEndpointsRepository.recordSuccess / recordFailure). */
  @Field(() => Date, { nullable: true, description: 'Failing without a success since then' })
  @Property({ type: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null = null;

  @Property({ type: 'text', lazy: true, hidden: true })
  secretEnc!: string;

  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  previousSecretEnc: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}
