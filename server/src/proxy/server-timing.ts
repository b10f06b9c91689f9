import { performance } from 'node:perf_hooks';

/** The `Server-Timing` metric names of a proxy call, in the order a call passes them. */
export const TIMING_PHASES = ['admission', 'auth', 'checks', 'tokens', 'hold', 'upstream', 'settle'] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

export const SERVER_TIMING_HEADER = 'server-timing';

/**
 * Where a proxy call's time goes, as one small object per request: each `enter` closes the phase
 * in progress, so every millisecond from the admission queue on is counted in exactly one phase.
 * `header()` includes the phase in progress up to now: an error answer carries the phases reached.
 */
export class ServerTiming {
  admission = -1;
  auth = -1;
  checks = -1;
  tokens = -1;
  hold = -1;
  upstream = -1;
  settle = -1;
  private current: TimingPhase | null = null;
  private at = performance.now();

  /** Closes the phase in progress and starts `phase` (re-entering a phase adds to it). */
  enter(phase: TimingPhase): void {
    const now = performance.now();
    this.close(now);
    this.current = phase;
    this.at = now;
  }

  /** Closes the phase in progress. */
  stop(): void {
    this.close(performance.now());
    this.current = null;
  }

  /** W3C Server-Timing: `admission;dur=0.12, auth;dur=0.40, …` for every phase reached, in ms. */
  header(): string {
    const now = performance.now();
    let out = '';
    for (const phase of TIMING_PHASES) {
      let ms = this[phase];
      if (phase === this.current) ms = Math.max(ms, 0) + (now - this.at);
      if (ms < 0) continue;
      out += `${out ? ', ' : ''}${phase};dur=${ms.toFixed(2)}`;
    }
    return out;
  }

  private close(now: number): void {
    if (this.current) this[this.current] = Math.max(this[this.current], 0) + (now - this.at);
  }
}

/** A header value (or trailer) parsed back: metric name -> duration in ms (NaN when it has none). */
export function parseServerTiming(value: string | null | undefined): Map<string, number> {
  const metrics = new Map<string, number>();
  for (const entry of (value ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    if (!name) continue;
    const dur = params.map((p) => p.trim().split('=')).find(([k]) => k.toLowerCase() === 'dur');
    metrics.set(name.trim(), dur ? Number(dur[1]) : NaN);
  }
  return metrics;
}
