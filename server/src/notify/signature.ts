import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every outgoing webhook carries, in Stripe's format. */
export const SIGNATURE_HEADER = 'creditmeter-signature';

/** Receivers should refuse signatures older than this (replay window), as Stripe's SDKs do. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** hex HMAC-SHA256 of `"<t>.<raw body>"`, keyed with the endpoint's whole secret string. */
export function computeSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/**
 * `t=<unix>,v1=<hex>[,v1=<hex>]`: one v1 per active secret (two while a rotated secret's grace
 * period runs), so a receiver holding either secret verifies.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, rawBody: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${computeSignature(s, timestamp, rawBody)}`)].join(',');
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * What a receiver does (and what our tests do): parse the header, recompute the HMAC over the
 * raw body exactly as received, compare in constant time, and refuse stale timestamps.
 */
export function verifySignature(
  header: string | null | undefined,
  rawBody: string,
  secret: string,
  opts: { toleranceSeconds?: number; nowSeconds?: number } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing signature header' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key?.trim() === 't' && /^\d{1,12}$/.test(value ?? '')) timestamp = Number(value);
    if (key?.trim() === 'v1' && value) signatures.push(value.trim());
  }
  if (timestamp === null) return { ok: false, reason: 'no timestamp' };
  if (!signatures.length) return { ok: false, reason: 'no v1 signature' };
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  const match = signatures.some((s) => /^[0-9a-f]{64}$/.test(s) && timingSafeEqual(Buffer.from(s, 'hex'), expected));
  if (!match) return { ok: false, reason: 'no signature matches' };
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: 'timestamp outside the tolerance' };
  return { ok: true, timestamp };
}
