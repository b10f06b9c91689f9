import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A single-use link that opens a Credits page session on one account (`portal_tokens`). */
@Entity({ tableName: 'portal_tokens' })
export class PortalTokenEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text', nullable: true })
  returnTo: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByStaffUserId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}
