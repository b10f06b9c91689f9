import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { principalOf } from '../graphql/auth.js';
import { LedgerEntryGql } from '../ledger/ledger.graphql.js';
import { CreatePromoCodeInput, PromoCodeGql } from './promotions.graphql.js';

@Resolver()
export class PromotionsResolver {
  @Authorized('promo.manage')
  @Query(() => [PromoCodeGql], { description: 'ADMIN; newest first' })
  async promoCodes(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 200 }) first: number,
  ): Promise<PromoCodeGql[]> {
    return ctx.services.promotions.list(first);
  }

  @Authorized('promo.manage')
  @Mutation(() => PromoCodeGql, { description: 'ADMIN, audited' })
  async createPromoCode(@Arg('input', () => CreatePromoCodeInput) input: CreatePromoCodeInput, @Ctx() ctx: Context): Promise<PromoCodeGql> {
    return ctx.services.promotions.create(principalOf(ctx), input);
  }

  @Authorized('promo.redeem')
  @Mutation(() => LedgerEntryGql, { description: "Credits the caller's account once per code (a PROMO entry)" })
  async redeemPromoCode(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<LedgerEntryGql> {
    return ctx.services.promotions.redeem(principalOf(ctx), code);
  }
}
