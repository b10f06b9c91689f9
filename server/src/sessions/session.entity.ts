import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import type { SessionKind } from './session.types.js';

/** A cookie session (`sessions`): a staff user's (console) or one account's (Credits page). */
@Entity({ tableName: 'sessions' })
export class SessionEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** sha256 of the cookie value: the token itself is never stored. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'text' })
  kind!: SessionKind;

  @ManyToOne(() => StaffUserEntity, { fieldName: 'staff_user_id', nullable: true })
  staffUser: StaffUserEntity | null = null;

  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  /** The API key that opened this Credits page session (a portal link or key sign-in): the session ends with it. */
  @Property({ type: 'uuid', nullable: true })
  openedByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
