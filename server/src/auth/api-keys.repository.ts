import { ArrayType, BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { KeyLimitReset } from './key-budget.rules.js';
import type { Role } from './roles.js';

@Entity({ tableName: 'api_keys', repository: () => ApiKeysRepository })
export class ApiKeyEntity {
  [EntityRepositoryType]?: ApiKeysRepository;

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

interface NewApiKey {
  accountId: string;
  role: ApiKeyEntity['role'];
  keyHash: string;
  keyPrefix: string;
  label: string | null;
  teamId?: string | null;
  bootstrap?: boolean;
}

/** Queries on `api_keys` beyond plain lookups by id. Times come from the database clock, as `revokedAt` always has. */
class ApiKeysRepository extends EntityRepository<ApiKeyEntity> {
  /** The key with this hash, unless revoked. */
  findValid(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.findOne({ keyHash, revokedAt: null });
  }

  /** An account's keys, newest first, revoked ones too. */
  ofAccount(accountId: string): Promise<ApiKeyEntity[]> {
    return this.find({ accountId }, { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  }

  /** Which of `ids` are not revoked. */
  async validIds(ids: string[]): Promise<Set<string>> {
    return new Set((await this.find({ id: { $in: ids }, revokedAt: null })).map((k) => k.id));
  }

  /** Inserts a key unless one with its hash exists (two instances bootstrapping the same key at once). */
  async insertUnlessKnown(key: NewApiKey): Promise<void> {
    await this.createQueryBuilder()
      .insert(key as ApiKeyEntity)
      .onConflict('keyHash')
      .ignore()
      .execute();
  }

  /** One statement: sets `revokedAt` on every unrevoked key matching `where`; the ones it revoked, with when. */
  async revokeAll(where: FilterQuery<ApiKeyEntity>): Promise<{ id: string; revokedAt: Date }[]> {
    return this.createQueryBuilder()
      .update({ revokedAt: raw('clock_timestamp()') })
      .where({ $and: [where, { revokedAt: null }] })
      .returning(['id', 'revokedAt'])
      .execute('all');
  }

  /** Sets `lastUsedAt` of the keys `ids` unless it was set less than `seconds` ago (by any instance). */
  async touch(ids: string[], seconds: number): Promise<void> {
    await this.nativeUpdate(
      {
        id: { $in: ids },
        $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: raw('clock_timestamp() - make_interval(secs => ?::int)', [seconds]) } }],
      },
      { lastUsedAt: raw('clock_timestamp()') },
    );
  }
}
