import type { EntityManager } from '@mikro-orm/postgresql';
import { currentEm } from '../db/unit-of-work.js';
import { foldPostings, foldUsage } from './queries/fold.queries.js';
import { jitOff, moveWatermark, readWatermark, stillRunning, visibleBound, writersInFlight } from './queries/rollup.queries.js';
import type { Watermark } from './queries/tail.js';

export interface RollupResult {
  /** False when a long writer transaction kept the safe bound from advancing this time. */
  advanced: boolean;
  usageRows: number;
  postings: number;
  usageSeq: bigint;
  postingId: bigint;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Folds new usage rows and customer postings into the daily rollups, asynchronously: the charge
 * path never touches a rollup row (a global per-day row would serialise every charge).
 *
 * Ids (usage seq, posting id) are drawn from sequences at insert time, but transactions commit in
 * any order, so "max id seen" is not a safe watermark: a slower transaction may still commit a
 * smaller id. The bound is made safe by waiting for exactly the transactions that could hold one:
 *  1. read B = the highest visible ids;
 *  2. then list the transactions holding a RowExclusiveLock on usage_records or ledger_postings.
 *     PostgreSQL takes that lock when it parses the INSERT, before any default (the identity) is
 *     evaluated, so every transaction that drew an id <= B and had not committed at step 1 is in
 *     this list (or has finished since);
 *  3. wait until those transactions have ended (their virtualxid locks are gone: charges are
 *     millisecond-short, so this is normally immediate);
 *  4. in one transaction, under the state row's lock, aggregate the ids in (watermark, B] into the
 *     rollups and move the watermark to B. Re-running is harmless: the range is gone.
 * Unlike waiting for pg_snapshot_xmin, an unrelated long transaction (another database on the
 * server, a batch job on other tables) does not stall the rollup. Rows above B stay in the "tail"
 * that reports read live, so nothing is lost and nothing is counted twice. If a long writer on
 * these tables blocks step 3, this run skips and the tail grows; reports stay exact.
 */
export async function runRollup(em: EntityManager, opts: { waitMs?: number } = {}): Promise<RollupResult> {
  const uow = currentEm(em);
  const bound = await visibleBound(uow);
  if (!(await writersEnded(uow, await writersInFlight(uow), opts.waitMs ?? 2000))) {
    const state = await readWatermark(uow);
    return { advanced: false, usageRows: 0, postings: 0, ...state };
  }
  return uow.transactional(async (tx) => {
    await jitOff(tx);
    const from = await readWatermark(tx, true);
    const to: Watermark = {
      usageSeq: bound.usageSeq > from.usageSeq ? bound.usageSeq : from.usageSeq,
      postingId: bound.postingId > from.postingId ? bound.postingId : from.postingId,
    };
    const { usageRows, postings } = await foldRange(tx, {
      fromU: from.usageSeq,
      toU: to.usageSeq,
      fromP: from.postingId,
      toP: to.postingId,
    });
    await moveWatermark(tx, to);
    return { advanced: true, usageRows, postings, ...to };
  });
}

/** Step 3: waits (polling) until the given transactions have ended; false when `waitMs` passed first. */
async function writersEnded(em: EntityManager, inFlight: string[], waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (inFlight.length) {
    if ((await stillRunning(em, inFlight)) === 0) return true;
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/**
 * Adds the usage rows with seq in (fromU, toU] and the customer postings with id in (fromP, toP]
 * to the rollups. Only `runRollup` calls it with live bounds (it moves the watermark in the same
 * transaction); exported so a test can fold a range whose bound splits a transaction.
 */
export async function foldRange(
  tx: EntityManager,
  range: { fromU: bigint; toU: bigint; fromP: bigint; toP: bigint },
): Promise<{ usageRows: number; postings: number }> {
  const { fromU, toU, fromP, toP } = range;
  return {
    usageRows: toU > fromU ? await foldUsage(tx, fromU, toU) : 0,
    postings: toP > fromP ? await foldPostings(tx, fromP, toP) : 0,
  };
}
