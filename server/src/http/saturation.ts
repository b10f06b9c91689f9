import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Above this share of wall time spent running JavaScript, the process is saturated: queueing more only adds latency. */
export const SATURATED_UTILIZATION = 0.85;
const SAMPLE_MS = 250;

/**
 * Samples this process's event-loop utilisation every 250 ms and reports whether it was
 * saturated, so admission control can admit what the CPU can actually serve (it is the signal
 * for "our own overhead grows", whatever the provider's latency). The timer never keeps the
 * process alive.
 */
export function watchSaturation(report: (saturated: boolean) => void): { stop(): void } {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(now, last);
    last = now;
    report(delta.utilization > SATURATED_UTILIZATION);
  }, SAMPLE_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
