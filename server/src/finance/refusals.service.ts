import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../sessions/tokens.js';
import { dayRange, utcDay } from './finance.rules.js';
import { addRefusals, refusalsByDay } from './queries/refusals.queries.js';

/** Where a request was refused for credits (402 INSUFFICIENT_CREDITS). */
export type RefusalSource = 'graphql' | 'proxy';

export interface RefusalDayRow {
  date: string;
  graphql: number;
  proxy: number;
  total: number;
}

/**
 * 402s per UTC day, for the dashboard. A refusal is counted in memory (a flood of 402s must not
 * queue on one row per day) and folded into `refusals_daily` by an upsert: every few seconds by
 * a job, at shutdown, and before this instance answers a report.
 */
export class RefusalTally {
  private pending = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  count(source: RefusalSource): void {
    const key = `${utcDay(this.clock())}|${source}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await addRefusals(
        this.em,
        [...batch].map(([key, count]) => {
          const [day, source] = key.split('|');
          return { day, source, count };
        }),
      );
    } catch (err) {
      // Not lost: counted again with the next flush.
      for (const [key, n] of batch) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
      throw err;
    }
  }

  /** Every UTC day of [from, to), refusals by source (zero on quiet days). */
  async daily(from: Date, to: Date): Promise<RefusalDayRow[]> {
    const { fromDay, toDay } = dayRange(from, to);
    await this.flush();
    return refusalsByDay(this.em, fromDay, toDay);
  }
}
