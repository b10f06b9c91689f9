import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullRates, type Per1kRates } from '../../src/money/money.js';
import { draftRateCard } from '../../src/ratecards/catalog-draft.js';
import { PRICE_CATALOG_DATA } from '../../src/ratecards/price-catalog.data.js';
import { parsePriceCatalog, PRICE_CATALOG, type PriceCatalog } from '../../src/ratecards/price-catalog.js';
import type { ModelRate } from '../../src/ratecards/ratecard.types.js';
import { DomainError } from '../../src/shared/errors.js';

const priceOf = (model: string) => PRICE_CATALOG.prices.find((p) => p.model === model)!;
const clone = () => structuredClone(PRICE_CATALOG_DATA) as { version: string; date: string; entries: Record<string, unknown>[] };

describe('the bundled price catalogue', () => {
  it('is valid, names its version, and covers the main OpenAI and Anthropic models', () => {
    expect(parsePriceCatalog(PRICE_CATALOG_DATA)).toEqual(PRICE_CATALOG);
    expect(PRICE_CATALOG.version).toMatch(/\S/);
    const models = PRICE_CATALOG.prices.map((p) => p.model);
    for (const m of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'o3', 'o4-mini', 'text-embedding-3-small']) {
      expect(models).toContain(m);
    }
    for (const m of ['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5']) expect(models).toContain(m);
    for (const p of PRICE_CATALOG.prices) {
      expect(p.source, p.model).toMatch(p.provider === 'openai' ? /^https:\/\/openai\.com\// : /^https:\/\/docs\.claude\.com\//);
      // Nothing that generates text is free.
      if (!p.model.startsWith('text-embedding')) expect(p.costs.outputPer1k, p.model).toBeGreaterThan(0n);
      expect(p.costs.inputPer1k, p.model).toBeGreaterThan(0n);
    }
  });

  it('converts USD per 1M exactly into micro-USD per 1k (the unit of a card’s costs)', () => {
    expect(priceOf('gpt-4o').costs).toEqual({ inputPer1k: 2500n, cachedInputPer1k: 1250n, outputPer1k: 10_000n });
    expect(priceOf('gpt-4.1-nano').costs.cachedInputPer1k).toBe(25n); // $0.025 per 1M = $0.000025 per 1k
    expect(priceOf('claude-haiku-4-5').costs).toEqual({
      inputPer1k: 1000n,
      cachedInputPer1k: 100n,
      cacheWriteInputPer1k: 1250n,
      cacheWrite1hInputPer1k: 2000n,
      outputPer1k: 5000n,
    });
    expect(priceOf('claude-sonnet-4-5').longContext).toEqual({
      thresholdTokens: 200_000,
      costs: {
        inputPer1k: 6000n,
        cachedInputPer1k: 600n,
        cacheWriteInputPer1k: 7500n,
        cacheWrite1hInputPer1k: 12_000n,
        outputPer1k: 22_500n,
      },
    });
    expect(priceOf('gpt-4o-audio-preview').costs).toMatchObject({ audioInputPer1k: 40_000n, audioOutputPer1k: 80_000n });
  });

  it('refuses a malformed entry, naming it', () => {
    const cases: Array<[string, (c: ReturnType<typeof clone>) => void, RegExp]> = [
      ['a float price', (c) => (c.entries[0].input = 2.5), /entries\[0\]\.input/],
      ['a price finer than $0.001 per 1M', (c) => (c.entries[0].input = '2.5001'), /entries\[0\]\.input/],
      ['a negative price', (c) => (c.entries[1].output = '-1.00'), /entries\[1\]\.output/],
      ['no output price', (c) => delete c.entries[2].output, /entries\[2\]\.output is required/],
      ['a misspelt class', (c) => (c.entries[0].cachedInptu = '1.00'), /cachedInptu is not a known field/],
      ['an unknown provider', (c) => (c.entries[0].provider = 'acme'), /provider/],
      ['a bad model name', (c) => (c.entries[0].model = 'gpt 4o'), /model/],
      ['a source that is not https', (c) => (c.entries[0].source = 'http://openai.com/pricing'), /source/],
      ['no date', (c) => delete c.entries[0].date, /entries\[0\]\.date/],
      ['a date after the catalogue', (c) => (c.entries[0].date = '2099-01-01'), /after the catalogue date/],
      ['a cache read above the input', (c) => (c.entries[0].cachedInput = '99.00'), /cachedInput is above/],
      ['a model twice', (c) => c.entries.push({ ...c.entries[0] }), /appears twice/],
      [
        'a tier without a threshold',
        (c) => delete (c.entries.find((e) => e.longContext)!.longContext as Record<string, unknown>).thresholdTokens,
        /thresholdTokens/,
      ],
      ['no version', (c) => (c.version = ''), /version/],
    ];
    for (const [what, spoil, message] of cases) {
      const bad = clone();
      spoil(bad);
      expect(() => parsePriceCatalog(bad), what).toThrow(message);
    }
  });
});

const TEST_CATALOG: PriceCatalog = {
  version: 't1',
  date: '2025-01-01',
  prices: [
    {
      provider: 'anthropic',
      model: 'claude-x',
      costs: {
        inputPer1k: 3000n,
        cachedInputPer1k: 300n,
        cacheWriteInputPer1k: 3750n,
        cacheWrite1hInputPer1k: 6000n,
        outputPer1k: 15_000n,
      },
      longContext: { thresholdTokens: 200_000, costs: { inputPer1k: 6000n, cachedInputPer1k: 600n, outputPer1k: 22_500n } },
      source: 'https://example.test/p',
      date: '2025-01-01',
    },
  ],
};

const activeRate = (model: string): ModelRate => ({
  rateCardId: 'c1',
  model,
  provider: 'openai',
  rates: { inputPer1k: 1n, cachedInputPer1k: 1n, outputPer1k: 1n },
  costs: { inputPer1k: 1n, cachedInputPer1k: 1n, outputPer1k: 1n },
  longContext: null,
  maxOutputTokens: 512,
  enabled: false,
});

const perClass = (rates: Per1kRates) => Object.entries(fullRates(rates)) as [string, bigint][];

describe('drafting a rate card from the catalogue', () => {
  it('marks every class up exactly, rounding up to the millicredit, and keeps the rest of the active card', () => {
    const draft = draftRateCard(PRICE_CATALOG, [activeRate('own-model'), activeRate('gpt-4.1-nano')], 25, [
      'gpt-4o',
      'gpt-4.1-nano',
      'claude-sonnet-4-5',
    ]);
    expect(draft.draftedModels).toEqual(['gpt-4o', 'gpt-4.1-nano', 'claude-sonnet-4-5']);
    expect(draft.rates.map((r) => r.model)).toEqual(['claude-sonnet-4-5', 'gpt-4.1-nano', 'gpt-4o', 'own-model']);
    const [sonnet, nano, gpt4o, own] = draft.rates;
    // $2.50/1M +25% = 3.125 credits per 1k exactly.
    expect(gpt4o.rates).toEqual({ inputPer1k: 3125n, cachedInputPer1k: 1563n, outputPer1k: 12_500n });
    expect(gpt4o.costs).toEqual(priceOf('gpt-4o').costs);
    // $0.025/1M = 25 micro-USD per 1k; +25% = 31.25 → 32 millicredits (up, never down).
    expect(nano.rates.cachedInputPer1k).toBe(32n);
    // A model already on the card keeps its output cap and its switch.
    expect(nano).toMatchObject({ maxOutputTokens: 512, enabled: false, provider: 'openai' });
    expect(sonnet).toMatchObject({ provider: 'anthropic', maxOutputTokens: null, enabled: true });
    expect(sonnet.rates).toEqual({
      inputPer1k: 3750n,
      cachedInputPer1k: 375n,
      cacheWriteInputPer1k: 4688n,
      cacheWrite1hInputPer1k: 7500n,
      outputPer1k: 18_750n,
    });
    expect(sonnet.longContext).toEqual({
      thresholdTokens: 200_000,
      rates: {
        inputPer1k: 7500n,
        cachedInputPer1k: 750n,
        cacheWriteInputPer1k: 9375n,
        cacheWrite1hInputPer1k: 15_000n,
        outputPer1k: 28_125n,
      },
      costs: priceOf('claude-sonnet-4-5').longContext!.costs,
    });
    expect(own).toEqual(activeRate('own-model'));
    expect(draftRateCard(PRICE_CATALOG, [], 0, ['gpt-4o']).rates[0].rates).toEqual(priceOf('gpt-4o').costs);
  });

  it('never makes a margin below the markup on any class or tier, and never more than a millicredit above it', () => {
    const cost = fc.bigInt({ min: 0n, max: 1_000_000_000n });
    fc.assert(
      fc.property(
        fc.record({
          inputPer1k: cost,
          cachedInputPer1k: cost,
          cacheWriteInputPer1k: cost,
          cacheWrite1hInputPer1k: cost,
          outputPer1k: cost,
        }),
        fc.record({ audioInputPer1k: cost, audioOutputPer1k: cost, imageInputPer1k: cost }, { requiredKeys: [] }),
        fc.integer({ min: 0, max: 1000 }),
        (base, extra, markup) => {
          const costs = { ...base, ...extra };
          const catalog: PriceCatalog = {
            ...TEST_CATALOG,
            prices: [{ ...TEST_CATALOG.prices[0], costs, longContext: { thresholdTokens: 1, costs: base } }],
          };
          const [rate] = draftRateCard(catalog, [], markup, ['claude-x']).rates;
          const pairs = [
            [fullRates(rate.rates), fullRates(rate.costs)],
            [fullRates(rate.longContext!.rates), fullRates(rate.longContext!.costs)],
          ];
          for (const [rates, costsOf] of pairs) {
            for (const [name, r] of perClass(rates)) {
              const c = costsOf[name as keyof typeof costsOf];
              // rate / cost >= 1 + markup/100, in integers; and rounding added less than one millicredit.
              expect(r * 100n).toBeGreaterThanOrEqual(c * BigInt(100 + markup));
              expect((r - 1n) * 100n).toBeLessThan(c * BigInt(100 + markup));
            }
          }
        },
      ),
    );
  });

  it('refuses a markup outside 0..1000 and a model the catalogue does not list', () => {
    for (const markup of [-1, 1001, 2.5]) {
      expect(() => draftRateCard(PRICE_CATALOG, [], markup, ['gpt-4o'])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    expect(() => draftRateCard(PRICE_CATALOG, [], 10, [])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const unknown = (() => {
      try {
        draftRateCard(PRICE_CATALOG, [], 10, ['gpt-4o', 'gpt-9-ultra']);
      } catch (err) {
        return err;
      }
    })();
    expect(unknown).toBeInstanceOf(DomainError);
    expect(unknown).toMatchObject({ code: 'MODEL_NOT_FOUND', details: { model: 'gpt-9-ultra' } });
  });
});
