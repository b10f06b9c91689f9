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
});
