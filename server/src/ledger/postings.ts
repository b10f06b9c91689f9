import type { Posting } from './ledger.types.js';

/** A customer movement and its system counter-entry: the two postings always sum to zero. */
export function counterPostings(customerAccountId: string, systemAccountId: string, customerDelta: bigint): Posting[] {
  return [
    { accountId: customerAccountId, amount: customerDelta },
    { accountId: systemAccountId, amount: -customerDelta },
  ];
}

/** Double-entry rule: at least two postings, summing to exactly zero. */
export function assertBalanced(postings: Posting[]): void {
  if (postings.length < 2) throw new RangeError('a transaction needs at least two postings');
  const total = postings.reduce((sum, p) => sum + p.amount, 0n);
  if (total !== 0n) throw new RangeError(`postings sum to ${total}, not zero`);
}

/** Entry that undoes `original` for the customer: same size, opposite sign. */
export const reversalDelta = (originalCustomerDelta: bigint): bigint => -originalCustomerDelta;
