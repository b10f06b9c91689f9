/** Display formats of statements: exact integer math on bigint, thousands separators, UTC dates. */

const group = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 12345n -> "12,345" */
export const integer = (n: bigint) => (n < 0n ? `-${group(-n)}` : group(n));

/** Millicredits -> credits with three decimals: 1234567n -> "1,234.567", -1200n -> "-1.200". */
export function credits(m: bigint): string {
  const abs = m < 0n ? -m : m;
  return `${m < 0n ? '-' : ''}${group(abs / 1000n)}.${(abs % 1000n).toString().padStart(3, '0')}`;
}

/** Cents -> "$9.99", "$1,234.00", "-$5.00". */
export function usdCents(c: bigint): string {
  const abs = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}$${group(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Millicredits (= micro-dollars) -> cents, rounded half away from zero. */
export function centsOf(m: bigint): bigint {
  const abs = m < 0n ? -m : m;
  const cents = (abs + 5_000n) / 10_000n;
  return m < 0n ? -cents : cents;
}

/** The approximate USD of an amount of credits: "~$0.15". */
export const approxUsd = (m: bigint) => `~${usdCents(centsOf(m))}`;

/** Cents as a plain decimal for CSV: 999n -> "9.99". */
export const centsDecimal = (c: bigint) => usdCents(c).replace('$', '').replace(/,/g, '');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Nov 2026" (UTC). */
export const longDate = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last day inside a [from, to) period. */
export const lastDay = (to: Date) => new Date(to.getTime() - 1);
