import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { NotifySettingsRepository } from './notify-settings.repository.js';

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
