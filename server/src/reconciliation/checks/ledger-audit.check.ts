import { toBigInt } from '../../db/values.js';
import type { Finding } from '../reconciliation.rules.js';
import type { Check } from './check.js';
import { entriesWithoutMatchingAudit, auditsWithoutEntry } from '../queries/ledger-audit.queries.js';

/**
 * The audit actions that write each kind of discretionary ledger entry. Each of these audit rows
 * records `after.transactionId` (the entry) and `after.amountMillicredits` (what the entry moved on
 * the account, signed), in the entry's own transaction.
 */
export const AUDITED_ENTRY_ACTIONS = {
  ADJUSTMENT: ['ledger.adjustBalance', 'grant.void'],
  REFUND: ['billing.refund', 'billing.dispute'],
  PROMO: ['promo.redeem'],
} as const;

const pairs = Object.entries(AUDITED_ENTRY_ACTIONS).flatMap(([type, actions]) => actions.map((action) => ({ type, action })));

const LIMIT = 1000;
/** A PostgreSQL text[] literal (the driver binds a JS array as a list of values, not one array). */
const textArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/**
 * Every ADJUSTMENT, REFUND and PROMO entry (all time: a forged one is backdated) has its audit row,
 * moving the same amount; and every such audit row names an entry of its kind. The postings and
 * balances can be kept consistent by whoever writes the database directly; the audit row is on
 * the hash chain, whose head is kept outside the database.
 */
export const ledgerAuditCheck: Check = {
  name: 'ledger_entries_audited',
  async run({ em }) {
    const types = textArray(pairs.map((p) => p.type));
    const actions = textArray(pairs.map((p) => p.action));
    const rows = await entriesWithoutMatchingAudit(em, [types, actions, textArray(Object.keys(AUDITED_ENTRY_ACTIONS)), LIMIT]);
    const findings: Finding[] = rows.map((r) =>
      r.audits === 0
        ? {
            check: 'ledger_entry_without_audit',
            accountId: r.account_id,
            subject: r.id,
            expected: `an audit row (${AUDITED_ENTRY_ACTIONS[r.type as keyof typeof AUDITED_ENTRY_ACTIONS].join(' or ')}) for this ${r.type} entry`,
            actual: 'no audit row',
            driftMillicredits: toBigInt(r.amount),
            details: { type: r.type },
          }
        : {
            check: 'ledger_entry_audit_amount',
            accountId: r.account_id,
            subject: r.id,
            expected: `${r.amount} (the ${r.type} entry)`,
            actual: `${r.audit_amount ?? 'no amount'} (its audit row)`,
            driftMillicredits: toBigInt(r.amount) - (r.audit_amount && /^-?\d+$/.test(r.audit_amount) ? toBigInt(r.audit_amount) : 0n),
            details: { type: r.type },
          },
    );
    const orphans = await auditsWithoutEntry(em, [types, actions, LIMIT]);
    for (const o of orphans) {
      findings.push({
        check: 'audit_without_ledger_entry',
        subject: o.tx,
        expected: `the ledger entry audit row ${o.audit_id} (${o.action}) names`,
        actual: 'no such entry of that kind',
        details: { auditId: o.audit_id, action: o.action },
      });
    }
    return findings;
  },
};
