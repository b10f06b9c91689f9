import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { StaffRole } from '../auth/roles.js';

/** A console user (`staff_users`); the password hash never leaves the staff and sessions modules. */
@Entity({ tableName: 'staff_users' })
export class StaffUserEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Unique case-insensitively (`staff_users_email_unique` on lower(email)). */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'text' })
  role!: StaffRole;

  @Property({ type: 'text', lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean', defaultRaw: 'false' })
  disabled: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
