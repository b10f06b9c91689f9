import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { allPostingsSum, unbalancedTransactions } from '../queries/zero-sum.queries.js';

/** All postings ever sum to zero, and every transaction of the day is balanced. */
export const zeroSumCheck: Check = {
  name: 'postings_zero_sum',
  async run({ em, from, to }) {
    const findings: Finding[] = [];
    const [all] = await allPostingsSum(em);
    if (toBigInt(all.s) !== 0n) {
      findings.push({
        check: 'postings_zero_sum',
        subject: 'all postings',
        expected: '0',
        actual: all.s,
        driftMillicredits: toBigInt(all.s),
      });
    }
    const unbalanced = await unbalancedTransactions(em, [from.toISOString(), to.toISOString()]);
    for (const u of unbalanced) {
      findings.push({
        check: 'transaction_unbalanced',
        subject: u.transaction_id,
        expected: '0',
        actual: u.s,
        driftMillicredits: toBigInt(u.s),
      });
    }
    return findings;
  },
};
