import { graphql } from '../../shared/gql';

export const RateCardsQuery = graphql(`
  query RateCards {
    rateCards {
      id
      version
      name
      active
      enabled
      createdAt
      activatedAt
      rates {
        model
        inputPer1k
        cachedInputPer1k
        outputPer1k
        costInputPer1kUsd
        costCachedInputPer1kUsd
        costOutputPer1kUsd
        maxOutputTokens
        enabled
        simulated
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

export const PublishRateCardMutation = graphql(`
  mutation PublishRateCard($input: PublishRateCardInput!) {
    publishRateCard(input: $input) {
      id
      version
      name
      active
    }
  }
`);

export const ActivateRateCardMutation = graphql(`
  mutation ActivateRateCard($id: ID!) {
    activateRateCard(id: $id) {
      id
      version
      active
    }
  }
`);

export const SetRateCardEnabledMutation = graphql(`
  mutation SetRateCardEnabled($id: ID!, $enabled: Boolean!) {
    setRateCardEnabled(id: $id, enabled: $enabled) {
      id
      enabled
    }
  }
`);

export const SetModelEnabledMutation = graphql(`
  mutation SetModelEnabled($model: String!, $enabled: Boolean!) {
    setModelEnabled(model: $model, enabled: $enabled) {
      model
      enabled
    }
  }
`);
