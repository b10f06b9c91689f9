import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { purchasesNotFulfilledOnce, purchaseEntriesWithoutPurchase } from '../queries/purchases-fulfilled.queries.js';

const PAID = ['FULFILLED', 'REFUNDED', 'PARTIALLY_REFUNDED'];

/**
 * Every paid purchase has exactly one PURCHASE entry, the one it points at, crediting what the
 * purchase says; and no PURCHASE entry points at a purchase that does not claim it.
 */
export const purchasesFulfilledCheck: Check = {
  name: 'purchases_fulfilled_once',
  async run({ em }) {
    const rows = await purchasesNotFulfilledOnce(em);
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
    const orphans = await purchaseEntriesWithoutPurchase(em);
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
