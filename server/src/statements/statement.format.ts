/** Statement dates, in UTC (amounts are formatted by money/format.ts). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Nov 2026" (UTC). */
export const longDate = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last day inside a [from, to) period. */
export const lastDay = (to: Date) => new Date(to.getTime() - 1);
