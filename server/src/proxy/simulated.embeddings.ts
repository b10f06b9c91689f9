import { createHash } from 'node:crypto';
import type { CreateEmbeddingResponse, Embedding } from 'openai/resources/embeddings';

/** The vector length when the request names none (text-embedding-3-small's). */
const DEFAULT_DIMENSIONS = 1536;

interface SimulatedBody {
  model: string;
  input: string | string[] | number[] | number[][];
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
}

/** A deterministic unit vector for an input: the same text always embeds the same. */
function vectorOf(input: string | number[], dimensions: number): Float32Array {
  const seed = typeof input === 'string' ? input : input.join(',');
  const out = new Float32Array(dimensions);
  let block = Buffer.alloc(0);
  for (let i = 0; i < dimensions; i++) {
    if (i % 8 === 0) block = createHash('sha256').update(`${i}:${seed}`).digest();
    out[i] = block.readInt32LE((i % 8) * 4) / 2 ** 31;
  }
  const norm = Math.hypot(...out) || 1;
  return out.map((v) => v / norm);
}

/** The simulator's embeddings: one vector per input (float, or base64 of little-endian float32 as the SDK asks), usage of the counted prompt. */
export function simulatedEmbeddings(body: SimulatedBody, promptTokens: number): CreateEmbeddingResponse {
  const inputs: (string | number[])[] =
    typeof body.input === 'string'
      ? [body.input]
      : typeof body.input[0] === 'number'
        ? [body.input as number[]]
        : (body.input as (string | number[])[]);
  const dimensions = body.dimensions ?? DEFAULT_DIMENSIONS;
  const data: Embedding[] = inputs.map((input, index) => {
    const vector = vectorOf(input, dimensions);
    const embedding = body.encoding_format === 'base64' ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector);
    return { object: 'embedding', index, embedding: embedding as number[] };
  });
  return { object: 'list', model: body.model, data, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } };
}
