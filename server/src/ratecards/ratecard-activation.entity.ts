import { BigIntType, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** One publish or rollback (`rate_card_activations`, append-only): the newest row names the active card. */
@Entity({ tableName: 'rate_card_activations' })
export class RateCardActivationEntity {
  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'uuid' })
  rateCardId!: string;

  @Property({ type: 'uuid', nullable: true })
  actorKeyId!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  activatedAt!: Opt<Date>;
}
