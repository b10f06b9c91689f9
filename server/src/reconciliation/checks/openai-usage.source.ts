import type { ModelTokens } from '../reconciliation.rules.js';

interface UsagePage {
  data?: {
    results?: {
      model?: string | null;
      input_tokens?: number;
      input_cached_tokens?: number;
      output_tokens?: number;
      num_model_requests?: number;
    }[];
  }[];
  has_more?: boolean;
  next_page?: string | null;
}

/**
 * The provider's own usage report for [from, to), per model: OpenAI's organization usage API
 * (completions, daily buckets), read with the admin key.
 */
export async function openAiUsageByModel(opts: { baseUrl?: string; adminKey: string; from: Date; to: Date }): Promise<ModelTokens[]> {
  const base = (opts.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const theirs = new Map<string, ModelTokens>();
  let page: string | null = null;
  for (let i = 0; i < 100; i++) {
    const url = new URL(`${base}/organization/usage/completions`);
    url.searchParams.set('start_time', String(Math.floor(opts.from.getTime() / 1000)));
    url.searchParams.set('end_time', String(Math.floor(opts.to.getTime() / 1000)));
    url.searchParams.set('bucket_width', '1d');
    url.searchParams.append('group_by', 'model');
    url.searchParams.set('limit', '31');
    if (page) url.searchParams.set('page', page);
    const res = await fetch(url, { headers: { authorization: `Bearer ${opts.adminKey}` }, signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw new Error(`OpenAI usage API answered ${res.status}`);
    const body = (await res.json()) as UsagePage;
    for (const bucket of body.data ?? []) {
      for (const r of bucket.results ?? []) {
        const model = r.model ?? 'unknown';
        const t = theirs.get(model) ?? { model, inputTokens: 0n, cachedInputTokens: 0n, outputTokens: 0n, requests: 0n };
        t.inputTokens += BigInt(r.input_tokens ?? 0);
        t.cachedInputTokens += BigInt(r.input_cached_tokens ?? 0);
        t.outputTokens += BigInt(r.output_tokens ?? 0);
        t.requests += BigInt(r.num_model_requests ?? 0);
        theirs.set(model, t);
      }
    }
    if (!body.has_more || !body.next_page) break;
    page = body.next_page;
  }
  return [...theirs.values()];
}
