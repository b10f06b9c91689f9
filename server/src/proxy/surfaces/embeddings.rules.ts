import { badInput } from '../../shared/errors.js';
import type { PromptParts } from '../proxy.rules.js';

/** OpenAI's limit on inputs per embeddings request. */
const MAX_INPUTS = 2048;

export interface EmbeddingsRequest {
  model: string;
  /** Embeddings never stream. */
  stream: false;
  /** Texts, or token arrays (already tokens: counted by their length). */
  inputs: (string | number[])[];
  body: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTokenArray = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'number' && Number.isInteger(t) && t >= 0);

/** Validates the input (a string, strings, a token array or token arrays); everything else passes through. */
export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (!isObject(body)) throw badInput('The request body must be a JSON object');
  if (typeof body.model !== 'string' || !body.model.trim()) throw badInput('model is required', { field: 'model' });
  const input = body.input;
  let inputs: (string | number[])[];
  if (typeof input === 'string') inputs = [input];
  else if (isTokenArray(input)) inputs = [input];
  else if (Array.isArray(input) && input.length > 0 && input.every((i) => typeof i === 'string' || isTokenArray(i)))
    inputs = input as (string | number[])[];
  else throw badInput('input must be a string, an array of strings, or an array of token arrays (non-empty)', { field: 'input' });
  if (inputs.length > MAX_INPUTS) throw badInput(`input may hold at most ${MAX_INPUTS} entries`, { field: 'input' });
  if (inputs.some((i) => i.length === 0)) throw badInput('input must not contain empty strings', { field: 'input' });
  return { model: body.model.trim(), stream: false, inputs, body };
}

/** The texts to tokenize, and token arrays counted by their length. */
export function embeddingsPromptParts(req: Pick<EmbeddingsRequest, 'inputs'>): PromptParts {
  const texts: string[] = [];
  let fixedTokens = 0;
  for (const input of req.inputs) {
    if (typeof input === 'string') texts.push(input);
    else fixedTokens += input.length;
  }
  return { texts, fixedTokens };
}
