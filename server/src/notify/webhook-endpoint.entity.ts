import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A webhook endpoint (`webhook_endpoints`): an account's own, or the operator's (account null) for
 * every account. The signing secrets are sealed, lazy and hidden: loaded only when asked for,
 * never serialised.
 */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  events!: string[];

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text', lazy: true, hidden: true })
  secretEnc!: string;

  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  previousSecretEnc: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  /** Written by the delivery worker (SQL): the health columns are the queue's. */
  @Property({ type: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;
}
