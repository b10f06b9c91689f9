import type { Sql } from '../db/sql.js';
import type { LedgerEntryType } from './ledger.types.js';

/** A posted movement of a customer's credits, seen inside its own database transaction. */
export interface PostedMovement {
  transactionId: string;
  accountId: string;
  type: LedgerEntryType;
  /** Signed change of the customer's posted balance. */
  delta: bigint;
  reversalOfId: string | null;
  referenceId: string | null;
}

export type PostingHook = (sql: Sql, movement: PostedMovement) => Promise<void>;

/**
 * Work that must commit or roll back with every ledger movement. The built-in hook (grants) runs
 * inside the engine's database functions (`creditmeter_grants_on_movement`); hooks registered
 * here run after the engine's call in the same transaction (which then costs a BEGIN and a
 * COMMIT more), after the account row is locked and updated, so they read committed state as of
 * that lock.
 */
export class PostingHooks {
  private readonly hooks: PostingHook[] = [];

  register(hook: PostingHook): void {
    this.hooks.push(hook);
  }

  get empty(): boolean {
    return this.hooks.length === 0;
  }

  async run(sql: Sql, movement: PostedMovement): Promise<void> {
    for (const hook of this.hooks) await hook(sql, movement);
  }
}
