import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { principalOf } from '../graphql/auth.js';
import type { RateCard } from './ratecard.types.js';
import { ModelRateGql, PublishRateCardInput, RateCardGql, toModelRateGql } from './ratecards.graphql.js';
import { IdArg } from '../graphql/validation.js';

@Resolver(() => RateCardGql)
export class RateCardsResolver {
  @Authorized('rates.active')
  @Query(() => [ModelRateGql], { description: 'Rates of the active card, with each model switch' })
  async activeRates(@Ctx() ctx: Context): Promise<ModelRateGql[]> {
    return (await ctx.services.rateCards.activeRates()).map(toModelRateGql);
  }

  @Authorized('rates.cards')
  @Query(() => [RateCardGql], { description: 'Every published version, newest first (SUPPORT+)' })
  async rateCards(@Ctx() ctx: Context): Promise<RateCard[]> {
    return ctx.services.rateCards.cards();
  }

  @FieldResolver(() => [ModelRateGql])
  async rates(@Root() card: RateCard, @Ctx() ctx: Context): Promise<ModelRateGql[]> {
    return (await ctx.services.rateCards.ratesOf(card.id)).map(toModelRateGql);
  }

  @Authorized('rates.manage')
  @Mutation(() => RateCardGql, { description: 'Publishes a new version, active at once (ADMIN, audited)' })
  async publishRateCard(@Arg('input', () => PublishRateCardInput) input: PublishRateCardInput, @Ctx() ctx: Context): Promise<RateCard> {
    return ctx.services.rateCards.publish(principalOf(ctx), input);
  }

  @Authorized('rates.manage')
  @Mutation(() => RateCardGql, { description: 'Makes an earlier version active again: rollback (ADMIN, audited)' })
  async activateRateCard(@IdArg('id') id: string, @Ctx() ctx: Context): Promise<RateCard> {
    return ctx.services.rateCards.activate(principalOf(ctx), id);
  }

  @Authorized('rates.manage')
  @Mutation(() => RateCardGql, { description: 'Switches a whole rate card off or on (ADMIN, audited)' })
  async setRateCardEnabled(
    @IdArg('id') id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<RateCard> {
    return ctx.services.rateCards.setCardEnabled(principalOf(ctx), id, enabled);
  }

  @Authorized('rates.manage')
  @Mutation(() => ModelRateGql, { description: 'Switches one model off or on, on every instance at once (ADMIN, audited)' })
  async setModelEnabled(
    @Arg('model', () => String) model: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<ModelRateGql> {
    return toModelRateGql(await ctx.services.rateCards.setModelEnabled(principalOf(ctx), model, enabled));
  }
}
