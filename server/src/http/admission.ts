import { counters } from '../metrics/metrics.js';
import { DomainError } from '../shared/errors.js';

/** A caller that could not be admitted: the queue was full, or it waited longer than allowed. */
export class Overloaded extends DomainError {
  constructor(
    readonly gate: string,
    readonly reason: 'queue_full' | 'queue_timeout',
    readonly retryAfterSeconds: number,
  ) {
    super('SERVICE_UNAVAILABLE', `The server is at capacity (${gate}); retry after ${retryAfterSeconds} s`);
    this.name = 'Overloaded';
  }
}

export interface GateLimits {
  /** At most this many run at once (the ceiling: an adaptive gate may admit fewer, see `adapt`). */
  maxInFlight: number;
  /** At most this many wait for a slot; one more is refused at once. */
  maxQueue: number;
  /** A waiter is refused after this long, so latency stays bounded past capacity. */
  queueTimeoutMs: number;
  /** Adaptive: refuse at once a waiter the measured rate cannot serve in time, and let `adapt` move the limit. */
  adaptive?: boolean;
  /** The adaptive limit never goes below this (default: the smaller of 4 and maxInFlight). */
  minInFlight?: number;
}

/** Completions per second, over the last few seconds (a decaying average). */
class Throughput {
  private windowStart: number;
  private count = 0;
  private rate = 0;

  constructor(private readonly now: () => number) {
    this.windowStart = now();
  }

  completed(): void {
    this.roll();
    this.count++;
  }

  perSecond(): number {
    this.roll();
    return this.rate;
  }

  private roll(): void {
    const elapsed = this.now() - this.windowStart;
    if (elapsed < 500) return;
    const current = (this.count * 1000) / elapsed;
    this.rate = this.rate === 0 ? current : 0.5 * this.rate + 0.5 * current;
    this.count = 0;
    this.windowStart = this.now();
  }
}

/**
 * Admission control for one kind of work on this instance: a bounded number in flight and a
 * bounded FIFO queue. `acquire` resolves with a release function, or rejects with `Overloaded`
 * (the caller answers 503 with Retry-After) instead of letting latency grow without bound.
 *
 * Two things keep it admitting near capacity rather than queueing into timeouts: a waiter that
 * could not be served within the queue timeout at the measured completion rate is refused at
 * once (a fast 503, not one after waiting in vain), and `adapt` lowers the in-flight limit while
 * the process is saturated and raises it back towards the ceiling when it is not.
 */
export class AdmissionGate {
  private inFlight = 0;
  private limit: number;
  private readonly floor: number;
  private readonly waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];
  private readonly throughput: Throughput;

  constructor(
    readonly name: string,
    private readonly limits: GateLimits,
    now: () => number = Date.now,
  ) {
    this.limit = limits.maxInFlight;
    this.floor = Math.min(limits.minInFlight ?? 4, limits.maxInFlight);
    this.throughput = new Throughput(now);
  }

  get stats() {
    return { inFlight: this.inFlight, queued: this.waiting.length };
  }

  /** The in-flight limit in force now (between the floor and maxInFlight). */
  get currentLimit(): number {
    return this.limit;
  }

  /**
   * One control step (AIMD): saturated -> admit 20 % fewer at once; not saturated while callers
   * wait or every slot is taken -> one more, up to the ceiling.
   */
  adapt(saturated: boolean): void {
    if (!this.limits.adaptive) return;
    if (saturated) this.limit = Math.max(this.floor, Math.floor(this.limit * 0.8));
    else if (this.limit < this.limits.maxInFlight && (this.waiting.length > 0 || this.inFlight >= this.limit)) this.limit++;
    while (this.inFlight < this.limit && this.waiting.length) {
      this.inFlight++;
      this.waiting.shift()!.grant();
    }
  }

  private retryAfter(): number {
    return Math.max(1, Math.ceil(this.limits.queueTimeoutMs / 1000));
  }

  private reject(reason: Overloaded['reason']): Overloaded {
    counters.admissionRejected.inc({ gate: this.name, reason });
    return new Overloaded(this.name, reason, this.retryAfter());
  }

  /** Would one more waiter still be served within the queue timeout at the rate calls complete? */
  private wouldWaitTooLong(): boolean {
    if (!this.limits.adaptive) return false;
    const rate = this.throughput.perSecond();
    if (rate <= 0) return false; // nothing measured yet: the bounded queue and its timeout decide
    return ((this.waiting.length + 1) / rate) * 1000 > this.limits.queueTimeoutMs;
  }

  async acquire(): Promise<() => void> {
    if (this.inFlight < this.limit && this.waiting.length === 0) {
      this.inFlight++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.maxQueue || this.wouldWaitTooLong()) throw this.reject('queue_full');
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
      this.throughput.completed();
      // Over a lowered limit the slot is given up rather than handed on.
      if (this.inFlight <= this.limit && this.waiting.length) this.waiting.shift()!.grant();
      else this.inFlight--;
    };
  }
}
