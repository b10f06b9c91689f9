import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** A published version of the prices (`rate_cards`); never deleted, so every usage row's card stays. */
@Entity({ tableName: 'rate_cards' })
export class RateCardEntity {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** Numbered by the database (an identity column), in publishing order. */
  @Property({ type: 'int', generated: 'identity' })
  version!: Opt<number>;

  @Property({ type: 'text' })
  name!: string;

  /** The per-card safety switch: a disabled active card refuses every model on it. */
  @Property({ type: 'boolean', defaultRaw: 'true' })
  enabled!: Opt<boolean>;

  /** The API key that published it (null: seeded or bootstrapped). */
  @Property({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}
