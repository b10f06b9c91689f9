import type { EntityManager } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { sqlOf, toBigInt, type Sql } from '../db/sql.js';

/** The rollups hold every row up to here; reports add the rows above it (the tail) live. */
export interface Watermark {
  usageSeq: bigint;
  postingId: bigint;
}

/**
 * Runs `fn` in one REPEATABLE READ snapshot with the rollups' watermark, so the watermark cannot
 * move between reading it and reading the rollups and the tail: every row is counted once.
 * A fork: the snapshot is a transaction of its own, never a savepoint in a caller's.
 */
export function rollupSnapshot<T>(em: EntityManager, fn: (sql: Sql, wm: Watermark) => Promise<T>): Promise<T> {
  return em.fork().transactional(
    async (tem) => {
      const sql = sqlOf(tem as EntityManager);
      // Small indexed reads: JIT compilation would cost more than the query itself.
      await sql.query(`set local jit = off`);
      const [s] = await sql.query<{ usage_seq: string; posting_id: string }>(
        `select usage_seq, posting_id from finance_rollup_state where id = 1`,
      );
      return fn(sql, { usageSeq: toBigInt(s.usage_seq), postingId: toBigInt(s.posting_id) });
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
