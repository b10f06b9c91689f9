import { describe, expect, it } from 'vitest';
import { diffCards, toInput, toRow, validateCard, withClass } from '../console/ratecards/rates';

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
    cacheWrite1hInputPer1k: '15.000',
    outputPer1k: '28.125',
    costInputPer1kUsd: '0.006000',
    costCachedInputPer1kUsd: '0.000600',
    costCacheWriteInputPer1kUsd: null,
    costCacheWrite1hInputPer1kUsd: '0.012000',
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
        cacheWrite1hInputPer1k: '15.000',
        outputPer1k: '28.125',
        costInputPer1kUsd: '0.006000',
        costCachedInputPer1kUsd: '0.000600',
        costCacheWrite1hInputPer1kUsd: '0.012000',
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
      longContext: { ...sonnet.longContext, cacheWrite1hInputPer1k: null, outputPer1k: '30.000' },
    });
    expect(diffCards([toRow(sonnet)], [next])).toEqual([
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'cacheWriteInputPer1k', from: '4.688', to: null },
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'imageInputPer1k', from: null, to: '4.000' },
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'longContext.cacheWrite1hInputPer1k', from: '15.000', to: null },
      { kind: 'classes', model: 'claude-sonnet-4-5', field: 'longContext.outputPer1k', from: '28.125', to: '30.000' },
    ]);
  });
});

describe('editing the other classes', () => {
  it('sets and clears class and tier rates, and a tier must be whole before it can be published', () => {
    let row = toRow({ ...sonnet, longContextThresholdTokens: null, longContext: null });
    row = { ...row, extra: withClass(row.extra, 'audioOutputPer1k', ' 20.000 ') };
    row = { ...row, extra: withClass(row.extra, 'cacheWriteInputPer1k', '') };
    expect(toInput(row)).toMatchObject({ provider: 'anthropic', audioOutputPer1k: '20.000' });
    expect(toInput(row)).not.toHaveProperty('cacheWriteInputPer1k');
    expect(validateCard('c', [row])).toEqual({});

    row = { ...row, extra: withClass(row.extra, 'longContext.inputPer1k', '6.000') };
    expect(Object.keys(validateCard('c', [row])).sort()).toEqual([
      '0.longContext.costInputPer1kUsd',
      '0.longContext.costOutputPer1kUsd',
      '0.longContext.outputPer1k',
      '0.longContextThresholdTokens',
    ]);
    for (const [field, value] of [
      ['longContextThresholdTokens', '200000'],
      ['longContext.outputPer1k', '22.500'],
      ['longContext.costInputPer1kUsd', '0.006'],
      ['longContext.costOutputPer1kUsd', '0.0225'],
    ] as const)
      row = { ...row, extra: withClass(row.extra, field, value) };
    expect(validateCard('c', [row])).toEqual({});
    expect(toInput(row)).toMatchObject({
      longContextThresholdTokens: 200000,
      longContext: { inputPer1k: '6.000', outputPer1k: '22.500', costInputPer1kUsd: '0.006', costOutputPer1kUsd: '0.0225' },
    });
    expect(validateCard('c', [{ ...row, extra: withClass(row.extra, 'provider', 'gemini') }])).toEqual({
      '0.provider': 'openai or anthropic',
    });
  });
});
