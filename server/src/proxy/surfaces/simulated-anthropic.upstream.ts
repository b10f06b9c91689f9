import { randomUUID } from 'node:crypto';
import { decode, encode } from 'gpt-tokenizer';
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
  Usage,
} from '@anthropic-ai/sdk/resources/messages';
import type { PromptTokenCounter } from '../prompt-tokens.js';
import type { MessagesUpstream } from './anthropic.upstream.js';
import { messagesPromptParts } from './messages.rules.js';

const FILLER =
  'This answer comes from the creditmeter simulator, not from Claude: no ANTHROPIC_API_KEY is set, so ' +
  "the gateway answers by itself in the shape of Anthropic's Messages API. Everything else is real: the " +
  'prompt was estimated, the worst case was held on your balance, and this reply is settled on the ' +
  'usage reported below, at the rates of the active rate card.';

function lastUserText(messages: readonly unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown };
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) return m.content.map((b: { text?: unknown }) => (typeof b?.text === 'string' ? b.text : '')).join(' ');
  }
  return '';
}

/** Deterministic reply tokens for a request, cut to its max_tokens. */
function replyTokens(body: { messages: readonly unknown[]; max_tokens: number }) {
  const quoted = lastUserText(body.messages).replace(/\s+/g, ' ').trim().slice(0, 120);
  const tokens = encode(`${quoted ? `You said: "${quoted}". ` : ''}${FILLER}`);
  const cut = tokens.length > body.max_tokens;
  return { tokens: cut ? tokens.slice(0, body.max_tokens) : tokens, stop: cut ? ('max_tokens' as const) : ('end_turn' as const) };
}

const usageOf = (input: number, output: number): Usage => ({
  input_tokens: input,
  output_tokens: output,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  inference_geo: null,
  output_tokens_details: null,
  server_tool_use: null,
  service_tier: 'standard',
  speed: null,
});

/** A built-in Claude stand-in for demos without ANTHROPIC_API_KEY: deterministic text, real-looking usage. */
export class SimulatedAnthropicUpstream implements MessagesUpstream {
  readonly simulated = true;

  constructor(private readonly promptTokens: PromptTokenCounter) {}

  private async inputOf(body: MessageCreateParamsNonStreaming | MessageCreateParamsStreaming): Promise<number> {
    const parts = messagesPromptParts({ messages: body.messages, body: body as unknown as Record<string, unknown> });
    return (await this.promptTokens.countParts(parts)).tokens;
  }

  private base(body: { model: string }, usage: Usage): Message {
    return {
      id: `msg_sim_${randomUUID().replace(/-/g, '')}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      container: null,
      usage,
    } as unknown as Message;
  }

  async create(body: MessageCreateParamsNonStreaming) {
    const { tokens, stop } = replyTokens(body);
    const message = this.base(body, usageOf(await this.inputOf(body), tokens.length));
    message.content = [{ type: 'text', text: decode(tokens), citations: null }];
    message.stop_reason = stop;
    return { message, requestId: null };
  }

  async stream(body: MessageCreateParamsStreaming, signal: AbortSignal) {
    const { tokens, stop } = replyTokens(body);
    const start = this.base(body, usageOf(await this.inputOf(body), 1));
    async function* events(): AsyncGenerator<RawMessageStreamEvent> {
      yield { type: 'message_start', message: start };
      yield { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } };
      for (let i = 0; i < tokens.length; i += 3) {
        if (signal.aborted) return;
        await new Promise((resolve) => setImmediate(resolve));
        yield { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: decode(tokens.slice(i, i + 3)) } };
      }
      yield { type: 'content_block_stop', index: 0 };
      yield {
        type: 'message_delta',
        delta: { stop_reason: stop, stop_sequence: null },
        usage: { output_tokens: tokens.length },
      } as RawMessageStreamEvent;
      yield { type: 'message_stop' };
    }
    return { events: events(), requestId: null };
  }
}
