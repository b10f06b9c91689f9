import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { disputesNotMatchingLedger, disputeEntriesWithoutDispute } from '../queries/disputes.queries.js';

/**
 * Every Stripe dispute took back exactly its credits (one REFUND entry) and, when won, gave back
 * exactly those (one REVERSAL of that entry); no dispute entry exists without its dispute.
 */
export const disputesCheck: Check = {
  name: 'disputes_match_ledger',
  async run({ em }) {
    const rows = await disputesNotMatchingLedger(em);
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
    const orphans = await disputeEntriesWithoutDispute(em);
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
