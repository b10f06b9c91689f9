import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** The per-model switch (`model_switches`); a model without a row is on. */
@Entity({ tableName: 'model_switches' })
export class ModelSwitchEntity {
  @PrimaryKey({ type: 'text' })
  model!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;
}
