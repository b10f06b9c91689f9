import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { usageRowsWithoutPosting, usageEntriesWithoutRow, usageDayTotals } from '../queries/usage-vs-postings.queries.js';

/** For the day: every usage row is matched by a USAGE posting of the same amount, and the totals agree. */
export const usageVsPostingsCheck: Check = {
  name: 'usage_vs_postings',
  async run({ em, day, from, to }) {
    const findings: Finding[] = [];
    const range = [from.toISOString(), to.toISOString()];
    const rows = await usageRowsWithoutPosting(em, range);
    for (const r of rows) {
      findings.push({
        check: 'usage_row_posting',
        accountId: r.account_id,
        subject: r.id,
        expected: `${r.charged} charged`,
        actual: r.posted === null ? 'no posting' : `${r.posted} posted`,
        driftMillicredits: toBigInt(r.posted) - toBigInt(r.charged),
      });
    }
    const orphans = await usageEntriesWithoutRow(em, range);
    for (const r of orphans) {
      findings.push({
        check: 'usage_posting_without_row',
        accountId: r.account_id,
        subject: r.id,
        expected: 'a usage row',
        actual: 'none',
        driftMillicredits: toBigInt(r.amount),
      });
    }
    const [totals] = await usageDayTotals(em, [...range, ...range]);
    if (toBigInt(totals.charged) !== toBigInt(totals.posted) && findings.length === 0) {
      findings.push({
        check: 'usage_day_total',
        subject: day,
        expected: `${totals.charged} charged by usage rows`,
        actual: `${totals.posted} posted by USAGE entries`,
        driftMillicredits: toBigInt(totals.posted) - toBigInt(totals.charged),
      });
    }
    return findings;
  },
};
