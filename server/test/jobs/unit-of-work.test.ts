import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentEm } from '../../src/db/unit-of-work.js';
import { startJobs } from '../../src/jobs/runner.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';

const log = pino({ level: 'silent' });
let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase(4);
});
afterAll(async () => {
  await db?.close();
});

describe('job runner: one unit of work per run', () => {
  it('gives every service call in a run the same EntityManager, and each run its own', async () => {
    const seen: EntityManager[][] = [];
    let done!: () => void;
    const twoRuns = new Promise<void>((resolve) => (done = resolve));
    const runner = startJobs(
      [
        {
          name: 'probe',
          every: 1,
          run: async () => {
            const run: EntityManager[] = [currentEm(db.orm.em)];
            await currentEm(db.orm.em).execute('select 1');
            run.push(currentEm(db.orm.em));
            // Inside a transaction of the run, its own EntityManager; after it, the run's again.
            await currentEm(db.orm.em).transactional(async (tem) => {
              run.push(currentEm(db.orm.em));
              expect(currentEm(db.orm.em)).toBe(tem);
            });
            run.push(currentEm(db.orm.em));
            seen.push(run);
            if (seen.length === 2) done();
          },
        },
      ],
      log,
      db.orm.em,
    );
    await twoRuns;
    await runner.stop();

    const [first, second] = seen;
    expect(first[0]).not.toBe(db.orm.em);
    expect(first[1]).toBe(first[0]);
    expect(first[2]).not.toBe(first[0]);
    expect(first[3]).toBe(first[0]);
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(second[0]);
    expect(second[3]).toBe(second[0]);
  });

  it('outside a run (no em given to the runner) each call gets a fresh EntityManager', async () => {
    const seen: EntityManager[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const runner = startJobs(
      [
        {
          name: 'bare',
          every: 1,
          run: async () => {
            seen.push(currentEm(db.orm.em), currentEm(db.orm.em));
            done();
          },
        },
      ],
      log,
    );
    await ran;
    await runner.stop();
    expect(seen[0]).not.toBe(seen[1]);
  });
});
