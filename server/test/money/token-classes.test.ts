import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Per1kRates, TieredPrices, TokenCounts } from '../../src/money/money.js';
import { worstCaseCost } from '../../src/proxy/proxy.rules.js';
import { priceUsage, usageFingerprint } from '../../src/usage/usage.rules.js';

const rate = fc.bigInt({ min: 0n, max: 50_000n });
const optionalRate = fc.option(rate, { nil: null });
const tokens = fc.bigInt({ min: 0n, max: 300_000n });

const baseRates: fc.Arbitrary<Per1kRates> = fc.record({
  inputPer1k: rate,
  cachedInputPer1k: rate,
  outputPer1k: rate,
  cacheWriteInputPer1k: optionalRate,
  cacheWrite1hInputPer1k: optionalRate,
  audioInputPer1k: optionalRate,
  audioOutputPer1k: optionalRate,
  imageInputPer1k: optionalRate,
});
const tierRates: fc.Arbitrary<Per1kRates> = fc.record({
  inputPer1k: rate,
  cachedInputPer1k: rate,
  outputPer1k: rate,
  cacheWriteInputPer1k: optionalRate,
  cacheWrite1hInputPer1k: optionalRate,
});

const prices: fc.Arbitrary<TieredPrices> = fc.record({
  rates: baseRates,
  costs: baseRates,
  longContext: fc.option(fc.record({ thresholdTokens: fc.integer({ min: 1, max: 400_000 }), rates: tierRates, costs: tierRates }), {
    nil: null,
  }),
});

const usage: fc.Arbitrary<TokenCounts> = fc
  .record({
    inputTokens: tokens,
    cachedInputTokens: tokens,
    outputTokens: tokens,
    cacheWriteInputTokens: tokens,
    cacheWrite1hInputTokens: tokens,
    audioInputTokens: tokens,
    audioOutputTokens: tokens,
    imageInputTokens: tokens,
    reasoningSeed: tokens,
  })
  .map(({ reasoningSeed, ...t }) => ({ ...t, reasoningTokens: t.outputTokens === 0n ? 0n : reasoningSeed % (t.outputTokens + 1n) }));

/** The rule as the issue states it, written out class by class (independent of money.ts). */
function expected(t: TokenCounts, base: Per1kRates, tier: Per1kRates | null): bigint {
  const cacheWrite = base.cacheWriteInputPer1k ?? base.inputPer1k;
  const r = {
    input: base.inputPer1k,
    cached: base.cachedInputPer1k,
    output: base.outputPer1k,
    cacheWrite,
    cacheWrite1h: base.cacheWrite1hInputPer1k ?? cacheWrite,
    audioIn: base.audioInputPer1k ?? base.inputPer1k,
    audioOut: base.audioOutputPer1k ?? base.outputPer1k,
    image: base.imageInputPer1k ?? base.inputPer1k,
  };
  if (tier) {
    r.input = tier.inputPer1k;
    r.cached = tier.cachedInputPer1k;
    r.output = tier.outputPer1k;
    if (tier.cacheWriteInputPer1k !== null && tier.cacheWriteInputPer1k !== undefined) r.cacheWrite = tier.cacheWriteInputPer1k;
    // An omitted tier 1-hour write keeps the base 1-hour rate, not the tier's 5-minute one.
    if (tier.cacheWrite1hInputPer1k !== null && tier.cacheWrite1hInputPer1k !== undefined) r.cacheWrite1h = tier.cacheWrite1hInputPer1k;
  }
  // Reasoning is inside outputTokens: never a term of its own.
  const sum =
    t.inputTokens * r.input +
    t.cachedInputTokens * r.cached +
    t.outputTokens * r.output +
    t.cacheWriteInputTokens! * r.cacheWrite +
    t.cacheWrite1hInputTokens! * r.cacheWrite1h +
    t.audioInputTokens! * r.audioIn +
    t.audioOutputTokens! * r.audioOut +
    t.imageInputTokens! * r.image;
  return sum % 1000n === 0n ? sum / 1000n : sum / 1000n + 1n;
}

const promptOf = (t: TokenCounts) =>
  t.inputTokens + t.cachedInputTokens + t.cacheWriteInputTokens! + t.cacheWrite1hInputTokens! + t.audioInputTokens! + t.imageInputTokens!;

describe('every token type priced', () => {
  it('charge and cost are ceil(Σ tokens × effective rate / 1000) for any mix of classes and tiers, rounded once', () => {
    fc.assert(
      fc.property(usage, prices, (t, p) => {
        const tierApplies = p.longContext !== null && p.longContext !== undefined && promptOf(t) > BigInt(p.longContext.thresholdTokens);
        const priced = priceUsage(t, p);
        expect(priced.applied.longContext).toBe(tierApplies);
        expect(priced.charged).toBe(expected(t, p.rates, tierApplies ? p.longContext!.rates : null));
        expect(priced.costMicroUsd).toBe(expected(t, p.costs, tierApplies ? p.longContext!.costs : null));
      }),
      { numRuns: 500 },
    );
  });

  it('the tier prices the whole call once the prompt passes the threshold, and not at it', () => {
    const p: TieredPrices = {
      rates: { inputPer1k: 1000n, cachedInputPer1k: 100n, outputPer1k: 4000n, audioInputPer1k: 7000n },
      costs: { inputPer1k: 500n, cachedInputPer1k: 50n, outputPer1k: 2000n },
      longContext: {
        thresholdTokens: 200_000,
        rates: { inputPer1k: 2000n, cachedInputPer1k: 200n, outputPer1k: 6000n },
        costs: { inputPer1k: 1000n, cachedInputPer1k: 100n, outputPer1k: 3000n },
      },
    };
    const at = { inputTokens: 150_000n, cachedInputTokens: 49_000n, audioInputTokens: 1_000n, outputTokens: 1_000n };
    // At the threshold: base rates. 150,000 + 4,900 + 7,000 + 4,000 = 165,900
    expect(priceUsage(at, p)).toMatchObject({ charged: 165_900n, applied: { longContext: false } });
    // One token more: the tier's rates on every token of the call; audio keeps its base rate.
    const above = { ...at, inputTokens: 150_001n };
    // 300,002 + 9,800 + 7,000 + 6,000 = 322,802; cost 150,001 + 4,900 + 500 (audio at its base cost) + 3,000 = 158,401
    expect(priceUsage(above, p)).toMatchObject({ charged: 322_802n, costMicroUsd: 158_401n, applied: { longContext: true } });
  });

  it('the hold covers any reported usage of a prompt split over classes, tier included', () => {
    fc.assert(
      fc.property(prices, usage, fc.integer({ min: 1, max: 8 }), (p, t, n) => {
        // The proxy's worst case assumes a cache read costs no more than uncached input.
        const capCached = (r: Per1kRates) => ({
          ...r,
          cachedInputPer1k: r.cachedInputPer1k > r.inputPer1k ? r.inputPer1k : r.cachedInputPer1k,
        });
        const sane: TieredPrices = {
          rates: capCached(p.rates),
          costs: p.costs,
          longContext: p.longContext ? { ...p.longContext, rates: capCached(p.longContext.rates) } : null,
        };
        const cap = Number(t.outputTokens + t.audioOutputTokens!);
        const worst = worstCaseCost(Number(promptOf(t)), Math.max(1, Math.ceil(cap / n)), n, sane);
        expect(priceUsage(t, sane).charged).toBeLessThanOrEqual(worst);
      }),
      { numRuns: 500 },
    );
  });

  it('a request without the new classes hashes as before; each class present changes the fingerprint', () => {
    const plain = { inputTokens: 10n, cachedInputTokens: 2n, outputTokens: 3n };
    expect(usageFingerprint('m', plain)).toEqual({ model: 'm', input: 10n, cached: 2n, output: 3n });
    expect(usageFingerprint('m', { ...plain, cacheWriteInputTokens: 0n, reasoningTokens: 0n })).toEqual(usageFingerprint('m', plain));
    expect(usageFingerprint('m', { ...plain, cacheWriteInputTokens: 5n })).not.toEqual(
      usageFingerprint('m', { ...plain, cacheWriteInputTokens: 6n }),
    );
  });
});
