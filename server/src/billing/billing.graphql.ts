import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import type { AccountBalanceRow } from '../accounts/accounts.service.js';
import { StripeEventEntity as StripeEventGql } from './stripe-events.repository.js';
import { IsId } from '../shared/validate.js';
import { PurchaseEntity as PurchaseGql, PurchaseStatusEnum } from './purchases.repository.js';

/** The pack's own class carries the GraphQL `CreditPack` type's decorators. */
export { CreditPackOffer as CreditPackGql } from './packs.js';

@ObjectType('CheckoutSession')
export class CheckoutSessionGql {
  @Field(() => ID, { description: 'Stripe Checkout Session id (cs_testmode_... in test mode)' })
  id!: string;

  @Field(() => String, { description: 'Where to send the browser' })
  url!: string;

  @Field(() => ID)
  purchaseId!: string;

  @Field(() => Boolean, { description: 'True when no Stripe key is configured: a local test-mode checkout, no real payment' })
  testMode!: boolean;
}

/** The entity carries the GraphQL `Purchase` type's decorators too (money as Int getters, packName, revenueCents, refundableCents). */
export { PurchaseGql, PurchaseStatusEnum };

/** The entity carries the GraphQL `PurchaseDispute` type's decorators too. */
export { DisputeEntity as PurchaseDisputeGql } from './disputes.repository.js';

/** The entity carries the GraphQL `StripeEvent` type's decorators too. */
export { StripeEventGql };

@ObjectType('ReplayResult')
export class ReplayResultGql {
  @Field(() => StripeEventGql)
  event!: StripeEventGql;

  @Field(() => String, { description: 'fulfilled, already, pending, mismatch, refunded, unchanged, ignored, error, ...' })
  outcome!: string;
}

/** An account below zero, as the accounts service reads it (`AccountBalanceRow`): its fields named for the API. */
@ObjectType('NegativeBalance')
export class NegativeBalanceGql implements AccountBalanceRow {
  @Field(() => ID, { name: 'accountId' })
  id!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => MillicreditsScalar, { name: 'balanceMillicredits' })
  posted!: bigint;

  @Field(() => MillicreditsScalar, { name: 'heldMillicredits' })
  pending!: bigint;

  @Field(() => Date)
  updatedAt!: Date;
}

/** The settings entity carries the GraphQL `AutoRecharge` type's decorators too. */
export { AutoRechargeSettingsEntity as AutoRechargeGql } from './auto-recharge-settings.repository.js';

@InputType()
export class SetAutoRechargeInput {
  @IsId()
  @Field(() => ID, { nullable: true, description: "Omitted: the caller's account; another account needs ADMIN" })
  accountId?: string | null;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => String)
  thresholdMillicredits!: string;

  @Field(() => ID, { nullable: true })
  packId?: string | null;

  @Field(() => String, { nullable: true })
  targetBalanceMillicredits?: string | null;

  @Field(() => Int)
  monthlyLimitCents!: number;
}

@ObjectType('RefulfilResult')
export class RefulfilResultGql {
  @Field(() => PurchaseGql)
  purchase!: PurchaseGql;

  @Field(() => String, { description: 'fulfilled, already, pending, mismatch or error' })
  outcome!: string;
}
