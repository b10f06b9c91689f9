import { formatCount } from '../money/format.js';
import { DomainError } from '../shared/errors.js';

/** What a refused hold was computed for. */
export interface HoldBasis {
  promptTokens: number;
  /** Output tokens per choice the hold assumed (0: an API without output, e.g. embeddings). */
  maxOutputTokens: number;
  n: number;
  /** The request field that sets the output limit on this surface (`max_tokens`, `max_output_tokens`); null without output. */
  outputField: string | null;
  /** Why that many: the client's own limit, the model's maximum, or the smallest useful output a shrunk hold needs. */
  outputSource: 'requested' | 'model' | 'minimum';
}

/**
 * The proxy's 402 for a hold the balance could not cover, saying what the hold was for:
 * `requiredMillicredits` and `availableMillicredits` (from the engine's refusal) plus
 * `maxOutputTokensAssumed`, and a message that names the output limit to lower.
 */
export function holdRefused(err: DomainError, basis: HoldBasis): DomainError {
  const required = String(err.details.requiredMillicredits ?? '');
  const available = err.details.availableMillicredits === undefined ? null : String(err.details.availableMillicredits);
  const have = available === null ? '' : `, and ${formatCount(BigInt(available))} are available`;
  const prompt = `its prompt (${formatCount(basis.promptTokens)} tokens)`;
  let message: string;
  if (basis.outputField === null || basis.maxOutputTokens === 0) {
    message = `This call needs ${formatCount(BigInt(required))} millicredits held for ${prompt}${have}. Buy credits, or send a shorter input.`;
  } else {
    const each = basis.n > 1 ? ` for each of ${basis.n} choices` : '';
    const why = { requested: `your ${basis.outputField}`, model: "the model's maximum", minimum: 'the smallest useful answer' }[
      basis.outputSource
    ];
    const advice =
      basis.outputSource === 'minimum'
        ? `Even a ${basis.outputField} of ${formatCount(basis.maxOutputTokens)} does not fit: buy credits, or send a shorter prompt.`
        : `Send a smaller ${basis.outputField}, or buy credits.`;
    message = `This call needs ${formatCount(BigInt(required))} millicredits held for ${prompt} and ${formatCount(basis.maxOutputTokens)} output tokens${each} (${why})${have}. ${advice}`;
  }
  return new DomainError('INSUFFICIENT_CREDITS', message, { ...err.details, maxOutputTokensAssumed: basis.maxOutputTokens });
}
