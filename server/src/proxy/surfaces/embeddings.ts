import type { CreateEmbeddingResponse, EmbeddingCreateParams } from 'openai/resources/embeddings';
import type { AnswerReader } from '../proxy.types.js';
import { tokensFromUsage } from '../proxy.rules.js';
import { embeddingsPromptParts, parseEmbeddingsRequest, type EmbeddingsRequest } from './embeddings.rules.js';
import type { Surface, SurfaceDeps } from './surface.js';

/** `POST /v1/embeddings`: OpenAI embeddings; input tokens only, never streamed. */
export const embeddingsSurface = (deps: SurfaceDeps): Surface<EmbeddingsRequest> => ({
  parse: parseEmbeddingsRequest,
  describe: (req) => ({
    model: req.model,
    requestedMaxOutput: 0,
    n: 1,
    stream: false,
    countPrompt: () => deps.promptTokens.countParts(embeddingsPromptParts(req)),
  }),
  answer: (call, req): AnswerReader<CreateEmbeddingResponse> => ({
    run: async (signal) => {
      const { stream: _stream, ...rest } = req.body;
      const body = { ...rest, model: call.rate.model } as unknown as EmbeddingCreateParams;
      return deps.upstreams.openAi(call.rate.model).embeddings(body, signal);
    },
    usage: (answer) => (answer.usage ? tokensFromUsage({ prompt_tokens: answer.usage.prompt_tokens }) : null),
    estimatedOutput: () => 0,
  }),
});
