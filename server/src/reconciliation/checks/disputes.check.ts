import { toBigInt } from '../../db/sql.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';

/**
 * Every Stripe dispute took back exactly its credits (one REFUND entry) and, when won, gave back
 * exactly those (one REVERSAL of that entry); no dispute entry exists without its dispute.
 */
export const disputesCheck: Check = {
  name: 'disputes_match_ledger',
  async run({ sql }) {
    const rows = await sql.query<Record<string, string | null>>(
      `select d.id, d.account_id, d.status, d.credits, dp.amount as debited, rp.amount as restored,
              rt.reversal_of_id, d.debit_transaction_id
         from purchase_disputes d
         left join ledger_postings dp on dp.transaction_id = d.debit_transaction_id and dp.account_id = d.account_id
         left join ledger_postings rp on rp.transaction_id = d.restore_transaction_id and rp.account_id = d.account_id
         left join ledger_transactions rt on rt.id = d.restore_transaction_id
        where coalesce(-dp.amount, 0) <> d.credits
           or (d.status = 'WON' and d.credits > 0
               and (rp.amount is distinct from d.credits or rt.reversal_of_id is distinct from d.debit_transaction_id))
           or (d.status <> 'WON' and d.restore_transaction_id is not null)
        limit 1000`,
    );
    const findings: Finding[] = rows.map((r) => {
      const credits = toBigInt(r.credits);
      // Taken back beyond what the dispute records; else given back beyond what it records.
      const takenDrift = -toBigInt(r.debited) - credits;
      const givenDrift = toBigInt(r.restored) - (r.status === 'WON' ? credits : 0n);
      return {
        check: 'dispute_ledger_mismatch',
        accountId: r.account_id,
        subject: r.id,
        expected: `${r.status} dispute: ${credits} taken back${r.status === 'WON' ? ' and given back' : ''}`,
        actual: `${r.debited ?? 'no'} debited, ${r.restored ?? 'nothing'} given back`,
        driftMillicredits: takenDrift !== 0n ? takenDrift : givenDrift,
        details: { status: r.status, debitTransactionId: r.debit_transaction_id },
      };
    });
    const orphans = await sql.query<{ id: string; account_id: string; idempotency_key: string; amount: string }>(
      `select t.id, t.account_id, t.idempotency_key,
              (select p.amount from ledger_postings p where p.transaction_id = t.id and p.account_id = t.account_id) amount
         from ledger_transactions t
        where t.type in ('REFUND', 'REVERSAL') and t.idempotency_key like 'dispute%'
          and not exists (select 1 from purchase_disputes d where d.debit_transaction_id = t.id or d.restore_transaction_id = t.id)
        limit 1000`,
    );
    for (const o of orphans) {
      findings.push({
        check: 'dispute_entry_without_dispute',
        accountId: o.account_id,
        subject: o.id,
        expected: 'a dispute row',
        actual: `no dispute for ${o.idempotency_key}`,
        driftMillicredits: toBigInt(o.amount),
      });
    }
    return findings;
  },
};
