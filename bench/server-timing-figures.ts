import { parseServerTiming, TIMING_PHASES } from '../server/src/proxy/server-timing.js';
import { fmt } from './report-support.js';

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `admission p50 0.01 / p99 0.20 ms; auth …` over the responses' Server-Timing values (phases absent from all are left out). */
export function phasePercentiles(values: readonly string[]): string {
  const byPhase = new Map<string, number[]>(TIMING_PHASES.map((phase) => [phase, []]));
  for (const value of values) for (const [name, dur] of parseServerTiming(value)) if (Number.isFinite(dur)) byPhase.get(name)?.push(dur);
  const parts: string[] = [];
  for (const [phase, durs] of byPhase) {
    if (!durs.length) continue;
    durs.sort((a, b) => a - b);
    parts.push(`${phase} p50 ${fmt(quantile(durs, 50), 2)} / p99 ${fmt(quantile(durs, 99), 2)} ms`);
  }
  return `${values.length} responses: ${parts.join('; ') || 'no Server-Timing header seen'}`;
}

/**
 * Per response, the server's own time: every Server-Timing phase but `upstream` (admission wait
 * and auth included, which the overhead header leaves out). On a stream's headers that is all the
 * server did before the provider's first chunk could be forwarded.
 */
export function nonUpstreamMs(values: readonly string[]): number[] {
  return values.map((value) => {
    let ms = 0;
    for (const [name, dur] of parseServerTiming(value)) if (name !== 'upstream' && Number.isFinite(dur)) ms += dur;
    return ms;
  });
}
