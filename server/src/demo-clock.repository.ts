import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/**
 * The demo seed's one-row clock (`demo_clock`): connections that set `creditmeter.demo_clock=on`
 * read `now()` from it (Migration20261207220001_demo_clock), so each row the seed writes carries
 * the day it stands for.
 */
@Entity({ tableName: 'demo_clock', repository: () => DemoClockRepository })
export class DemoClockEntity {
  [EntityRepositoryType]?: DemoClockRepository;

  @PrimaryKey({ type: 'boolean', defaultRaw: 'true' })
  id: boolean = true;

  @Property({ type: 'timestamptz' })
  at!: Date;
}

export class DemoClockRepository extends EntityRepository<DemoClockEntity> {
  /** Sets the simulated moment the seed's connections read as `now()`. */
  async set(at: Date): Promise<void> {
    await this.upsert({ id: true, at });
  }

  /** Back to the real clock. */
  async reset(): Promise<void> {
    await this.nativeDelete({});
  }
}
