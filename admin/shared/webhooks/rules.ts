import { parseCredits } from '../money';

/** Event types an endpoint can subscribe to ("*": all, including types added later). */
export const EVENT_TYPES = [
  'balance.low',
  'credits.exhausted',
  'purchase.fulfilled',
  'purchase.refunded',
  'auto_recharge.failed',
  'webhook_endpoint.disabled',
] as const;

export type ThresholdInput = { ok: true; thresholdMillicredits: string } | { ok: false; error: string };

/**
 * A low-balance threshold typed in credits ("1,000", "12.5") as the millicredits string the API
 * takes: the digits are moved, never through a float. Zero switches the alert off in effect.
 */
export function parseThreshold(input: string): ThresholdInput {
  const parsed = parseCredits(input);
  if (!parsed.ok) return parsed;
  return { ok: true, thresholdMillicredits: parsed.millicredits.toString() };
}

export type ThresholdEntry =
  | { ok: true; thresholdMillicredits: string; percent?: undefined }
  | { ok: true; percent: number; thresholdMillicredits?: undefined }
  | { ok: false; error: string };

/** One of several thresholds: credits as `parseThreshold`, or a whole percent from 1 to 100 ("20%"). */
export function parseThresholdEntry(input: string): ThresholdEntry {
  const text = input.trim();
  if (!text.endsWith('%')) return parseThreshold(text);
  const digits = text.slice(0, -1).trim();
  const percent = /^\d{1,3}$/.test(digits) ? Number(digits) : NaN;
  if (!(percent >= 1 && percent <= 100)) return { ok: false, error: 'A percent is a whole number from 1 to 100, e.g. 20%' };
  return { ok: true, percent };
}

export type ThresholdList = { ok: true; thresholdsMillicredits: string[]; thresholdsPercent: number[] } | { ok: false; error: string };

/** Several thresholds in one field, separated by spaces or semicolons ("500 20%"; commas group thousands). */
export function parseThresholdList(input: string): ThresholdList {
  const entries = input
    .replace(/\s+%/g, '%')
    .split(/[\s;]+/)
    .filter(Boolean)
    .map(parseThresholdEntry);
  const bad = entries.find((e) => !e.ok);
  if (bad && !bad.ok) return bad;
  return {
    ok: true,
    thresholdsMillicredits: entries.flatMap((e) => (e.ok && e.thresholdMillicredits !== undefined ? [e.thresholdMillicredits] : [])),
    thresholdsPercent: entries.flatMap((e) => (e.ok && e.percent !== undefined ? [e.percent] : [])),
  };
}

/** What the server accepts at most (https on a public address in production; it checks again). */
export function endpointUrlError(input: string): string | null {
  const text = input.trim();
  if (!text) return 'Enter the URL that receives the events';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/hooks/creditmeter';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://';
  if (url.username || url.password) return 'The URL must not contain a user name or password';
  return null;
}

export interface EndpointState {
  disabledAt?: string | null;
  disabledReason?: string | null;
  failingSince?: string | null;
}

/** One word for an endpoint's state, as the lists show it. */
export function endpointStatus(e: EndpointState): 'Enabled' | 'Failing' | 'Disabled' | 'Disabled (failing)' {
  if (e.disabledAt) return e.disabledReason === 'failing' ? 'Disabled (failing)' : 'Disabled';
  return e.failingSince ? 'Failing' : 'Enabled';
}
