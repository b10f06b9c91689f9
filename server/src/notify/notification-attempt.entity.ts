import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** One attempt of a delivery (`notification_attempts`), and its GraphQL shape (the id and delivery are not shown). */
@ObjectType('WebhookDeliveryAttempt')
@Entity({ tableName: 'notification_attempts' })
export class NotificationAttemptEntity {
  @PrimaryKey({ type: new BigIntType('bigint'), columnType: 'bigint', autoincrement: true })
  id!: bigint;

  @Property({ type: 'uuid' })
  deliveryId!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'HTTP status; null when no answer came' })
  @Property({ type: 'int', nullable: true })
  statusCode: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'int', nullable: true })
  durationMs: number | null = null;

  @Field(() => String, { nullable: true, description: 'The first KiB of the answer' })
  @Property({ type: 'text', nullable: true })
  responseExcerpt: string | null = null;
}
