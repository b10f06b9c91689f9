import type { PostingHook } from '../ledger/ledger.hooks.js';
import { burnGrants, insertGrantForCredit } from './grants.repository.js';
import { DEFAULT_PRIORITY, grantIdFromReference, grantKindFor } from './grants.rules.js';

/**
 * Keeps grants in step with the ledger, inside each movement's own transaction: a credit becomes
 * a grant (after paying back any debt), a debit burns grants down. Invariant: the sum of an
 * account's grant remainders equals max(posted balance, 0).
 */
export const grantsPostingHook: PostingHook = async (sql, m) => {
  if (m.delta > 0n) {
    const kind = grantKindFor(m.type);
    await insertGrantForCredit(sql, {
      accountId: m.accountId,
      transactionId: m.transactionId,
      kind,
      amount: m.delta,
      priority: DEFAULT_PRIORITY[kind],
    });
  } else if (m.delta < 0n) {
    await burnGrants(sql, {
      accountId: m.accountId,
      transactionId: m.transactionId,
      amount: -m.delta,
      firstGrantId: grantIdFromReference(m.referenceId),
      firstSourceTransactionId: m.reversalOfId,
    });
  }
};
