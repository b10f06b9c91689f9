import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Preloaded into a bench server (`--import cpu-profile-hook.js`): SIGUSR2 starts a CPU profile,
 * the next SIGUSR2 writes it to BENCH_CPU_PROFILE_DIR/<n>.cpuprofile and prints "profiled <file>".
 * So a profile covers one measured window, not the server's start-up.
 */
const dir = process.env.BENCH_CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
let running = false;
let n = 0;

process.on('SIGUSR2', () => {
  void (async () => {
    if (!running) {
      running = true;
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      process.stdout.write('profiling\n');
      return;
    }
    running = false;
    const { profile } = await session.post('Profiler.stop');
    const file = `${dir}/${process.pid}-${n++}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    process.stdout.write(`profiled ${file}\n`);
  })();
});
