import { randomUUID } from 'node:crypto';
import { decode } from 'gpt-tokenizer';
import type { Response, ResponseOutputMessage, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { DEFAULT_MAX_OUTPUT_TOKENS } from './proxy.rules.js';
import { lastUserText, nextTick, replyTokens } from './simulated.reply.js';

interface SimulatedBody {
  model?: string;
  input?: unknown;
  instructions?: string | null;
  max_output_tokens?: number | null;
}

/** The simulator's answer in the Responses shape: one assistant message, usage with every field. */
function simulatedReply(body: SimulatedBody, promptTokens: number) {
  const { tokens, cut } = replyTokens(lastUserText(body.input), body.max_output_tokens ?? DEFAULT_MAX_OUTPUT_TOKENS);
  const text = decode(tokens);
  const messageId = `msg_sim_${randomUUID().replaceAll('-', '')}`;
  const message = (status: 'in_progress' | 'completed', content: string | null): ResponseOutputMessage => ({
    id: messageId,
    type: 'message',
    role: 'assistant',
    status,
    content: content === null ? [] : [{ type: 'output_text', text: content, annotations: [], logprobs: [] }],
  });
  const response = (status: 'in_progress' | 'completed' | 'incomplete', output: ResponseOutputMessage[], done: boolean): Response => ({
    id: `resp_sim_${randomUUID().replaceAll('-', '')}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model: body.model ?? '',
    output,
    output_text: output.length ? text : '',
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: {},
    parallel_tool_calls: true,
    temperature: 1,
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    usage: done
      ? {
          input_tokens: promptTokens,
          input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
          output_tokens: tokens.length,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: promptTokens + tokens.length,
        }
      : undefined,
  });
  return { tokens, text, cut, messageId, message, response };
}

export function simulatedResponse(body: SimulatedBody, promptTokens: number): Response {
  const r = simulatedReply(body, promptTokens);
  return r.response(r.cut ? 'incomplete' : 'completed', [r.message('completed', r.text)], true);
}

/** The Responses event stream: created, in_progress, the message's item/part/text events, completed (or incomplete at the limit). */
export async function* simulatedResponseEvents(
  body: SimulatedBody,
  promptTokens: number,
  signal: AbortSignal,
): AsyncGenerator<ResponseStreamEvent> {
  const r = simulatedReply(body, promptTokens);
  const started = r.response('in_progress', [], false);
  let seq = 0;
  const at = { item_id: r.messageId, output_index: 0 };
  yield { type: 'response.created', sequence_number: seq++, response: started };
  yield { type: 'response.in_progress', sequence_number: seq++, response: started };
  yield { type: 'response.output_item.added', sequence_number: seq++, output_index: 0, item: r.message('in_progress', null) };
  const part = (text: string) => ({ type: 'output_text' as const, text, annotations: [], logprobs: [] });
  yield { type: 'response.content_part.added', sequence_number: seq++, ...at, content_index: 0, part: part('') };
  for (let i = 0; i < r.tokens.length; i += 3) {
    if (signal.aborted) return;
    await nextTick();
    const delta = decode(r.tokens.slice(i, i + 3));
    yield { type: 'response.output_text.delta', sequence_number: seq++, ...at, content_index: 0, delta, logprobs: [] };
  }
  yield { type: 'response.output_text.done', sequence_number: seq++, ...at, content_index: 0, text: r.text, logprobs: [] };
  yield { type: 'response.content_part.done', sequence_number: seq++, ...at, content_index: 0, part: part(r.text) };
  const message = r.message('completed', r.text);
  yield { type: 'response.output_item.done', sequence_number: seq++, output_index: 0, item: message };
  const final = { ...r.response(r.cut ? 'incomplete' : 'completed', [message], true), id: started.id, created_at: started.created_at };
  yield r.cut
    ? { type: 'response.incomplete', sequence_number: seq, response: final }
    : { type: 'response.completed', sequence_number: seq, response: final };
}
