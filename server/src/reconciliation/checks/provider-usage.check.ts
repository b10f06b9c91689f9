import type { Config } from '../../config.js';
import { toBigInt } from '../../db/values.js';
import { compareProviderUsage } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { openAiUsageByModel } from './openai-usage.source.js';
import { usageTokensByModel } from '../queries/provider-usage.queries.js';

/**
 * The provider's usage report vs the day's usage rows per model. Models are matched by name as
 * the provider reports them.
 */
export const providerUsageCheck = (config: Pick<Config, 'OPENAI_ADMIN_KEY' | 'OPENAI_BASE_URL'>): Check => ({
  name: 'provider_usage',
  async run({ em, from, to }) {
    const adminKey = config.OPENAI_ADMIN_KEY;
    if (!adminKey) return { skipped: 'OPENAI_ADMIN_KEY is not set' };
    const theirs = await openAiUsageByModel({ baseUrl: config.OPENAI_BASE_URL, adminKey, from, to });
    const ours = await usageTokensByModel(em, [from.toISOString(), to.toISOString()]);
    const rates = new Map(
      ours.map((r) => [r.model, { inputPer1k: toBigInt(r.ir), cachedInputPer1k: toBigInt(r.cr), outputPer1k: toBigInt(r.orr) }]),
    );
    return compareProviderUsage(
      ours.map((r) => ({
        model: r.model,
        inputTokens: toBigInt(r.i),
        cachedInputTokens: toBigInt(r.c),
        outputTokens: toBigInt(r.o),
        requests: toBigInt(r.n),
      })),
      theirs,
      (model) => rates.get(model) ?? null,
    );
  },
});
