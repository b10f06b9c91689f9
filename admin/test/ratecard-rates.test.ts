import { describe, expect, it } from 'vitest';
import { diffCards, toInput, toRow } from '../console/ratecards/rates';

const sonnet = {
  model: 'claude-sonnet-4-5',
  provider: 'anthropic',
  inputPer1k: '3.750',
  cachedInputPer1k: '0.375',
  outputPer1k: '18.750',
  costInputPer1kUsd: '0.003000',
  costCachedInputPer1kUsd: '0.000300',
  costOutputPer1kUsd: '0.015000',
  cacheWriteInputPer1k: '4.688',
  costCacheWriteInputPer1kUsd: '0.003750',
  audioInputPer1k: null,
  maxOutputTokens: null,
  longContextThresholdTokens: 200000,
  longContext: {
    inputPer1k: '7.500',
    cachedInputPer1k: '0.750',
    cacheWriteInputPer1k: null,
    outputPer1k: '28.125',
    costInputPer1kUsd: '0.006000',
    costCachedInputPer1kUsd: '0.000600',
    costCacheWriteInputPer1kUsd: null,
    costOutputPer1kUsd: '0.022500',
  },
};

describe('the publish form keeps what it does not edit', () => {
  it('carries the provider, the other token classes and the long-context tier from a rate to the publish input', () => {
    const input = toInput(toRow(sonnet));
    expect(input).toEqual({
      model: 'claude-sonnet-4-5',
      provider: 'anthropic',
      inputPer1k: '3.750',
      cachedInputPer1k: '0.375',
      outputPer1k: '18.750',
      costInputPer1kUsd: '0.003000',
      costCachedInputPer1kUsd: '0.000300',
      costOutputPer1kUsd: '0.015000',
      cacheWriteInputPer1k: '4.688',
      costCacheWriteInputPer1kUsd: '0.003750',
      maxOutputTokens: null,
      longContextThresholdTokens: 200000,
      longContext: {
        inputPer1k: '7.500',
        cachedInputPer1k: '0.750',
        outputPer1k: '28.125',
        costInputPer1kUsd: '0.006000',
        costCachedInputPer1kUsd: '0.000600',
        costOutputPer1kUsd: '0.022500',
      },
    });
  });

  it('shows a change of the other classes in the diff, and none when they are the same', () => {
    const before = toRow(sonnet);
    expect(diffCards([before], [toRow({ ...sonnet })])).toEqual([]);
    const changes = diffCards([before], [toRow({ ...sonnet, cacheWriteInputPer1k: '5.000' })]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'classes', model: 'claude-sonnet-4-5', field: 'cacheWriteInputPer1k', to: '5.000' });
  });

  it('names each changed class and tier rate on its own, and a class set back to its default', () => {
    const next = toRow({
      ...sonnet,
      cacheWriteInputPer1k: null,
      imageInputPer1k: '4.000',
      longContext: { ...sonnet.longContext, outputPer1k: '30.000' },
    });
    expect(diffCards([toRow(sonnet)], [next])).toEqual([
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'cacheWriteInputPer1k', from: '4.688', to: null },
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'imageInputPer1k', from: null, to: '4.000' },
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'longContext.outputPer1k', from: '28.125', to: '30.000' },
    ]);
  });
});
