import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The demo seed's one-row clock (`demo_clock`): connections that set `creditmeter.demo_clock=on`
 * read `now()` from it (Migration20261207220001_demo_clock), so each row the seed writes carries
 * the day it stands for.
 */
@Entity({ tableName: 'demo_clock' })
export class DemoClockEntity {
  @PrimaryKey({ type: 'boolean', defaultRaw: 'true' })
  id: boolean = true;

  @Property({ type: 'timestamptz' })
  at!: Date;
}
