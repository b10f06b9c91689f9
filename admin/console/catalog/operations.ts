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
      cacheWrite1hInputPer1MUsd
      audioInputPer1MUsd
      audioOutputPer1MUsd
      imageInputPer1MUsd
      longContextThresholdTokens
      longContext {
        inputPer1MUsd
        cachedInputPer1MUsd
        cacheWriteInputPer1MUsd
        cacheWrite1hInputPer1MUsd
        outputPer1MUsd
      }
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
      cacheWriteInputPer1k
      cacheWrite1hInputPer1k
      audioInputPer1k
      audioOutputPer1k
      imageInputPer1k
      costCacheWriteInputPer1kUsd
      costCacheWrite1hInputPer1kUsd
      costAudioInputPer1kUsd
      costAudioOutputPer1kUsd
      costImageInputPer1kUsd
      longContextThresholdTokens
      longContext {
        inputPer1k
        cachedInputPer1k
        cacheWriteInputPer1k
        cacheWrite1hInputPer1k
        outputPer1k
        costInputPer1kUsd
        costCachedInputPer1kUsd
        costCacheWriteInputPer1kUsd
        costCacheWrite1hInputPer1kUsd
        costOutputPer1kUsd
      }
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
        provider
        cacheWriteInputPer1k
        cacheWrite1hInputPer1k
        audioInputPer1k
        audioOutputPer1k
        imageInputPer1k
        costCacheWriteInputPer1kUsd
        costCacheWrite1hInputPer1kUsd
        costAudioInputPer1kUsd
        costAudioOutputPer1kUsd
        costImageInputPer1kUsd
        longContextThresholdTokens
        longContext {
          inputPer1k
          cachedInputPer1k
          cacheWriteInputPer1k
          cacheWrite1hInputPer1k
          outputPer1k
          costInputPer1kUsd
          costCachedInputPer1kUsd
          costCacheWriteInputPer1kUsd
          costCacheWrite1hInputPer1kUsd
          costOutputPer1kUsd
        }
      }
    }
  }
`);
