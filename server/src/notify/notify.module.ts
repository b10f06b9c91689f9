import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { EventBus } from '../shared/events/bus.js';
import { DomainError } from '../shared/errors.js';
import { AlertsService } from './alerts.service.js';
import type { Clock } from './clock.js';
import { DeliveryWorker } from './delivery.worker.js';
import type { DestinationPolicy } from './destination.js';
import { WebhookEndpointsService } from './endpoints.service.js';
import { createHttpSender, type WebhookSender } from './http-sender.js';
import { createMailer } from './mailer.js';
import { SecretBox, loadSecretKey } from './secrets.js';

export interface NotifyOverrides {
  clock?: Clock;
  random?: () => number;
  sender?: WebhookSender;
  resolve?: DestinationPolicy['resolve'];
}

/**
 * Telling people: the outbox delivery worker, webhook endpoints, low-balance thresholds and
 * `credits.exhausted`. The worker is created here and started by the app (`worker.start()` /
 * `worker.stop()`), the two calls a job runner needs to own it.
 */
export function createNotify(orm: MikroORM, config: Config, events: EventBus, log: Logger, overrides: NotifyOverrides = {}) {
  const em = orm.em;
  const notifyLog = log.child({ module: 'notify' });
  const clock = overrides.clock ?? { now: () => new Date() };
  let box: SecretBox | null = null;
  const secrets = () => {
    if (!box) {
      const key = loadSecretKey({ configured: config.WEBHOOK_SECRET_KEY, dataDir: config.dataDir, production: config.isProduction });
      if (!key)
        throw new DomainError(
          'BAD_USER_INPUT',
          'Webhooks are not available: the operator must set WEBHOOK_SECRET_KEY (32 bytes, hex or base64)',
        );
      box = new SecretBox(key);
    }
    return box;
  };
  const policy: DestinationPolicy = { production: config.isProduction, resolve: overrides.resolve };
  const mailer = createMailer(config.SMTP_URL, config.SMTP_FROM);
  const worker = new DeliveryWorker({
    em,
    log: notifyLog,
    secrets,
    sender: overrides.sender ?? createHttpSender(config.WEBHOOK_DEADLINE_MS),
    mailer,
    policy,
    publicAppUrl: config.PUBLIC_APP_URL,
    operatorEmail: config.NOTIFY_OPERATOR_EMAIL ?? config.BOOTSTRAP_ADMIN_EMAIL ?? null,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_HOURS * 3600_000,
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    listenUrl: orm.config.getClientUrl(),
    clock,
    random: overrides.random,
    deadlineMs: config.WEBHOOK_DEADLINE_MS,
    concurrency: config.WEBHOOK_CONCURRENCY,
    endpointConcurrency: config.WEBHOOK_ENDPOINT_CONCURRENCY,
  });
  const alerts = new AlertsService(em, clock, notifyLog);
  events.on('creditsRefused', (r) => void alerts.onRefused(r.accountId, r.requiredMillicredits));
  const endpoints = new WebhookEndpointsService(em, secrets, policy, () => worker.wake());
  return {
    alerts,
    endpoints,
    worker,
    /** The sealed-secret box (created on first use; throws in production without WEBHOOK_SECRET_KEY). */
    secrets,
    /** Whether this process runs the delivery worker (NOTIFY_WORKER, default on). */
    workerEnabled: config.NOTIFY_WORKER !== 'false',
    defaultThreshold: BigInt(config.LOW_BALANCE_THRESHOLD_MILLICREDITS),
    close: () => mailer?.close(),
  };
}
