import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareBurnOrder,
  debtCovered,
  grantIdFromReference,
  grantKindFor,
  grantReference,
  grantStatus,
  planBurn,
} from '../../src/grants/grants.rules.js';
import type { Grant } from '../../src/grants/grants.types.js';

const grant = (id: string, remaining: bigint, priority: number, expiresAt: Date | null, createdAt: Date): Grant => ({
  id,
  accountId: 'a',
  kind: 'PURCHASE',
  sourceTransactionId: null,
  amount: remaining,
  remaining,
  priority,
  expiresAt,
  expiredAt: null,
  voidedAt: null,
  createdAt,
});

describe('grant rules', () => {
  it('burns by priority, then soonest expiry (never-expiring last), then oldest, then id', () => {
    const t = (s: number) => new Date(2026, 0, 1, 0, 0, s);
    const grants = [
      grant('f', 10n, 100, null, t(1)),
      grant('e', 10n, 100, t(50), t(2)),
      grant('d', 10n, 10, null, t(3)),
      grant('c', 10n, 10, t(40), t(5)),
      grant('b', 10n, 10, t(40), t(4)),
      grant('a', 10n, 10, t(40), t(4)),
    ];
    const { takes, unfunded } = planBurn(grants, 55n);
    expect(takes.map((x) => x.grantId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(takes.map((x) => x.amount)).toEqual([10n, 10n, 10n, 10n, 10n, 5n]);
    expect(unfunded).toBe(0n);
  });

  it('puts a named grant first and leaves the uncovered part unfunded', () => {
    const t = new Date();
    const { takes, unfunded } = planBurn([grant('a', 5n, 1, null, t), grant('b', 7n, 99, null, t)], 20n, 'b');
    expect(takes).toEqual([
      { grantId: 'b', amount: 7n },
      { grantId: 'a', amount: 5n },
    ]);
    expect(unfunded).toBe(8n);
  });

  it('a credit first pays back the debt of a negative balance', () => {
    expect(debtCovered(500n, 1200n)).toBe(0n); // balance was 700
    expect(debtCovered(500n, -300n)).toBe(500n); // was -800: all of it pays debt
    expect(debtCovered(1000n, 200n)).toBe(800n); // was -800
    expect(debtCovered(800n, 0n)).toBe(800n);
  });

  it('planBurn never takes more than a grant holds, and takes + unfunded = the debit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            remaining: fc.bigInt({ min: 0n, max: 10_000n }),
            priority: fc.integer({ min: 0, max: 3 }),
            exp: fc.option(fc.integer({ min: 0, max: 5 })),
          }),
          { maxLength: 12 },
        ),
        fc.bigInt({ min: 1n, max: 50_000n }),
        (specs, amount) => {
          const grants = specs.map((s, i) =>
            grant(`g${String(i).padStart(2, '0')}`, s.remaining, s.priority, s.exp === null ? null : new Date(s.exp * 1000), new Date(i)),
          );
          const { takes, unfunded } = planBurn(grants, amount);
          const total = takes.reduce((n, x) => n + x.amount, 0n);
          expect(total + unfunded).toBe(amount);
          const held = grants.reduce((n, g) => n + g.remaining, 0n);
          expect(unfunded).toBe(amount > held ? amount - held : 0n);
          for (const x of takes) expect(x.amount).toBeLessThanOrEqual(grants.find((g) => g.id === x.grantId)!.remaining);
          // only the last grant touched may be left partially used
          const order = [...grants].filter((g) => g.remaining > 0n).sort(compareBurnOrder);
          takes.slice(0, -1).forEach((x, i) => expect(x.amount).toBe(order[i].remaining));
        },
      ),
    );
  });

  it('maps ledger types to grant kinds and parses grant references', () => {
    expect(grantKindFor('PURCHASE')).toBe('PURCHASE');
    expect(grantKindFor('ADJUSTMENT')).toBe('ADJUSTMENT');
    expect(grantKindFor('REVERSAL')).toBe('REVERSAL');
    const id = '2b0e3c1e-6a43-4a8e-9a51-2f1f9d3c0b77';
    expect(grantIdFromReference(grantReference(id))).toBe(id);
    expect(grantIdFromReference('grant:nope')).toBeNull();
    expect(grantIdFromReference('promo:x')).toBeNull();
    expect(grantIdFromReference(null)).toBeNull();
  });

  it('derives a status', () => {
    const base = { remaining: 5n, expiredAt: null, voidedAt: null, expiresAt: null };
    expect(grantStatus(base)).toBe('ACTIVE');
    expect(grantStatus({ ...base, remaining: 0n })).toBe('SPENT');
    expect(grantStatus({ ...base, expiresAt: new Date(0) })).toBe('EXPIRED');
    expect(grantStatus({ ...base, voidedAt: new Date() })).toBe('VOIDED');
  });
});
