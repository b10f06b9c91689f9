import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startJobs } from '../../src/jobs/runner.js';

const log = pino({ level: 'silent' });

/** A promise and the function that resolves it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('job runner', () => {
  it('runs a job every period, never two runs of it at once', async () => {
    const gate = signal();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const runner = startJobs(
      [
        {
          name: 'slow',
          every: 10,
          run: async () => {
            runs += 1;
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            if (runs === 1) await gate.promise;
            running -= 1;
          },
        },
      ],
      log,
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(100); // the first run is still going: no second one starts
    expect(runs).toBe(1);
    gate.resolve();
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(30);
    expect(runs).toBe(5);
    expect(maxRunning).toBe(1);
    await runner.stop();
  });

  it('goes on after a failed run', async () => {
    let runs = 0;
    const runner = startJobs(
      [
        {
          name: 'flaky',
          every: 10,
          run: async () => {
            runs += 1;
            if (runs === 1) throw new Error('database went away');
          },
        },
      ],
      log,
    );
    await vi.advanceTimersByTimeAsync(30);
    expect(runs).toBe(3);
    await runner.stop();
  });

  it('stop waits for the run in flight and no run starts after it', async () => {
    const gate = signal();
    let runs = 0;
    const runner = startJobs(
      [
        {
          name: 'long',
          every: 10,
          run: async () => {
            runs += 1;
            await gate.promise;
          },
        },
      ],
      log,
    );
    await vi.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
  });

  it('waits for a run in flight only for the grace period at shutdown, then says which job was left', async () => {
    const stuck = signal(); // never resolved: a run whose database went away with Ctrl-C
    const warnings: unknown[] = [];
    const watched = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    const runner = startJobs([{ name: 'stuck', every: 10, run: () => stuck.promise }], watched);
    await vi.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = runner.stop(1_000).then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(stopped).toBe(true);
    expect(warnings).toMatchObject([{ jobs: ['stuck'], graceMs: 1_000, msg: 'jobs still running at shutdown: left to the exit' }]);
  });

  it('skips a job whose period is 0 (switched off)', async () => {
    const run = vi.fn(async () => undefined);
    const runner = startJobs([{ name: 'off', every: 0, run }], log);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
    await runner.stop();
  });
});
