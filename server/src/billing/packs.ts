// The packs are decorated GraphQL types, and pure rules (and their tests) load this module on its own.
import 'reflect-metadata';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MillicreditsScalar } from '../graphql/scalars.js';
import { formatMillicredits, MILLICREDITS_PER_CREDIT } from '../money/money.js';

export interface CreditPack {
  id: string;
  name: string;
  priceCents: bigint;
  credits: bigint; // millicredits
  /** Optional Stripe Price id; without one, Checkout gets inline price_data from this config. */
  stripePriceId: string | null;
}

/** A pack on sale: the configuration and the GraphQL `CreditPack` in one class (money stays bigint; the wire fields are getters). */
@ObjectType('CreditPack')
export class CreditPackOffer implements CreditPack {
  @Field(() => ID)
  readonly id: string;

  @Field(() => String)
  readonly name: string;

  readonly priceCents: bigint;
  readonly credits: bigint;
  readonly stripePriceId: string | null = null;

  constructor(id: string, name: string, priceCents: bigint, credits: bigint) {
    this.id = id;
    this.name = name;
    this.priceCents = priceCents;
    this.credits = credits;
  }

  @Field(() => Int, { name: 'priceCents' })
  get priceCentsField(): number {
    return Number(this.priceCents);
  }

  @Field(() => MillicreditsScalar)
  get creditsMillicredits(): string {
    return formatMillicredits(this.credits);
  }
}

const credits = (n: bigint) => n * MILLICREDITS_PER_CREDIT;

/**
 * The packs a client may name. The amount charged always comes from here, never from a client.
 * Every pack is worth at least 1,000 credits per dollar (the nominal rate); larger packs carry a
 * volume bonus: starter 10,000 credits for $9.99 (~1,001/$), pro 52,000 for $49.99 (~1,040/$),
 * enterprise 110,000 for $99.99 (~1,100/$).
 */
export const CREDIT_PACKS: readonly CreditPackOffer[] = Object.freeze([
  new CreditPackOffer('starter', 'Starter', 999n, credits(10_000n)),
  new CreditPackOffer('pro', 'Pro', 4999n, credits(52_000n)),
  new CreditPackOffer('enterprise', 'Enterprise', 9999n, credits(110_000n)),
]);

/** Id used on purchase rows of a target-balance auto-recharge (an amount computed by the server). */
export const TOP_UP_PACK_ID = 'top-up';

export const findPack = (id: string | null | undefined): CreditPack | null => CREDIT_PACKS.find((p) => p.id === id) ?? null;
