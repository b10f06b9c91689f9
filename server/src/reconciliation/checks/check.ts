import type { EntityManager } from '@mikro-orm/postgresql';
import type { Finding } from '../reconciliation.rules.js';

/** What a check works on: the run, the UTC day it covers, and a way to report progress. */
export interface CheckContext {
  runId: string;
  day: string;
  /** [from, to) of the day in UTC. */
  from: Date;
  to: Date;
  /** The run's own EntityManager, handed to the query functions of `reconciliation/queries/`. */
  em: EntityManager;
  progress(done: number, total: number): Promise<void>;
}

/** A check answers with its findings (none = it agrees), or why it could not run. */
export type CheckOutcome = Finding[] | { skipped: string };

export interface Check {
  name: string;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export const dayBounds = (day: string) => ({
  from: new Date(`${day}T00:00:00Z`),
  to: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000),
});
