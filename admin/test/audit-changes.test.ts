import { describe, expect, it } from 'vitest';
import { auditChanges, fieldLabel, targetPath } from '../console/audit/changes';

describe('audit log rows as people read them', () => {
  it('shows amounts in credits and dollars, not raw millicredits or cents', () => {
    expect(
      auditChanges(
        { balanceMillicredits: '1000000' },
        { balanceMillicredits: '2250500', amountMillicredits: '1250500', transactionId: 'd117e0e8-1234-4abc-8def-0123456789ab' },
      ),
    ).toEqual([
      { field: 'Balance', before: '1,000 credits', after: '2,250.5 credits' },
      { field: 'Amount', before: null, after: '+1,250.5 credits' },
      { field: 'Transaction id', before: null, after: 'd117e0e8…' },
    ]);
    expect(auditChanges({ status: 'PENDING' }, { status: 'FULFILLED', creditsMillicredits: 10_000_000, refundedCents: 499 })).toEqual([
      { field: 'Status', before: 'PENDING', after: 'FULFILLED' },
      { field: 'Credits', before: null, after: '10,000 credits' },
      { field: 'Refunded', before: null, after: '$4.99' },
    ]);
  });

  it('leaves out what did not change and copes with rows that have no before or after', () => {
    expect(auditChanges({ role: 'ADMIN', disabled: false }, { role: 'FINANCE', disabled: false })).toEqual([
      { field: 'Role', before: 'ADMIN', after: 'FINANCE' },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(undefined, { events: ['balance.low', 'credits.expiring'] })).toEqual([
      { field: 'Events', before: null, after: 'balance.low, credits.expiring' },
    ]);
    expect(fieldLabel('refundedCreditsMillicredits')).toBe('Refunded credits');
  });

  it('links a target to its page where the console has one', () => {
    expect(targetPath('account', 'a1')).toBe('/accounts/a1/show');
    expect(targetPath('staffUser', 's1')).toBe('/staffUsers/s1');
    expect(targetPath('ledger_transaction', 't1')).toBeNull();
    expect(targetPath('account', null)).toBeNull();
  });
});
