import { EntityRepository, raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ApiKeyEntity } from './api-key.entity.js';

export interface NewApiKey {
  accountId: string;
  role: ApiKeyEntity['role'];
  keyHash: string;
  keyPrefix: string;
  label: string | null;
  teamId?: string | null;
  bootstrap?: boolean;
}

/** Queries on `api_keys` beyond plain lookups by id. Times come from the database clock, as `revokedAt` always has. */
export class ApiKeysRepository extends EntityRepository<ApiKeyEntity> {
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

export const apiKeysOf = (em: EntityManager) => new ApiKeysRepository(em, ApiKeyEntity);
