import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryWorker } from '../../src/notify/delivery.worker.js';
import { createHttpSender } from '../../src/notify/http-sender.js';
import { createMailer } from '../../src/notify/mailer.js';
import { emitEvent } from '../../src/notify/outbox.js';
import { verifySignature } from '../../src/notify/signature.js';
import { counterValue, counters } from '../../src/metrics/metrics.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { SmtpSink, WebhookSink } from './sinks.js';

const Create = `mutation Create($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url events createdAt disabledAt accountId } }
}`;
const Deliveries = `query D($id: ID!) { webhookDeliveries(endpointId: $id) { totalCount edges { node {
  id eventId eventType status attempts lastStatusCode lastError attemptLog { statusCode error } } } } }`;

let t: TestApp;
let sink: WebhookSink;
let smtp: SmtpSink;
let now: Date;
let worker: DeliveryWorker;
/** Runs while a delivery is in flight (after the receiver answered, before the outcome is recorded). */
let duringSend: (() => Promise<void>) | null = null;
const http = createHttpSender(5000);

beforeAll(async () => {
  sink = await new WebhookSink().start();
  smtp = await new SmtpSink().start();
  // The app's own worker is off: this file drives one with a clock of its own.
  t = await startTestApp({ NOTIFY_WORKER: 'false', SMTP_URL: smtp.url });
  now = new Date(); // events are stamped by the database clock: start from it, then move ahead
  worker = new DeliveryWorker({
    em: t.services.orm.em,
    log: pino({ level: 'silent' }),
    secrets: t.services.notify.secrets,
    sender: async (target, body, headers) => {
      const result = await http(target, body, headers);
      await duringSend?.();
      return result;
    },
    mailer: createMailer(smtp.url, 'alerts@example.test'),
    policy: { production: false },
    publicAppUrl: 'https://app.example.test',
    operatorEmail: 'ops@example.test',
    disableAfterMs: 24 * 3600_000,
    pollIntervalMs: 60_000,
    listenUrl: null,
    clock: { now: () => now },
    random: () => 0.5, // no jitter: the schedule is exactly 30 s, 60 s, 120 s, ...
  });
});
afterAll(async () => {
  await t?.close();
  await sink?.stop();
  await smtp?.stop();
});

const advance = (ms: number) => (now = new Date(now.getTime() + ms));

async function endpointFor(key: string, events = ['*']) {
  const res = await t.gql(Create, { input: { url: sink.url, events } }, key);
  expect(res.errors).toBeUndefined();
  return res.data.createWebhookEndpoint as { secret: string; endpoint: { id: string } };
}

async function emit(accountId: string, type = 'purchase.fulfilled', data: Record<string, unknown> = { purchaseId: 'p1' }) {
  return t.services.orm.em.fork().transactional((tem) => emitEvent(tem, { type, accountId, data }));
}

describe('delivery with retries', () => {
  it('retries on failure with exponential backoff, then delivers the same signed event once it succeeds', async () => {
    const user = await t.account();
    const { secret, endpoint } = await endpointFor(user.key, ['purchase.fulfilled']);
    const eventId = await emit(user.id);
    sink.answers = [500, 503];
    const seen = sink.received.length;

    const retriesBefore = await counterValue(counters.notificationAttempts, { channel: 'webhook', outcome: 'retry' });
    expect(await worker.runOnce()).toMatchObject({ dispatched: 1, attempted: 1, delivered: 0 });
    // Not due yet: nothing is attempted until the clock reaches the backoff.
    advance(29_000);
    expect((await worker.runOnce()).attempted).toBe(0);
    advance(1_000);
    expect(await worker.runOnce()).toMatchObject({ attempted: 1, delivered: 0 });
    advance(59_000);
    expect((await worker.runOnce()).attempted).toBe(0);
    advance(1_000);
    expect(await worker.runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    advance(3600_000);
    expect((await worker.runOnce()).attempted).toBe(0);

    expect(await counterValue(counters.notificationAttempts, { channel: 'webhook', outcome: 'retry' })).toBe(retriesBefore + 2);
    const got = sink.received.slice(seen);
    expect(got).toHaveLength(3);
    for (const r of got) {
      // As a receiver would: the raw body and the header, with the secret shown at creation.
      const verified = verifySignature(r.headers['creditmeter-signature'] as string, r.rawBody, secret, {
        nowSeconds: Math.floor(now.getTime() / 1000),
        toleranceSeconds: 7200,
      });
      expect(verified.ok).toBe(true);
      expect(r.body).toMatchObject({ id: eventId, type: 'purchase.fulfilled', data: { purchaseId: 'p1' } });
      expect(r.headers['creditmeter-event-id']).toBe(eventId);
    }
    expect(new Set(got.map((r) => r.rawBody)).size).toBe(1); // byte-identical on every attempt
    const ts = got.map((r) => Number(/t=(\d+)/.exec(r.headers['creditmeter-signature'] as string)![1]));
    expect([ts[1] - ts[0], ts[2] - ts[1]]).toEqual([30, 60]);

    const log = await t.gql(Deliveries, { id: endpoint.id }, user.key);
    expect(log.data.webhookDeliveries.totalCount).toBe(1);
    expect(log.data.webhookDeliveries.edges[0].node).toMatchObject({
      eventId,
      status: 'DELIVERED',
      attempts: 3,
      lastStatusCode: 200,
      attemptLog: [{ statusCode: 200 }, { statusCode: 503 }, { statusCode: 500 }],
    });
  });

  it('keeps a redelivery requested while an attempt is in flight', async () => {
    const user = await t.account();
    const { endpoint } = await endpointFor(user.key, ['purchase.fulfilled']);
    const eventId = await emit(user.id);
    const seen = sink.received.length;
    const admin = (await t.services.auth.authenticate(t.adminKey))!;
    duringSend = async () => {
      duringSend = null;
      await t.services.notify.endpoints.redeliver(admin, endpoint.id, eventId);
    };
    expect(await worker.runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    const [row] = await t.db.query<{ status: string }>(`select status from notification_deliveries where endpoint_id = $1`, [endpoint.id]);
    expect(row.status).toBe('PENDING'); // the in-flight success did not swallow the request
    expect(await worker.runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(sink.received.slice(seen).map((r) => r.body.id)).toEqual([eventId, eventId]);
  });

  it('sends an event only to endpoints subscribed to its type, of its account or the operator', async () => {
    const user = await t.account();
    const other = await t.account();
    const mine = await endpointFor(user.key, ['purchase.refunded']);
    const theirs = await endpointFor(other.key, ['*']);
    const operator = (await t.gql(Create, { input: { url: sink.url, events: ['purchase.refunded'], allAccounts: true } })).data
      .createWebhookEndpoint;
    await emit(user.id, 'purchase.refunded');
    await emit(user.id, 'purchase.fulfilled');
    await worker.runOnce();
    const targets = await t.db.query<{ endpoint_id: string; type: string }>(
      `select d.endpoint_id, e.type from notification_deliveries d join outbox_events e on e.id = d.event_id where e.account_id = $1 and d.channel = 'WEBHOOK'`,
      [user.id],
    );
    expect(targets.map((r) => `${r.endpoint_id}:${r.type}`).sort()).toEqual(
      [`${mine.endpoint.id}:purchase.refunded`, `${operator.endpoint.id}:purchase.refunded`].sort(),
    );
    expect(targets.some((r) => r.endpoint_id === theirs.endpoint.id)).toBe(false);
    await t.gql(`mutation { disableWebhookEndpoint(id: "${operator.endpoint.id}") { disabledAt } }`);
  });

  it('gives up after three days, disables an endpoint failing for a day and tells its owner by mail', async () => {
    const user = await t.account();
    const { endpoint } = await endpointFor(user.key, ['purchase.fulfilled']);
    await emit(user.id);
    sink.answers = Array(100).fill(500);
    await worker.runOnce();
    // Keep failing, following the schedule, until the day of continuous failure has passed.
    let guard = 0;
    while (guard++ < 40) {
      const [row] = await t.db.query<{ disabled_at: Date | null; next: Date }>(
        `select e.disabled_at, min(d.next_attempt_at) as next from webhook_endpoints e left join notification_deliveries d on d.endpoint_id = e.id and d.status = 'PENDING' where e.id = $1 group by e.id`,
        [endpoint.id],
      );
      if (row.disabled_at) break;
      now = new Date(row.next);
      await worker.runOnce();
    }
    const [ep] = await t.db.query<{ disabled_at: Date; disabled_reason: string }>(
      `select disabled_at, disabled_reason from webhook_endpoints where id = $1`,
      [endpoint.id],
    );
    expect(ep.disabled_reason).toBe('failing');
    const [delivery] = await t.db.query<{ status: string }>(`select status from notification_deliveries where endpoint_id = $1`, [
      endpoint.id,
    ]);
    expect(delivery.status).toBe('CANCELLED');
    const disabled = await t.db.query(`select data from outbox_events where account_id = $1 and type = 'webhook_endpoint.disabled'`, [
      user.id,
    ]);
    expect(disabled).toHaveLength(1);

    const mails = smtp.mails.length;
    await worker.runOnce();
    await smtp.next(mails + 1);
    const mail = smtp.mails[mails];
    expect(mail.to).toEqual([(await t.services.accounts.get(user.id)).email]);
    expect(mail.text).toContain('A webhook endpoint was disabled');
    sink.answers = [];

    // An endpoint that keeps answering but never 2xx: an event older than three days is given up.
    const second = await endpointFor(user.key, ['purchase.refunded']);
    await emit(user.id, 'purchase.refunded');
    sink.answers = Array(100).fill(500);
    await worker.runOnce();
    advance(3 * 24 * 3600_000 + 1000);
    // Keep this endpoint enabled (as if it had succeeded meanwhile for other events) to see the give-up alone.
    await t.db.query(`update webhook_endpoints set failing_since = null where id = $1`, [second.endpoint.id]);
    await worker.runOnce();
    const [given] = await t.db.query<{ status: string }>(`select status from notification_deliveries where endpoint_id = $1`, [
      second.endpoint.id,
    ]);
    expect(given.status).toBe('FAILED');
    sink.answers = [];
  });

  it('mails low-balance alerts with a link to the Credits page', async () => {
    const user = await t.account(2_000_000n);
    await t.gql(`mutation { setLowBalanceThreshold(thresholdMillicredits: "3000000") { alerted } }`, {}, user.key);
    const mails = smtp.mails.length;
    await worker.runOnce();
    await smtp.next(mails + 1);
    const mail = smtp.mails.find((m, i) => i >= mails && m.text.includes('Your credit balance is low'))!;
    expect(mail).toBeTruthy();
    expect(mail.text).toContain('https://app.example.test/credits');
    expect(mail.text).toContain('2000.000 credits');
  });
});
