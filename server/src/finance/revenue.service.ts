import type { EntityManager } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { statementPeriod } from './finance.rules.js';
import { cashLines, deferredStateAt, movementLines } from './queries/revenue.queries.js';
import { journalRows, rollForward, tieOut, type JournalRow, type RollForward, type SectionState } from './revenue.rules.js';

export interface MonthRollForward extends RollForward {
  month: string;
  /** The ledger's own figures at the month's end (or now, for the month in progress). */
  state: SectionState;
  /** Where the roll-forward and the ledger disagree; empty when it ties to the millicredit. */
  mismatches: ReturnType<typeof tieOut>;
}

/**
 * Deferred revenue by month: the roll-forward of paid, promotional and goodwill credits and the
 * journal that books it (docs/finance.md). Read in one REPEATABLE READ snapshot, so the movements
 * and the ledger's state are of the same instant.
 */
export class RevenueService {
  constructor(private readonly em: EntityManager) {}

  async rollForward(month: string): Promise<MonthRollForward> {
    const { from, to } = statementPeriod(month);
    return this.snapshot(async (tem) => {
      const r = rollForward(await movementLines(tem, from, to));
      const state = await deferredStateAt(tem, to);
      return { month, ...r, state, mismatches: tieOut(r, state) };
    });
  }

  async journal(month: string): Promise<JournalRow[]> {
    const { from, to } = statementPeriod(month);
    return this.snapshot(async (tem) => journalRows(await movementLines(tem, from, to), await cashLines(tem, from, to)));
  }

  private snapshot<T>(fn: (tem: EntityManager) => Promise<T>): Promise<T> {
    // A fork: the snapshot is a transaction of its own, never a savepoint in a caller's.
    return this.em.fork().transactional(fn, { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
  }
}

/**
 * Where the roll-forward of [from, to) and what the ledger holds at `to` disagree, read on the
 * caller's snapshot (the reconciliation's revenue check runs it up to the end of its day).
 */
export async function revenueTieOut(em: EntityManager, from: Date, to: Date): Promise<ReturnType<typeof tieOut>> {
  return tieOut(rollForward(await movementLines(em, from, to)), await deferredStateAt(em, to));
}
