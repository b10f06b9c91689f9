import { encode } from 'gpt-tokenizer';

const FILLER =
  'This answer comes from the creditmeter simulator, not from a real model: no OPENAI_API_KEY is set ' +
  '(or the model is creditmeter-sim), so the proxy answers by itself. Everything else is real: the ' +
  'prompt was counted with a tokenizer, the worst case was held on your balance, and this reply is ' +
  'settled on the usage reported below, at the rates of the active rate card.';

/** The text of the last user message (chat messages and Responses input items alike; a string input is itself). */
export function lastUserText(messages: unknown): string {
  if (typeof messages === 'string') return messages;
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as { role?: string; content?: unknown };
    if (m?.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      return m.content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join(' ');
    }
  }
  return '';
}

/** Deterministic reply tokens quoting the user, cut to the output limit. */
export function replyTokens(userText: string, limit: number) {
  const quoted = userText.replace(/\s+/g, ' ').trim().slice(0, 120);
  const text = `${quoted ? `You said: "${quoted}". ` : ''}${FILLER}`;
  const tokens = encode(text);
  const cut = tokens.length > limit;
  return { tokens: cut ? tokens.slice(0, limit) : tokens, cut };
}

/** Lets other work run between simulated stream events, as a network stream would. */
export const nextTick = () => new Promise((resolve) => setImmediate(resolve));
