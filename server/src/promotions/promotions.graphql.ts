import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits } from '../money/money.js';
import type { PromoCode } from './promotions.repository.js';

@ObjectType('PromoCode')
export class PromoCodeGql {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Upper-case; redeemed case-insensitively' })
  code!: string;

  @Field(() => MillicreditsScalar)
  creditsMillicredits!: string;

  @Field(() => Int, { nullable: true, description: 'Null: unlimited' })
  maxRedemptions!: number | null;

  @Field(() => Int)
  redemptions!: number;

  @Field(() => Date, { nullable: true, description: 'After this the code cannot be redeemed' })
  expiresAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Credits granted by the code expire this many days after redemption' })
  grantValidDays!: number | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const toPromoCodeGql = (p: PromoCode): PromoCodeGql => ({
  id: p.id,
  code: p.code,
  creditsMillicredits: formatMillicredits(p.credits),
  maxRedemptions: p.maxRedemptions,
  redemptions: p.redemptions,
  expiresAt: p.expiresAt,
  grantValidDays: p.grantValidDays,
  createdAt: p.createdAt,
});

@InputType()
export class CreatePromoCodeInput {
  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'Credits each redemption grants (millicredits, positive)' })
  creditsMillicredits!: string;

  @Field(() => Int, { nullable: true, description: 'Omitted: unlimited' })
  maxRedemptions?: number | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true })
  grantValidDays?: number | null;
}
