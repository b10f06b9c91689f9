import { Piscina } from 'piscina';
import { countParts, promptChars, promptParts, promptTokenBound, type ChatRequest, type PromptParts } from './proxy.rules.js';

/** Prompts up to this many characters are counted exactly in place (a millisecond at worst). */
const INLINE_CHARS = 1000;
/** Counts waiting for a worker; beyond it the bound answers at once. */
const MAX_QUEUE = 64;

export interface PromptCount {
  tokens: number;
  /** False when `tokens` is the byte bound (the exact count ran out of time or workers). */
  exact: boolean;
}

/**
 * Prompt tokens for the hold without ever blocking the event loop: small prompts are counted in
 * place, larger ones in a worker pool within a time budget; when the budget runs out (a
 * pathological prompt) or the pool is full, the UTF-8 byte length answers, an upper bound of the
 * exact count (the hold only needs an upper bound; the settle uses the provider's usage).
 */
export class PromptTokenCounter {
  private readonly pool: Piscina;

  constructor(private readonly budgetMs: number) {
    this.pool = new Piscina({
      filename: new URL('./token-count.worker.js', import.meta.url).href,
      // One worker stays loaded (the tokenizer's tables take a moment to load; a cold count would fall to the bound).
      minThreads: 1,
      maxThreads: 2,
      maxQueue: MAX_QUEUE,
      idleTimeout: 30_000,
    });
  }

  /** A chat's prompt. */
  count(req: Pick<ChatRequest, 'messages' | 'body'>): Promise<PromptCount> {
    return this.countParts(promptParts(req));
  }

  /** Any API's prompt, once split into texts and tokens known without tokenizing. */
  async countParts(parts: PromptParts): Promise<PromptCount> {
    if (promptChars(parts) <= INLINE_CHARS) return { tokens: countParts(parts), exact: true };
    try {
      // An aborted task's worker is terminated, so a stuck count costs no more than the budget.
      const counted: number = await this.pool.run(parts.texts, { signal: AbortSignal.timeout(this.budgetMs) });
      return { tokens: parts.fixedTokens + counted, exact: true };
    } catch {
      return { tokens: promptTokenBound(parts), exact: false };
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
