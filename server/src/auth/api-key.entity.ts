import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from './roles.js';

@Entity({ tableName: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
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
  label: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Written at most once a minute per key (`AuthService.touch`). */
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  /** The key that BOOTSTRAP_ADMIN_KEY made; a new value of the variable revokes it. */
  @Property({ type: 'boolean', defaultRaw: 'false' })
  bootstrap: boolean = false;

  /** Set on a key issued for a team: its calls spend the team's credits. */
  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;
}
