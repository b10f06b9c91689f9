/**
 * Money typed into the console, parsed exactly to bigint. Display formatting is shared with the
 * server: server/src/money/format.ts. 1 credit = 1,000 millicredits; 1 millicredit = $0.000001.
 */

const MILLICREDITS_PER_CREDIT = 1000n;
/** PostgreSQL bigint: the server refuses anything beyond it. */
export const MAX_MILLICREDITS = 9_223_372_036_854_775_807n;

export type ParseResult = { ok: true; millicredits: bigint } | { ok: false; error: string };

/**
 * A credits amount typed by a person ("1,250.5", "-3", "0.001") to millicredits, exactly: the
 * digits are moved, never multiplied as a float. More than three decimals is refused, not rounded.
 */
export function parseCredits(input: string, opts: { allowNegative?: boolean } = {}): ParseResult {
  const text = input.trim().replace(/[\s_]/g, '');
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!text || !m || (m[2] === undefined && !m[3])) return { ok: false, error: 'Enter an amount in credits, e.g. 1250 or 12.345' };
  const [, sign, whole = '0', fraction = ''] = m;
  if (fraction.length > 3) return { ok: false, error: 'At most three decimals (1 millicredit = 0.001 credits)' };
  if (sign === '-' && !opts.allowNegative) return { ok: false, error: 'The amount must be positive' };
  const magnitude = BigInt(whole.replace(/,/g, '')) * MILLICREDITS_PER_CREDIT + BigInt(fraction.padEnd(3, '0') || '0');
  const millicredits = sign === '-' ? -magnitude : magnitude;
  if (magnitude > MAX_MILLICREDITS) return { ok: false, error: 'The amount is too large' };
  return { ok: true, millicredits };
}

/** Dollars typed by a person ("50", "1,000.5") to whole cents, exactly; more than two decimals is refused. */
export function parseDollarsToCents(input: string): { ok: true; cents: bigint } | { ok: false; error: string } {
  const text = input.trim().replace(/^\$/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return { ok: false, error: 'Enter an amount in dollars, e.g. 50 or 49.99' };
  const cents = BigInt(m[1].replace(/,/g, '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (cents > 2_147_483_647n) return { ok: false, error: 'The amount is too large' };
  return { ok: true, cents };
}

/** A USD decimal string (e.g. costUsd "0.000123") as whole micro-dollars, exactly (beyond six decimals: rounded half up). */
export function usdToMicros(usd: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(usd.trim());
  if (!m) return 0n;
  const fraction = (m[3] ?? '').padEnd(7, '0');
  let micros = BigInt(m[2]) * 1_000_000n + BigInt(fraction.slice(0, 6));
  if (Number(fraction[6]) >= 5) micros += 1n;
  return m[1] ? -micros : micros;
}
