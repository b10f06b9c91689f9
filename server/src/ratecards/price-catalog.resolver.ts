import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { draftRateCard } from './catalog-draft.js';
import { PRICE_CATALOG } from './price-catalog.js';
import { CatalogPriceGql, RateCardDraftGql, toCatalogPriceGql, toRateCardDraftGql } from './price-catalog.graphql.js';

@Resolver()
export class PriceCatalogResolver {
  @Authorized('rates.catalog')
  @Query(() => [CatalogPriceGql], { description: 'The bundled provider price list (staff): review it against each source before use' })
  modelPriceCatalog(): CatalogPriceGql[] {
    return PRICE_CATALOG.prices.map((p) => toCatalogPriceGql(p, PRICE_CATALOG.version));
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
    return toRateCardDraftGql(draftRateCard(PRICE_CATALOG, await ctx.services.rateCards.activeRates(), markupPercent, models));
  }
}
