import { toBigInt } from '../../db/sql.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';

/** For the day: every usage row is matched by a USAGE posting of the same amount, and the totals agree. */
export const usageVsPostingsCheck: Check = {
  name: 'usage_vs_postings',
  async run({ sql, day, from, to }) {
    const findings: Finding[] = [];
    const range = [from.toISOString(), to.toISOString()];
    const rows = await sql.query<{ id: string; account_id: string; charged: string; posted: string | null }>(
      `select u.id, u.account_id, u.charged, -p.amount as posted
         from usage_records u
         left join ledger_postings p on p.transaction_id = u.transaction_id and p.account_id = u.account_id
        where u.created_at >= ?::timestamptz and u.created_at < ?::timestamptz and (p.id is null or -p.amount <> u.charged)
        limit 1000`,
      range,
    );
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
    const orphans = await sql.query<{ id: string; account_id: string; amount: string }>(
      `select t.id, t.account_id, (select -p.amount from ledger_postings p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from ledger_transactions t
        where t.type = 'USAGE' and t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz
          and not exists (select 1 from usage_records u where u.transaction_id = t.id)
        limit 1000`,
      range,
    );
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
    const [totals] = await sql.query<{ charged: string; posted: string }>(
      `select (select coalesce(sum(charged), 0) from usage_records where created_at >= ?::timestamptz and created_at < ?::timestamptz) charged,
              (select coalesce(-sum(p.amount), 0) from ledger_postings p join ledger_transactions t on t.id = p.transaction_id and t.type = 'USAGE'
                 join accounts a on a.id = p.account_id and a.kind <> 'SYSTEM'
                where t.created_at >= ?::timestamptz and t.created_at < ?::timestamptz) posted`,
      [...range, ...range],
    );
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
