import { describe, expect, it } from 'vitest';
import { compareWithCatalog, per1MToMicrosPer1k } from '../console/catalog/compare';

const price = (model: string, input: string, cached: string, output: string) => ({
  provider: 'openai',
  model,
  inputPer1MUsd: input,
  cachedInputPer1MUsd: cached,
  outputPer1MUsd: output,
});
const rate = (model: string, [i, c, o]: string[], [ci, cc, co]: string[]) => ({
  model,
  inputPer1k: i,
  cachedInputPer1k: c,
  outputPer1k: o,
  costInputPer1kUsd: ci,
  costCachedInputPer1kUsd: cc,
  costOutputPer1kUsd: co,
});

describe('the active card against the price catalogue', () => {
  it('moves USD per 1M into micro-dollars per 1k exactly', () => {
    expect(per1MToMicrosPer1k('2.500')).toBe(2500n);
    expect(per1MToMicrosPer1k('0.025')).toBe(25n);
  });

  it('flags a cost that differs, gives the margin per class, and lists catalogue models not on the card', () => {
    const { models, notOnCard } = compareWithCatalog(
      [
        rate('gpt-4o', ['5.000', '2.500', '20.000'], ['0.002500', '0.001250', '0.010000']),
        rate('gpt-4o-mini', ['0.300', '0.150', '1.200'], ['0.000150', '0.000100', '0.000600']),
        rate('own-model', ['1.000', '1.000', '1.000'], ['0.000000', '0.000000', '0.000000']),
      ],
      [
        price('gpt-4o', '2.500', '1.250', '10.000'),
        price('gpt-4o-mini', '0.150', '0.075', '0.600'),
        price('o3', '2.000', '0.500', '8.000'),
      ],
    );
    expect(models.map((m) => [m.model, m.inCatalog, m.differs])).toEqual([
      ['gpt-4o', true, false],
      ['gpt-4o-mini', true, true],
      ['own-model', false, false],
    ]);
    expect(models[0].classes.map((c) => [c.label, c.catalogCost, c.cardCost, c.rate, c.marginOverCost])).toEqual([
      ['Input', 2500n, 2500n, 5000n, 1],
      ['Cached input', 1250n, 1250n, 2500n, 1],
      ['Output', 10_000n, 10_000n, 20_000n, 1],
    ]);
    expect(models[1].classes.filter((c) => c.differs).map((c) => [c.label, c.catalogCost, c.cardCost])).toEqual([
      ['Cached input', 75n, 100n],
    ]);
    expect(models[1].classes[1].marginOverCost).toBeCloseTo(0.5);
    expect(models[2].classes[0]).toMatchObject({ catalogCost: null, marginOverCost: null, differs: false });
    expect(notOnCard.map((p) => p.model)).toEqual(['o3']);
  });

  it('compares cache writes with their fallbacks and the long-context tier, flagging a card that lacks the tier', () => {
    const catalogue = {
      ...price('claude-sonnet-4-5', '3.000', '0.300', '15.000'),
      cacheWriteInputPer1MUsd: '3.750',
      cacheWrite1hInputPer1MUsd: '6.000',
      longContextThresholdTokens: 200_000,
      longContext: {
        inputPer1MUsd: '6.000',
        cachedInputPer1MUsd: '0.600',
        cacheWriteInputPer1MUsd: '7.500',
        cacheWrite1hInputPer1MUsd: '12.000',
        outputPer1MUsd: '22.500',
      },
    };
    const base = rate('claude-sonnet-4-5', ['6.000', '0.600', '30.000'], ['0.003000', '0.000300', '0.015000']);
    const withWrites = { ...base, cacheWriteInputPer1k: '7.500', costCacheWriteInputPer1kUsd: '0.003750' };
    const tier = {
      inputPer1k: '12.000',
      cachedInputPer1k: '1.200',
      cacheWriteInputPer1k: null,
      outputPer1k: '45.000',
      costInputPer1kUsd: '0.006000',
      costCachedInputPer1kUsd: '0.000600',
      costCacheWriteInputPer1kUsd: '0.007500',
      costOutputPer1kUsd: '0.022500',
    };
    const oneHour = { ...tier, cacheWrite1hInputPer1k: '15.000', costCacheWrite1hInputPer1kUsd: '0.012000' };
    const [noTier, full, withOneHour] = compareWithCatalog(
      [
        withWrites,
        { ...withWrites, model: 'x', longContextThresholdTokens: 200_000, longContext: tier },
        { ...withWrites, model: 'y', longContextThresholdTokens: 200_000, longContext: oneHour },
      ],
      [catalogue, { ...catalogue, model: 'x' }, { ...catalogue, model: 'y' }],
    ).models;
    const row = (m: typeof full, label: string) => m.classes.find((c) => c.label === label)!;
    // The 1-hour write is not on the card: it is charged at the 5-minute rate, below the catalogue's cost.
    expect(row(full, 'Cache write (5 min)')).toMatchObject({ catalogCost: 3750n, cardCost: 3750n, rate: 7500n, differs: false });
    expect(row(full, 'Cache write (1 h)')).toMatchObject({ catalogCost: 6000n, cardCost: 3750n, rate: 7500n, differs: true });
    // Above the threshold: the card without a tier charges the base rates, unlike the catalogue.
    expect(row(noTier, 'Input (prompt above 200,000)')).toMatchObject({ catalogCost: 6000n, cardCost: 3000n, differs: true });
    expect(row(full, 'Input (prompt above 200,000)')).toMatchObject({ catalogCost: 6000n, cardCost: 6000n, rate: 12_000n, differs: false });
    // A class the tier leaves null keeps the base rate, as the server charges it.
    expect(row(full, 'Cache write (5 min) (prompt above 200,000)')).toMatchObject({ catalogCost: 7500n, cardCost: 7500n, rate: 7500n });
    // The tier's 1-hour write: without one, the base 1-hour class (here the base 5-minute write), not the tier's 5-minute one.
    const above1h = 'Cache write (1 h) (prompt above 200,000)';
    expect(row(full, above1h)).toMatchObject({ catalogCost: 12_000n, cardCost: 3750n, rate: 7500n, differs: true });
    expect(row(withOneHour, above1h)).toMatchObject({ catalogCost: 12_000n, cardCost: 12_000n, rate: 15_000n, differs: false });
  });
});
