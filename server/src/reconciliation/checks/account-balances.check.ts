import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { customerAccountCount, accountBalancesBatch } from '../queries/account-balances.queries.js';

const ACCOUNT_BATCH = 500;

/** Per account: the sum of its postings equals the cached balance (each batch one snapshot). */
export const accountBalancesCheck: Check = {
  name: 'account_balances',
  async run({ em, progress }) {
    const [{ n }] = await customerAccountCount(em);
    const total = Math.max(1, Math.ceil(Number(n) / ACCOUNT_BATCH));
    const findings: Finding[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (let batch = 0; ; batch++) {
      const rows = await accountBalancesBatch(em, [after, ACCOUNT_BATCH]);
      for (const r of rows) {
        const posted = toBigInt(r.posted);
        const sum = toBigInt(r.sum);
        if (posted !== sum) {
          findings.push({
            check: 'account_balance',
            accountId: r.id,
            subject: r.id,
            expected: `${sum} (sum of postings)`,
            actual: `${posted} (cached balance)`,
            driftMillicredits: posted - sum,
          });
        } else if (r.last_after !== null && toBigInt(r.last_after) !== posted) {
          findings.push({
            check: 'account_balance_after',
            accountId: r.id,
            subject: r.id,
            expected: `${posted} (cached balance)`,
            actual: `${r.last_after} (balance after the last posting)`,
            driftMillicredits: toBigInt(r.last_after) - posted,
          });
        }
      }
      await progress(Math.min(batch + 1, total), total);
      if (rows.length < ACCOUNT_BATCH) break;
      after = rows[rows.length - 1].id;
    }
    return findings;
  },
};
