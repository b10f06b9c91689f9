import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository, raw } from '@mikro-orm/postgresql';

/** The one row of `notify_settings`: the default low-balance threshold, written from config at start (the triggers read it). */
@Entity({ tableName: 'notify_settings', repository: () => NotifySettingsRepository })
export class NotifySettingsEntity {
  [EntityRepositoryType]?: NotifySettingsRepository;

  @PrimaryKey({ type: 'boolean', defaultRaw: 'true' })
  singleton!: boolean;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  defaultLowBalanceThreshold!: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}

/** `notify_settings`, one row: the default low-balance threshold the database's triggers read. */
export class NotifySettingsRepository extends EntityRepository<NotifySettingsEntity> {
  /** Writes the default; true when it changed. */
  async setDefaultThreshold(threshold: bigint): Promise<boolean> {
    const changed = await this.nativeUpdate(
      { singleton: true, defaultLowBalanceThreshold: { $ne: threshold } },
      { defaultLowBalanceThreshold: threshold, updatedAt: raw('now()') },
    );
    return changed > 0;
  }
}
