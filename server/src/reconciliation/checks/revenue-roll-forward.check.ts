import { revenueTieOut } from '../../finance/revenue.service.js';
import type { Check } from './check.js';

/**
 * Revenue recognition ties: the month's roll-forward up to the end of the day (opening + movements,
 * per section) equals what the ledger holds then: paid = paid grants' remainders less customer
 * debt, promotional and goodwill = their grants' remainders, and all of it = the customers' balances.
 */
export const revenueRollForwardCheck: Check = {
  name: 'revenue_roll_forward',
  async run({ em, from, to }) {
    const monthStart = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
    return (await revenueTieOut(em, monthStart, to)).map((m) => ({
      check: 'revenue_roll_forward',
      subject: `${m.subject} deferred at ${to.toISOString()}`,
      expected: `${m.expected} (ledger)`,
      actual: `${m.actual} (roll-forward)`,
      driftMillicredits: m.actual - m.expected,
    }));
  },
};
