import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { CatalogPriceGql, RateCardDraftGql, toCatalogPriceGql, toRateCardDraftGql } from './price-catalog.graphql.js';

@Resolver()
export class PriceCatalogResolver {
  @Authorized('rates.catalog')
  @Query(() => [CatalogPriceGql], { description: 'The bundled provider price list (staff): review it against each source before use' })
  modelPriceCatalog(@Ctx() ctx: Context): CatalogPriceGql[] {
    const catalog = ctx.services.rateCards.priceCatalog();
    return catalog.prices.map((p) => toCatalogPriceGql(p, catalog.version));
  }

  @Authorized('rates.draft')
  @Mutation(() => RateCardDraftGql, {
    description: 'A draft of the active card with `models` priced at catalogue cost plus `markupPercent` (ADMIN); writes nothing',
  })
  async draftRateCardFromCatalog(
    @Arg('markupPercent', () => Int) markupPercent: number,
    @Arg('models', () => [String]) models: string[],
    @Ctx() ctx: Context,
  ): Promise<RateCardDraftGql> {
    return toRateCardDraftGql(await ctx.services.rateCards.draftFromCatalog(markupPercent, models));
  }
}
