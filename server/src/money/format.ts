/**
 * Money for display, the one formatter shared by the server (statements, alert mail, refusals)
 * and the console (bundled by Vite, hence no imports). Amounts are integers as bigint or decimal
 * strings; 1 credit = 1,000 millicredits, 1 millicredit = 1 micro-dollar, $0.01 = 10,000.
 * A JS number appears only in chart helpers, whose geometry may be approximate.
 */

const MILLICREDITS_PER_CREDIT = 1000n;
const MILLICREDITS_PER_CENT = 10_000n;
const MICROS_PER_DOLLAR = 1_000_000n;

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const magnitude = (value: bigint) => (value < 0n ? -value : value);
const minus = (value: bigint) => (value < 0n ? '-' : '');

export interface CreditsFormat {
  /** 3 (default): always three decimals; 0: none on whole credits; 'trim': no trailing zeros. */
  decimals?: 0 | 3 | 'trim';
  /** A "+" before positive amounts. */
  signed?: boolean;
  /** Thousands separators (default true); plain-text mail has none. */
  grouping?: boolean;
}

/** Millicredits as credits: "-1,234.567", "12,697" (trim), "+0.005" (signed), "1234.567" (no grouping). */
export function formatCredits(millicredits: string | bigint, opts: CreditsFormat = {}): string {
  const value = BigInt(millicredits);
  const abs = magnitude(value);
  const digits = (abs / MILLICREDITS_PER_CREDIT).toString();
  const whole = opts.grouping === false ? digits : group(digits);
  const fraction = (abs % MILLICREDITS_PER_CREDIT).toString().padStart(3, '0');
  const shown = opts.decimals === 'trim' ? fraction.replace(/0+$/, '') : opts.decimals === 0 && fraction === '000' ? '' : fraction;
  const body = shown ? `${whole}.${shown}` : whole;
  return `${value < 0n ? '-' : opts.signed && value > 0n ? '+' : ''}${body}`;
}

/** Millicredits (= micro-dollars) to whole cents, rounded half away from zero (display only). */
export function millicreditsToCents(millicredits: string | bigint): bigint {
  const value = BigInt(millicredits);
  const cents = (magnitude(value) + MILLICREDITS_PER_CENT / 2n) / MILLICREDITS_PER_CENT;
  return value < 0n ? -cents : cents;
}

/** Cents as dollars: "$1,234.56", "-$0.05". */
export function formatCents(cents: number | bigint): string {
  const value = BigInt(cents);
  const abs = magnitude(value);
  return `${minus(value)}$${group((abs / 100n).toString())}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Cents as a plain decimal for CSV: 999n -> "9.99", -123456n -> "-1234.56". */
export const formatCentsDecimal = (cents: bigint) => formatCents(cents).replace('$', '').replace(/,/g, '');

/** The USD of an amount of millicredits, to the cent: "$0.15". */
export const formatUsdOfMillicredits = (millicredits: string | bigint) => formatCents(millicreditsToCents(millicredits));

/** The approximate USD of an amount of millicredits: "~$0.15". */
export const formatApproxUsd = (millicredits: string | bigint) => `~${formatUsdOfMillicredits(millicredits)}`;

/** Counts (tokens, calls): "12,345", "-1,234". */
export function formatCount(n: number | bigint | string): string {
  return typeof n === 'number' ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n) : group(BigInt(n).toString());
}

/** A ratio as a percent with at most one decimal: 0.125 -> "12.5%"; none -> "—". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio == null ? '—' : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Micro-dollars with all six decimals: "$0.001234", "$1,000.000000" (per-call figures are small). */
export function formatUsdSixDecimals(micros: bigint): string {
  const abs = magnitude(micros);
  return `${minus(micros)}$${group((abs / MICROS_PER_DOLLAR).toString())}.${(abs % MICROS_PER_DOLLAR).toString().padStart(6, '0')}`;
}

/**
 * Micro-dollars as USD at their real precision: cents always, then the digits that are not zero,
 * up to the sixth: "$0.001003", "$12.50", "$1,234.000001", "-$0.25".
 */
export function formatUsdMicros(micros: string | bigint): string {
  const value = BigInt(micros);
  const abs = magnitude(value);
  const fraction = (abs % MICROS_PER_DOLLAR).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${minus(value)}$${group((abs / MICROS_PER_DOLLAR).toString())}.${fraction}`;
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

/** Millicredits as a plain credits number for charts (display only: a chart axis can be approximate). */
export const creditsForChart = (millicredits: string | bigint) => Number(BigInt(millicredits)) / 1000;

/** Micro-dollars as a plain dollar number for charts (display only). */
export const usdForChart = (micros: string | bigint) => Number(BigInt(micros)) / 1e6;

/** A chart's dollar value (a tooltip) back at micro-dollar precision. */
export const formatChartUsd = (usd: number) => formatUsdMicros(BigInt(Math.round(usd * 1e6)));

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
