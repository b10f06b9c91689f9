import { swallowed } from '../shared/errors.js';
import { systemClock, type Clock } from './clock.js';
import { type ClaimedDelivery, NotificationDeliveryEntity } from './deliveries.repository.js';
import { DeliveryAttempts, type AttemptOptions } from './delivery-attempt.js';
import { dispatchEvents } from './dispatch.js';
import { DELIVERY_DEADLINE_MS } from './http-sender.js';
import { CLAIM_LEASE_MS, MAIL_EVENT_TYPES } from './notify.rules.js';
import { OutboxListener } from './queries/outbox-listener.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

/** What a worker needs: what its attempts need, and how it wakes, claims and dispatches. */
export interface DeliveryWorkerOptions extends Omit<AttemptOptions, 'clock' | 'random' | 'deadlineMs'> {
  operatorEmail: string | null;
  /** Backstop poll period: a lost wake-up delays delivery by at most this much. */
  pollIntervalMs: number;
  /** LISTENs here for the outbox's commit-time NOTIFY (null: poll and in-process wakes only). */
  listenUrl: string | null;
  clock?: Clock;
  random?: () => number;
  batchSize?: number;
  /** Deliveries in flight at once in this process, all endpoints together. */
  concurrency?: number;
  /** Deliveries in flight at once per endpoint (the SMTP relay counts as one endpoint), across instances. */
  endpointConcurrency?: number;
  /** Total time for one webhook call, destination check included. */
  deadlineMs?: number;
}

export interface PassResult {
  dispatched: number;
  attempted: number;
  delivered: number;
}

/** What a loop pass did: the attempts it started run on without it. */
interface Pass {
  dispatched: number;
  started: Promise<boolean>[];
  /** Claimed as many as it had room for: more may be due. */
  filled: boolean;
  claimedAt: Date;
}

/**
 * Delivers the outbox. A pass fans new events out to deliveries (one per subscribed endpoint, and
 * one mail per alert when SMTP is set), then claims due deliveries with a lease (SKIP LOCKED, so
 * instances share the work and a crashed worker's claims come back), starts their calls outside
 * any transaction and returns without waiting for them; each records its own outcome
 * (DeliveryAttempts).
 *
 * Isolation: a call ends at its total deadline; at most `endpointConcurrency` deliveries per
 * endpoint are in flight (counted in the database, so across instances), and the claim skips an
 * endpoint that is full and takes each endpoint's oldest due ones first, so a slow endpoint's
 * backlog never stands in front of another's. At most `concurrency` calls run in this process;
 * a finished call wakes the loop to fill its place.
 *
 * It wakes at commit of any outbox insert (PostgreSQL NOTIFY from the outbox trigger, sent only
 * by transactions that wrote an event), on `wake()`, when the next retry falls due, and every
 * `pollIntervalMs` as a backstop. At least once: a receiver may see an event id twice.
 *
 * Start/stop is all a job runner needs: `start()` begins the loop, `stop()` ends it and waits.
 */
export class DeliveryWorker {
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly endpointConcurrency: number;
  private readonly attempts: DeliveryAttempts;
  private readonly inFlight = new Set<Promise<boolean>>();
  private readonly listener: OutboxListener | null;
  private running = false;
  private loopDone: Promise<void> | null = null;
  private wakeRequested = false;
  private wakeup: (() => void) | null = null;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.clock = o.clock ?? systemClock;
    this.batchSize = o.batchSize ?? 100;
    this.concurrency = o.concurrency ?? 16;
    this.endpointConcurrency = o.endpointConcurrency ?? 2;
    this.attempts = new DeliveryAttempts({
      ...o,
      clock: this.clock,
      random: o.random ?? Math.random,
      deadlineMs: o.deadlineMs ?? DELIVERY_DEADLINE_MS,
    });
    this.listener = o.listenUrl ? new OutboxListener(o.listenUrl, Math.min(o.pollIntervalMs, 5000), o.log, () => this.wake()) : null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener?.start();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    const listenerStopped = this.listener?.stop();
    this.wake();
    await this.loopDone;
    this.loopDone = null;
    await Promise.allSettled([...this.inFlight]); // each ends by its deadline
    await listenerStopped;
  }

  /** Run a pass now (after an in-process change such as a redelivery). */
  wake(): void {
    this.wakeRequested = true;
    const wakeup = this.wakeup;
    this.wakeup = null;
    wakeup?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      const delay = await this.passAndDelay();
      if (this.wakeRequested || !this.running || delay === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref();
        this.wakeup = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeup = null;
    }
  }

  /** One loop pass; how long to sleep after it (0: go again at once). */
  private async passAndDelay(): Promise<number> {
    let delay = this.o.pollIntervalMs;
    try {
      const pass = await this.pass();
      if (pass.dispatched >= this.batchSize || (pass.filled && this.inFlight.size < this.concurrency)) return 0;
      // Due deliveries left unclaimed wait for a place (a finished call wakes us); only later ones set the timer.
      const next = await this.o.em.fork().getRepository(NotificationDeliveryEntity).nextDueAfter(pass.claimedAt);
      if (next) delay = Math.max(0, Math.min(delay, next.getTime() - this.clock.now().getTime()));
    } catch (err) {
      swallowed(err, 'notify.delivery-pass', this.o.log); // the next pass tries again
    }
    return delay;
  }

  /** One pass that also waits for the attempts it started (for tests and scripts; the loop never waits). */
  async runOnce(): Promise<PassResult> {
    const { dispatched, started } = await this.pass();
    const outcomes = await Promise.all(started);
    return { dispatched, attempted: started.length, delivered: outcomes.filter(Boolean).length };
  }

  /** Fans out new events, claims what there is room for and starts those attempts without waiting for them. */
  private async pass(): Promise<Pass> {
    const mailTypes = this.o.mailer ? MAIL_EVENT_TYPES : [];
    const dispatched = await dispatchEvents(this.o.em, this.clock.now(), {
      batchSize: this.batchSize,
      mailTypes,
      operatorEmail: this.o.operatorEmail,
    });
    const room = Math.min(this.batchSize, this.concurrency - this.inFlight.size);
    const claimedAt = this.clock.now();
    const claimed = room > 0 ? await this.claim(claimedAt, room) : [];
    return {
      dispatched,
      started: claimed.map((c) => this.track(c.delivery, c.endpoint)),
      filled: room > 0 && claimed.length >= room,
      claimedAt,
    };
  }

  /** Claims due deliveries (each worker's statements on a fork of its own: it is its own unit of work) and reads their endpoints. */
  private async claim(now: Date, limit: number) {
    const em = this.o.em.fork();
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
    const claimed = await em.getRepository(NotificationDeliveryEntity).claimDue(now, lease, limit, this.endpointConcurrency);
    const endpointIds = [...new Set(claimed.flatMap((d) => (d.endpoint_id ? [d.endpoint_id] : [])))];
    const endpoints = new Map((await em.getRepository(WebhookEndpointEntity).withSecrets(endpointIds)).map((e) => [e.id, e]));
    return claimed.map((delivery) => ({ delivery, endpoint: delivery.endpoint_id ? endpoints.get(delivery.endpoint_id) : undefined }));
  }

  private track(d: ClaimedDelivery, endpoint: WebhookEndpointEntity | undefined): Promise<boolean> {
    const attempt: Promise<boolean> = this.attempts
      .run(d, endpoint)
      .catch((err: unknown) => {
        // A bad sealed secret, say: nothing recorded, so the delivery comes back after its lease.
        swallowed(err, 'notify.delivery-attempt', this.o.log.child({ deliveryId: d.id }));
        return false;
      })
      .finally(() => {
        this.inFlight.delete(attempt);
        if (this.running) this.wake();
      });
    this.inFlight.add(attempt);
    return attempt;
  }
}
