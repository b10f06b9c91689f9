import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { metrics } from '../metrics/metrics.js';
import { swallowed } from '../shared/errors.js';
import type { Clock } from './clock.js';
import { type ClaimedDelivery, type DeliveryOutcome, NotificationDeliveryEntity } from './deliveries.repository.js';
import { checkDestination, isUnsafeDestination, type DestinationPolicy } from './destination.js';
import type { SendResult, WebhookSender } from './http-sender.js';
import type { Mailer } from './mailer.js';
import { NotificationAttemptEntity } from './attempts.repository.js';
import { RETRY_WINDOW_MS, eventBody, mailFor, retryDelayMs, type OutboxEvent } from './notify.rules.js';
import type { SecretBox } from './secrets.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';
import { OutboxEventEntity } from './outbox.repository.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

export interface AttemptOptions {
  em: EntityManager;
  log: Logger;
  secrets: () => SecretBox;
  sender: WebhookSender;
  mailer: Mailer | null;
  policy: DestinationPolicy;
  publicAppUrl: string;
  /** Continuous failure after which an endpoint is disabled and its owner told. */
  disableAfterMs: number;
  clock: Clock;
  random: () => number;
  /** Total time for one webhook call, destination check included. */
  deadlineMs: number;
}

const elapsed = (started: number) => Math.round(performance.now() - started);
const failed = (error: string, started: number): SendResult => ({
  status: null,
  error: error.slice(0, 300),
  durationMs: elapsed(started),
  excerpt: null,
});

/**
 * One attempt of one claimed delivery, outside any transaction, and its recorded outcome:
 * delivered, retried with backoff, or given up after three days. An endpoint failing continuously
 * for `disableAfterMs` is disabled and its owner told through the outbox itself.
 */
export class DeliveryAttempts {
  constructor(private readonly o: AttemptOptions) {}

  /** True when delivered. `endpoint` is the delivery's endpoint, with its secrets (webhooks only). */
  async run(d: ClaimedDelivery, endpoint: WebhookEndpointEntity | undefined): Promise<boolean> {
    const event: OutboxEvent = {
      id: d.event_id,
      type: d.event_type,
      accountId: d.event_account_id,
      data: d.event_data,
      createdAt: new Date(d.event_created_at),
    };
    let result: SendResult;
    if (d.channel === 'WEBHOOK') {
      if (!endpoint || endpoint.disabledAt !== null || endpoint.deletedAt !== null) {
        await this.o.em.fork().getRepository(NotificationDeliveryEntity).cancelClaimed(d.id);
        return false;
      }
      result = await this.sendWebhook(endpoint, event);
    } else {
      result = await this.sendMail(d.recipient!, event);
    }
    const ok = result.error === null && result.status !== null && result.status >= 200 && result.status < 300;
    try {
      await this.record(d, event, result, ok);
    } catch (err) {
      // Not recorded: the delivery is retried after its lease.
      swallowed(err, 'notify.record-outcome', this.o.log.child({ deliveryId: d.id }));
    }
    return ok;
  }

  private async sendWebhook(endpoint: WebhookEndpointEntity, event: OutboxEvent): Promise<SendResult> {
    const started = performance.now();
    let target;
    try {
      target = await withDeadline(checkDestination(endpoint.url, this.o.policy), this.o.deadlineMs);
    } catch (err) {
      return failed(isUnsafeDestination(err) ? `refused: ${err.message}` : (err as Error).message, started);
    }
    const now = this.o.clock.now();
    const secrets = [this.o.secrets().open(endpoint.secretEnc)];
    if (endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > now) {
      secrets.push(this.o.secrets().open(endpoint.previousSecretEnc));
    }
    const body = eventBody(event);
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(secrets, Math.floor(now.getTime() / 1000), body),
      'creditmeter-event-id': event.id,
      'creditmeter-event-type': event.type,
    };
    return this.o.sender(target, body, headers, { totalMs: this.o.deadlineMs, startedAt: started });
  }

  private async sendMail(to: string, event: OutboxEvent): Promise<SendResult> {
    const started = performance.now();
    if (!this.o.mailer) return { status: null, error: 'mail is not configured (SMTP_URL)', durationMs: 0, excerpt: null };
    const { subject, text } = mailFor(event, this.o.publicAppUrl);
    try {
      await this.o.mailer.send(to, subject, text);
      return { status: 250, error: null, durationMs: elapsed(started), excerpt: null };
    } catch (err) {
      return failed((err as Error).message, started);
    }
  }

  private outcome(d: ClaimedDelivery, event: OutboxEvent, result: SendResult, ok: boolean, now: Date): DeliveryOutcome {
    const giveUp = !ok && now.getTime() - event.createdAt.getTime() >= RETRY_WINDOW_MS;
    return {
      status: ok ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING',
      nextAttemptAt: ok || giveUp ? now : new Date(now.getTime() + retryDelayMs(d.attempts, this.o.random)),
      statusCode: result.status,
      error: ok ? null : (result.error ?? `HTTP ${result.status}`),
      deliveredAt: ok ? now : null,
    };
  }

  private async record(d: ClaimedDelivery, event: OutboxEvent, result: SendResult, ok: boolean): Promise<void> {
    const now = this.o.clock.now();
    const outcome = this.outcome(d, event, result, ok, now);
    const leaseUntil = new Date(d.lease_until);
    await this.o.em.fork().transactional(async (em) => {
      await em.insert(NotificationAttemptEntity, {
        deliveryId: d.id,
        attemptedAt: now,
        statusCode: result.status,
        error: outcome.error,
        durationMs: result.durationMs,
        responseExcerpt: result.excerpt,
      });
      const deliveries = em.getRepository(NotificationDeliveryEntity);
      await deliveries.releaseClaim(d.id, leaseUntil);
      await deliveries.recordOutcome({ id: d.id, attempts: d.attempts, leaseUntil }, outcome);
      if (d.channel === 'WEBHOOK') await this.recordEndpointHealth(em, d.endpoint_id!, ok, now);
    });
    const giveUp = outcome.status === 'FAILED';
    metrics.notificationAttempt(d.channel, ok ? 'delivered' : giveUp ? 'failed' : 'retry');
    if (!ok)
      this.o.log.info(
        { deliveryId: d.id, eventType: event.type, attempts: d.attempts, status: result.status, giveUp },
        'notification delivery failed',
      );
  }

  private async recordEndpointHealth(em: EntityManager, endpointId: string, ok: boolean, now: Date): Promise<void> {
    const endpoints = em.getRepository(WebhookEndpointEntity);
    if (ok) return endpoints.recordSuccess(endpointId, now);
    const failure = await endpoints.recordFailure(endpointId, now, new Date(now.getTime() - this.o.disableAfterMs));
    if (!failure?.disabled) return;
    const { endpoint } = failure;
    await em.getRepository(NotificationDeliveryEntity).cancelPending(endpointId, 'endpoint disabled');
    await em.getRepository(OutboxEventEntity).emit({
      type: 'webhook_endpoint.disabled',
      accountId: endpoint.accountId,
      data: { endpointId, url: endpoint.url, failingSince: endpoint.failingSince!.toISOString(), disabledAt: now.toISOString() },
    });
    this.o.log.warn({ endpointId }, 'webhook endpoint disabled after failing continuously');
  }
}

/** Resolves as `work` does, or rejects once `ms` have passed (the work itself runs on, unheeded). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`deadline: the destination was not checked within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
