import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requirePrincipal, requireRole } from '../graphql/guards.js';
import { LedgerEntryGql, toLedgerEntryGql } from '../ledger/ledger.graphql.js';
import { CreatePromoCodeInput, PromoCodeGql, toPromoCodeGql } from './promotions.graphql.js';

@Resolver()
export class PromotionsResolver {
  @Query(() => [PromoCodeGql], { description: 'ADMIN; newest first' })
  async promoCodes(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 200 }) first: number,
  ): Promise<PromoCodeGql[]> {
    requireRole(ctx, 'ADMIN');
    return (await ctx.services.promotions.list(Math.min(Math.max(first, 1), 500))).map(toPromoCodeGql);
  }

  @Mutation(() => PromoCodeGql, { description: 'ADMIN, audited' })
  async createPromoCode(@Arg('input', () => CreatePromoCodeInput) input: CreatePromoCodeInput, @Ctx() ctx: Context): Promise<PromoCodeGql> {
    return toPromoCodeGql(await ctx.services.promotions.create(requireRole(ctx, 'ADMIN'), input));
  }

  @Mutation(() => LedgerEntryGql, { description: "Credits the caller's account once per code (a PROMO entry)" })
  async redeemPromoCode(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<LedgerEntryGql> {
    return toLedgerEntryGql(await ctx.services.promotions.redeem(requirePrincipal(ctx), code));
  }
}
