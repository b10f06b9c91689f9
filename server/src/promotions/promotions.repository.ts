import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';
import type { PromoCodeTerms } from './promotions.rules.js';

/** A promo code: the row, the domain object and the GraphQL `PromoCode` in one class. */
@ObjectType('PromoCode')
@Entity({ tableName: 'promo_codes', repository: () => PromoCodesRepository })
export class PromoCodeEntity implements PromoCodeTerms {
  [EntityRepositoryType]?: PromoCodesRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  @Field(() => String, { description: 'Upper-case; redeemed case-insensitively' })
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: new BigIntType('bigint') })
  credits!: bigint;

  @Field(() => Int, { nullable: true, description: 'Null: unlimited' })
  @Property({ type: 'int', nullable: true })
  maxRedemptions!: number | null;

  @Field(() => Int)
  @Property({ type: 'int', defaultRaw: '0' })
  redemptions!: Opt<number>;

  @Field(() => Date, { nullable: true, description: 'After this the code cannot be redeemed' })
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Credits granted by the code expire this many days after redemption' })
  @Property({ type: 'int', nullable: true })
  grantValidDays!: number | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Field(() => MillicreditsScalar)
  get creditsMillicredits(): Opt<string> {
    return formatMillicredits(this.credits);
  }
}

/** The counters a refusal is decided on. */
export type PromoCodeCounters = Pick<PromoCodeEntity, 'maxRedemptions' | 'redemptions' | 'expiresAt'>;

/**
 * `promo_codes`. Taking a redemption runs inside the PROMO entry's transaction: reached through
 * that transaction's EntityManager (`tem.getRepository(PromoCodeEntity)`).
 */
export class PromoCodesRepository extends EntityRepository<PromoCodeEntity> {
  async add(t: PromoCodeTerms, createdBy: string | null): Promise<PromoCodeEntity> {
    const code = this.create({ ...t, createdBy });
    await this.em.flush();
    return this.em.refresh(code) as Promise<PromoCodeEntity>;
  }

  /** Compared case-insensitively, as the unique index `promo_codes_code` on `upper(code)` does. */
  findByCode(code: string): Promise<PromoCodeEntity | null> {
    return this.findOne({ code: code.toUpperCase() }, { disableIdentityMap: true });
  }

  newestFirst(limit: number): Promise<PromoCodeEntity[]> {
    return this.findAll({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], limit, disableIdentityMap: true });
  }

  /**
   * Takes one redemption, atomically: the WHERE is re-checked on the latest row version after
   * waiting for its lock, so concurrent redeemers can never exceed `max_redemptions`. Null: refused.
   */
  async take(promoCodeId: string): Promise<{ grantValidDays: number | null } | null> {
    // One conditional UPDATE: the counter and its limit are decided on the locked row, not in memory.
    const rows = await this.getEntityManager().execute<{ grant_valid_days: number | null }[]>(
      `update promo_codes set redemptions = redemptions + 1
        where id = ?::uuid and (max_redemptions is null or redemptions < max_redemptions)
          and (expires_at is null or expires_at > clock_timestamp())
        returning grant_valid_days`,
      [promoCodeId],
    );
    return rows[0] ? { grantValidDays: rows[0].grant_valid_days === null ? null : Number(rows[0].grant_valid_days) } : null;
  }

  /** The counters as they are now, in the redemption's transaction. */
  counters(promoCodeId: string): Promise<PromoCodeCounters | null> {
    return this.findOne({ id: promoCodeId }, { fields: ['maxRedemptions', 'redemptions', 'expiresAt'], disableIdentityMap: true });
  }
}

@Entity({ tableName: 'promo_redemptions', repository: () => PromoRedemptionsRepository })
export class PromoRedemptionEntity {
  [EntityRepositoryType]?: PromoRedemptionsRepository;

  @PrimaryKey({ type: new BigIntType('string') })
  id!: Opt<string>;

  @Property({ type: 'uuid' })
  promoCodeId!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'uuid' })
  transactionId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}

/** `promo_redemptions`, append-only (a trigger refuses UPDATE and DELETE). */
export class PromoRedemptionsRepository extends EntityRepository<PromoRedemptionEntity> {
  async hasRedeemed(promoCodeId: string, accountId: string): Promise<boolean> {
    return (await this.count({ promoCodeId, accountId })) > 0;
  }

  /** In the PROMO entry's transaction; its unique key refuses a second redemption (23505). */
  async insertOn(promoCodeId: string, accountId: string, transactionId: string): Promise<void> {
    await this.getEntityManager().execute(
      `insert into promo_redemptions (promo_code_id, account_id, transaction_id) values (?::uuid, ?::uuid, ?::uuid)`,
      [promoCodeId, accountId, transactionId],
    );
  }
}
