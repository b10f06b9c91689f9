import { ArrayType, BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { KeyLimitReset } from './key-budget.rules.js';
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

  /** What the key may spend per `limitReset` period; null: no limit. Enforced by the engine's key step. */
  @Property({ type: new BigIntType('bigint'), nullable: true })
  spendLimitMillicredits: bigint | null = null;

  @Property({ type: 'text', defaultRaw: `'NEVER'` })
  limitReset: KeyLimitReset = 'NEVER';

  /** The models the key may call; null: every model. */
  @Property({ type: 'text[]', nullable: true })
  allowedModels: string[] | null = null;

  /** Charged in the period starting at `periodStart`: the engine's (creditmeter_key_step); the unit of work never writes them. */
  @Property({ type: new BigIntType('bigint'), persist: false })
  periodSpent?: bigint;

  @Property({ type: 'timestamptz', persist: false })
  periodStart?: Date;

  /** Low-balance thresholds on the remaining budget: written only by notify's SQL and the api_keys trigger. */
  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceCreditThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'int[]', persist: false })
  lowBalancePercents?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceThresholds?: string[];

  @Property({ type: ArrayType, columnType: 'bigint[]', persist: false })
  lowBalanceAlertedThresholds?: string[];

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceNext?: bigint | null;

  @Property({ type: new BigIntType('bigint'), nullable: true, persist: false })
  lowBalanceRearm?: bigint | null;
}
