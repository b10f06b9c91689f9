import type { EntityManager } from '@mikro-orm/postgresql';
import { IsolationLevel } from '@mikro-orm/core';
import { jitOff, readWatermark } from './queries/rollup.queries.js';
import type { Watermark } from './queries/tail.js';

/**
 * Runs `fn` in one REPEATABLE READ snapshot with the rollups' watermark, so the watermark cannot
 * move between reading it and reading the rollups and the tail: every row is counted once.
 * A fork: the snapshot is a transaction of its own, never a savepoint in a caller's.
 */
export function rollupSnapshot<T>(em: EntityManager, fn: (tem: EntityManager, wm: Watermark) => Promise<T>): Promise<T> {
  return em.fork().transactional(
    async (tem) => {
      await jitOff(tem);
      return fn(tem, await readWatermark(tem));
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
