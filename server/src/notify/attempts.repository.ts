import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { EntityRepository } from '@mikro-orm/postgresql';

/** One attempt of a delivery (`notification_attempts`), and its GraphQL shape (the id and delivery are not shown). */
@ObjectType('WebhookDeliveryAttempt')
@Entity({ tableName: 'notification_attempts', repository: () => NotificationAttemptsRepository })
export class NotificationAttemptEntity {
  [EntityRepositoryType]?: NotificationAttemptsRepository;

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

/** Attempts kept per delivery in the log. */
const ATTEMPTS_SHOWN = 50;

/** The attempt log of deliveries (`notification_attempts`), appended by the delivery worker. */
export class NotificationAttemptsRepository extends EntityRepository<NotificationAttemptEntity> {
  /** The latest attempts of each delivery, newest first; read-only (outside the identity map). */
  async latestOf(deliveryIds: readonly string[]): Promise<Map<string, NotificationAttemptEntity[]>> {
    const rows = deliveryIds.length
      ? await this.find({ deliveryId: { $in: [...deliveryIds] } }, { orderBy: { id: 'desc' }, disableIdentityMap: true })
      : [];
    const byDelivery = new Map<string, NotificationAttemptEntity[]>();
    for (const row of rows) {
      const list = byDelivery.get(row.deliveryId) ?? [];
      if (list.length < ATTEMPTS_SHOWN) list.push(row);
      byDelivery.set(row.deliveryId, list);
    }
    return byDelivery;
  }
}
