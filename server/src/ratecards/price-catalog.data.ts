/**
 * The bundled provider price list: what each model costs us, in USD per 1M tokens of each token
 * class, as the provider's pricing page (`source`) showed it on the entry's `date`. It ships with
 * the server so that drafting a rate card works offline.
 *
 * These prices are as of `date` and MUST be reviewed against `source` before a card drafted from
 * them is published: providers change prices without notice. Prices are decimal strings (never
 * floats) with at most three decimals per 1M tokens; `price-catalog.ts` validates every entry
 * when the module loads. A class a provider does not sell separately is left out (an omitted
 * cache write or audio/image rate is charged at the input rate, audio output at the output
 * rate). Bump `version` with every change.
 */
const OPENAI = 'https://openai.com/api/pricing/';
const ANTHROPIC = 'https://docs.claude.com/en/docs/about-claude/pricing';
const DATE = '2025-11-24';

/** Anthropic's prompts above 200k tokens on the 1M-context Sonnet models: the whole call at these rates. */
const SONNET_LONG_CONTEXT = {
  thresholdTokens: 200_000,
  input: '6.00',
  cachedInput: '0.60',
  cacheWrite5m: '7.50',
  cacheWrite1h: '12.00',
  output: '22.50',
};

/** Claude Opus 4 and 4.1 share their prices. */
const OPUS_4 = { input: '15.00', cachedInput: '1.50', cacheWrite5m: '18.75', cacheWrite1h: '30.00', output: '75.00' };
/** Claude Sonnet 4 and 4.5 share their prices, and their long-context tier. */
const SONNET_4 = {
  input: '3.00',
  cachedInput: '0.30',
  cacheWrite5m: '3.75',
  cacheWrite1h: '6.00',
  output: '15.00',
  longContext: SONNET_LONG_CONTEXT,
};

export const PRICE_CATALOG_DATA = {
  version: '2025-11-24.1',
  date: DATE,
  entries: [
    { provider: 'openai', model: 'gpt-4o', input: '2.50', cachedInput: '1.25', output: '10.00', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'gpt-4o-mini', input: '0.15', cachedInput: '0.075', output: '0.60', source: OPENAI, date: DATE },
    {
      provider: 'openai',
      model: 'gpt-4o-audio-preview',
      input: '2.50',
      cachedInput: '2.50',
      output: '10.00',
      audioInput: '40.00',
      audioOutput: '80.00',
      source: OPENAI,
      date: DATE,
    },
    {
      provider: 'openai',
      model: 'gpt-4o-mini-audio-preview',
      input: '0.15',
      cachedInput: '0.15',
      output: '0.60',
      audioInput: '10.00',
      audioOutput: '20.00',
      source: OPENAI,
      date: DATE,
    },
    { provider: 'openai', model: 'gpt-4.1', input: '2.00', cachedInput: '0.50', output: '8.00', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'gpt-4.1-mini', input: '0.40', cachedInput: '0.10', output: '1.60', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'gpt-4.1-nano', input: '0.10', cachedInput: '0.025', output: '0.40', source: OPENAI, date: DATE },
    {
      provider: 'openai',
      model: 'gpt-image-1',
      input: '5.00',
      cachedInput: '1.25',
      imageInput: '10.00',
      output: '40.00',
      source: OPENAI,
      date: DATE,
    },
    { provider: 'openai', model: 'o1', input: '15.00', cachedInput: '7.50', output: '60.00', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'o3', input: '2.00', cachedInput: '0.50', output: '8.00', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'o3-mini', input: '1.10', cachedInput: '0.55', output: '4.40', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'o4-mini', input: '1.10', cachedInput: '0.275', output: '4.40', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'text-embedding-3-small', input: '0.02', cachedInput: '0.02', output: '0', source: OPENAI, date: DATE },
    { provider: 'openai', model: 'text-embedding-3-large', input: '0.13', cachedInput: '0.13', output: '0', source: OPENAI, date: DATE },
    {
      provider: 'anthropic',
      model: 'claude-opus-4-5',
      input: '5.00',
      cachedInput: '0.50',
      cacheWrite5m: '6.25',
      cacheWrite1h: '10.00',
      output: '25.00',
      source: ANTHROPIC,
      date: DATE,
    },
    { provider: 'anthropic', model: 'claude-opus-4-1', ...OPUS_4, source: ANTHROPIC, date: DATE },
    { provider: 'anthropic', model: 'claude-opus-4-0', ...OPUS_4, source: ANTHROPIC, date: DATE },
    { provider: 'anthropic', model: 'claude-sonnet-4-5', ...SONNET_4, source: ANTHROPIC, date: DATE },
    { provider: 'anthropic', model: 'claude-sonnet-4-0', ...SONNET_4, source: ANTHROPIC, date: DATE },
    {
      provider: 'anthropic',
      model: 'claude-haiku-4-5',
      input: '1.00',
      cachedInput: '0.10',
      cacheWrite5m: '1.25',
      cacheWrite1h: '2.00',
      output: '5.00',
      source: ANTHROPIC,
      date: DATE,
    },
  ],
};
