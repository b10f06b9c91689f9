import { counters } from '../metrics/metrics.js';

/** A caller that could not be admitted: the queue was full, or it waited longer than allowed. */
export class Overloaded extends Error {
  constructor(
    readonly gate: string,
    readonly reason: 'queue_full' | 'queue_timeout',
    readonly retryAfterSeconds: number,
  ) {
    super(`The server is at capacity (${gate}); retry after ${retryAfterSeconds} s`);
    this.name = 'Overloaded';
  }
}

export interface GateLimits {
  /** At most this many run at once. */
  maxInFlight: number;
  /** At most this many wait for a slot; one more is refused at once. */
  maxQueue: number;
  /** A waiter is refused after this long, so latency stays bounded past capacity. */
  queueTimeoutMs: number;
}

/**
 * Admission control for one kind of work on this instance: a bounded number in flight and a
 * bounded FIFO queue. `acquire` resolves with a release function, or rejects with `Overloaded`
 * (the caller answers 503 with Retry-After) instead of letting latency grow without bound.
 */
export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly name: string,
    private readonly limits: GateLimits,
  ) {}

  get stats() {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.limits.queueTimeoutMs / 1000));
  }

  private reject(reason: Overloaded['reason']): Overloaded {
    counters.admissionRejected.inc({ gate: this.name, reason });
    return new Overloaded(this.name, reason, this.retryAfter());
  }

  async acquire(): Promise<() => void> {
    if (this.inFlight < this.limits.maxInFlight) {
      this.inFlight++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.maxQueue) throw this.reject('queue_full');
    await new Promise<void>((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(this.reject('queue_timeout'));
        }, this.limits.queueTimeoutMs),
      };
      this.waiting.push(entry);
    });
    return this.releaser(); // the slot was handed over by the releaser below: inFlight already counts it
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.inFlight--;
    };
  }
}
