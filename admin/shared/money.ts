/**
 * Money on the pages. Amounts arrive as decimal strings of millicredits and are handled as
 * bigint; a JS number is used only for display-only figures the API already gives as numbers.
 * 1 credit = 1,000 millicredits; 1,000 credits = $1.00, so 1 millicredit = $0.000001.
 */

export const MILLICREDITS_PER_CREDIT = 1000n;
const MILLICREDITS_PER_CENT = 10_000n;
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

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Millicredits as credits with thousands separators: three decimals by default ("-1,234.567", the
 * console's precision); `decimals: 0` drops them on whole credits only; `decimals: 'trim'` drops
 * trailing zeros ("12,697", "66,841.8", "0.305"), for customers, who never lose a digit that counts.
 */
export function formatCredits(millicredits: string | bigint, opts: { decimals?: 0 | 3 | 'trim'; signed?: boolean } = {}): string {
  const value = BigInt(millicredits);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = group((abs / MILLICREDITS_PER_CREDIT).toString());
  const fraction = (abs % MILLICREDITS_PER_CREDIT).toString().padStart(3, '0');
  const shown = opts.decimals === 'trim' ? fraction.replace(/0+$/, '') : opts.decimals === 0 && fraction === '000' ? '' : fraction;
  const body = shown ? `${whole}.${shown}` : whole;
  return `${negative ? '-' : opts.signed && value > 0n ? '+' : ''}${body}`;
}

/** Millicredits to whole cents, rounded half away from zero (display only). */
export function millicreditsToCents(millicredits: string | bigint): bigint {
  const value = BigInt(millicredits);
  const abs = value < 0n ? -value : value;
  const cents = (abs + MILLICREDITS_PER_CENT / 2n) / MILLICREDITS_PER_CENT;
  return value < 0n ? -cents : cents;
}

/** Cents as dollars: "$1,234.56", "-$0.05". */
export function formatCents(cents: number | bigint): string {
  const value = BigInt(cents);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}$${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Approximate USD of an amount of millicredits, to the cent. */
export const formatUsdOfMillicredits = (millicredits: string | bigint) => formatCents(millicreditsToCents(millicredits));

/** Counts (tokens, calls): "12,345". */
export function formatCount(n: number | bigint | string): string {
  return typeof n === 'number' ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n) : group(BigInt(n).toString());
}

export function formatPercent(ratio: number | null | undefined): string {
  return ratio == null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Millicredits as a plain credits number for charts (display only: a chart axis can be approximate). */
export const creditsForChart = (millicredits: string | bigint) => Number(BigInt(millicredits)) / 1000;

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

/** Micro-dollars as "$0.001234" (six decimals: per-call figures are small). */
export function formatMicroUsd(micros: bigint): string {
  const abs = micros < 0n ? -micros : micros;
  return `${micros < 0n ? '-' : ''}$${group((abs / 1_000_000n).toString())}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
}

const MICROS_PER_DOLLAR = 1_000_000n;

/**
 * Micro-dollars (the unit of provider costs, and of millicredits at 1,000 credits per dollar) as USD
 * at their real precision: cents always, then the digits that are not zero, up to the sixth:
 * "$0.001003", "$12.50", "$1,234.000001", "-$0.25".
 */
export function formatUsdMicros(micros: string | bigint): string {
  const value = BigInt(micros);
  const abs = value < 0n ? -value : value;
  const fraction = (abs % MICROS_PER_DOLLAR).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${value < 0n ? '-' : ''}$${group((abs / MICROS_PER_DOLLAR).toString())}.${fraction}`;
}

/**
 * Micro-dollars to the cent, for figures read at a glance (stat cards): a non-zero amount that
 * rounds to $0.00 reads "< $0.01" (or "> -$0.01"), never "$0.00".
 */
export function formatUsdCents(micros: string | bigint): string {
  const value = BigInt(micros);
  const cents = millicreditsToCents(value);
  if (cents === 0n && value !== 0n) return value > 0n ? '< $0.01' : '> -$0.01';
  return formatCents(cents);
}

/** A chart's dollar value (a tooltip) back at micro-dollar precision. */
export const formatChartUsd = (usd: number) => formatUsdMicros(BigInt(Math.round(usd * 1e6)));

/** Micro-dollars as a plain dollar number for charts (display only: a chart's geometry can be approximate). */
export const usdForChart = (micros: string | bigint) => Number(BigInt(micros)) / 1e6;

/**
 * A chart axis in USD scaled to its data: enough decimals (2 to 6) for the largest value to show
 * three significant digits, so ticks a fraction of a cent apart ($0.035, $0.070) read as they are.
 */
export function usdAxisFormatter(values: number[]): (v: number) => string {
  const largest = Math.max(0, ...values.map((v) => Math.abs(v)));
  const decimals = largest === 0 ? 2 : Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(largest))));
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return (v: number) => format.format(v);
}
