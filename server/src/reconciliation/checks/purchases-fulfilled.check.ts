import { toBigInt } from '../../db/sql.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';

const PAID = ['FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];

/**
 * Every paid purchase has exactly one PURCHASE entry, the one it points at, crediting what the
 * purchase says; and no PURCHASE entry points at a purchase that does not claim it.
 */
export const purchasesFulfilledCheck: Check = {
  name: 'purchases_fulfilled_once',
  async run({ sql }) {
    const rows = await sql.query<Record<string, string | null>>(
      `with entries as (
         select t.reference_id, count(*) n, min(t.id::text) first_id, sum(p.amount) credited
           from ledger_transactions t join ledger_postings p on p.transaction_id = t.id and p.account_id = t.account_id
          where t.type = 'PURCHASE' and t.reference_id is not null group by t.reference_id
       )
       select pu.id, pu.account_id, pu.status, pu.credits, pu.transaction_id, e.n, e.first_id, e.credited
         from purchases pu left join entries e on e.reference_id = pu.id::text
        where (pu.status in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED')
               and (e.n is distinct from 1 or pu.transaction_id is null or pu.transaction_id::text <> e.first_id or e.credited <> pu.credits))
           or (pu.status not in ('FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED') and e.n is not null)
        limit 1000`,
    );
    const findings: Finding[] = rows.map((r) => {
      const n = r.n === null ? 0 : Number(r.n);
      const paid = PAID.includes(r.status as string);
      const check = !paid
        ? 'purchase_fulfilled_but_not_paid'
        : n === 0
          ? 'purchase_not_fulfilled'
          : n > 1
            ? 'purchase_fulfilled_twice'
            : 'purchase_fulfilment_mismatch';
      return {
        check,
        accountId: r.account_id,
        subject: r.id,
        expected: paid ? `one PURCHASE entry of ${r.credits}` : `no PURCHASE entry (status ${r.status})`,
        actual: `${n} PURCHASE entries${r.credited ? ` crediting ${r.credited}` : ''}`,
        driftMillicredits: toBigInt(r.credited) - (paid ? toBigInt(r.credits) : 0n),
        details: { status: r.status, transactionId: r.transaction_id },
      };
    });
    const orphans = await sql.query<{ id: string; account_id: string; reference_id: string | null; amount: string }>(
      `select t.id, t.account_id, t.reference_id, (select p.amount from ledger_postings p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from ledger_transactions t
        where t.type = 'PURCHASE' and not exists (select 1 from purchases pu where pu.id::text = t.reference_id)
        limit 1000`,
    );
    for (const o of orphans) {
      findings.push({
        check: 'purchase_entry_without_purchase',
        accountId: o.account_id,
        subject: o.id,
        expected: 'a purchase row',
        actual: o.reference_id ? `no purchase ${o.reference_id}` : 'no reference',
        driftMillicredits: toBigInt(o.amount),
      });
    }
    return findings;
  },
};
