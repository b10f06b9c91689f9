import type { EntityManager } from '@mikro-orm/postgresql';
import { type UndispatchedEvent, OutboxEventEntity } from './outbox.repository.js';
import { NotificationDeliveryEntity } from './deliveries.repository.js';
import { WebhookEndpointEntity } from './webhook-endpoints.repository.js';

interface DispatchOptions {
  batchSize: number;
  /** Event types also mailed (empty when SMTP is not set). */
  mailTypes: readonly string[];
  /** Receives the mail of operator-wide events. */
  operatorEmail: string | null;
}

/** Does the endpoint receive this event? Its account's (or any, for the operator's) and a type it subscribes to. */
const subscribes = (endpoint: WebhookEndpointEntity, event: UndispatchedEvent) =>
  (endpoint.accountId === null || endpoint.accountId === event.accountId) &&
  (endpoint.events.includes(event.type) || endpoint.events.includes('*'));

/**
 * New events become deliveries, in one transaction: one per enabled endpoint subscribed to the
 * type, one mail per alert. The events are locked while it runs and skipped by other instances.
 * Returns how many events it dispatched.
 */
export function dispatchEvents(root: EntityManager, now: Date, o: DispatchOptions): Promise<number> {
  return root.fork().transactional(async (em) => {
    const outbox = em.getRepository(OutboxEventEntity);
    const events = await outbox.lockUndispatched(o.batchSize);
    if (!events.length) return 0;
    const accountIds = [...new Set(events.flatMap((e) => (e.accountId === null ? [] : [e.accountId])))];
    const endpoints = await em.getRepository(WebhookEndpointEntity).subscribersOf(accountIds);
    const pairs = events.flatMap((event) =>
      endpoints.filter((endpoint) => subscribes(endpoint, event)).map((endpoint) => ({ eventId: event.id, endpointId: endpoint.id })),
    );
    const deliveries = em.getRepository(NotificationDeliveryEntity);
    await deliveries.queueWebhooks(pairs, now);
    await deliveries.queueMails(
      events.map((e) => e.id),
      o.mailTypes,
      o.operatorEmail,
      now,
    );
    await outbox.markDispatched(
      events.map((e) => e.id),
      now,
    );
    return events.length;
  });
}
