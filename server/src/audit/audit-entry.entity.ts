import { BigIntType, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

@Entity({ tableName: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  actorKeyId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorAccountId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorStaffUserId?: string | null;

  @Property({ type: 'text', nullable: true })
  actorRole?: string | null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  /** Hash chain fields, always set by the database's insert trigger (never by a writer). */
  @Property({ type: new BigIntType('string'), nullable: true, persist: false })
  chainSeq?: string | null;

  @Property({ type: 'text', nullable: true, persist: false })
  prevHash?: string | null;

  @Property({ type: 'text', nullable: true, persist: false })
  hash?: string | null;
}
