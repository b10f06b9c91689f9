import { Field, InputType, Int } from 'type-graphql';

/** The entity carries the GraphQL `PromoCode` type's decorators too. */
export { PromoCodeEntity as PromoCodeGql } from './promotions.repository.js';

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
