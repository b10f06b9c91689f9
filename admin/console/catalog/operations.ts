import { graphql } from '../../shared/gql';

export const CatalogComparisonQuery = graphql(`
  query CatalogComparison {
    modelPriceCatalog {
      provider
      model
      inputPer1MUsd
      cachedInputPer1MUsd
      outputPer1MUsd
      cacheWriteInputPer1MUsd
      longContextThresholdTokens
      source
      date
      catalogVersion
    }
    activeRates {
      model
      inputPer1k
      cachedInputPer1k
      outputPer1k
      costInputPer1kUsd
      costCachedInputPer1kUsd
      costOutputPer1kUsd
    }
  }
`);

export const DraftRateCardFromCatalogMutation = graphql(`
  mutation DraftRateCardFromCatalog($markupPercent: Int!, $models: [String!]!) {
    draftRateCardFromCatalog(markupPercent: $markupPercent, models: $models) {
      name
      catalogVersion
      markupPercent
      draftedModels
      rates {
        model
        inputPer1k
        cachedInputPer1k
        outputPer1k
        costInputPer1kUsd
        costCachedInputPer1kUsd
        costOutputPer1kUsd
        maxOutputTokens
      }
    }
  }
`);
