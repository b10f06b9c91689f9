import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from './roles.js';

@Entity({ tableName: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text' })
  role!: Role;

  /** sha256 of the key: keys are 256-bit random, so a fast hash is enough and lookups stay O(1). */
  @Property({ type: 'text' })
  keyHash!: string;

  @Property({ type: 'text' })
  keyPrefix!: string;

  @Property({ type: 'text', nullable: true })
  label?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
