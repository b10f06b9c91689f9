import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The one row of `notify_settings`: the default low-balance threshold, written from config at start (the triggers read it). */
@Entity({ tableName: 'notify_settings' })
export class NotifySettingsEntity {
  @PrimaryKey({ type: 'boolean', defaultRaw: 'true' })
  singleton!: boolean;

  @Property({ type: new BigIntType('bigint'), defaultRaw: '0' })
  defaultLowBalanceThreshold!: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
