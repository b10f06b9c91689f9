import type { Check } from './check.js';

type GrantDrift = (limit: number) => Promise<{ accountId: string; posted: bigint; remaining: bigint }[]>;

/** Grants: the unspent remainders of an account add up to its balance (zero when negative). */
export const grantsCheck = (drift: GrantDrift): Check => ({
  name: 'grants_match_balances',
  async run() {
    return (await drift(1000)).map((d) => {
      const balance = d.posted > 0n ? d.posted : 0n;
      return {
        check: 'grants_balance',
        accountId: d.accountId,
        subject: d.accountId,
        expected: `${balance} (balance)`,
        actual: `${d.remaining} (sum of grant remainders)`,
        driftMillicredits: d.remaining - balance,
      };
    });
  },
});
