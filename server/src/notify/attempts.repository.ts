import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { NotificationAttemptEntity } from './notification-attempt.entity.js';

/** Attempts kept per delivery in the log. */
const ATTEMPTS_SHOWN = 50;

/** The attempt log of deliveries (`notification_attempts`), appended by the delivery worker. */
export class NotificationAttemptsRepository extends EntityRepository<NotificationAttemptEntity> {
  /** The latest attempts of each delivery, newest first; read-only (outside the identity map). */
  async latestOf(deliveryIds: readonly string[]): Promise<Map<string, NotificationAttemptEntity[]>> {
    const rows = deliveryIds.length
      ? await this.find({ deliveryId: { $in: [...deliveryIds] } }, { orderBy: { id: 'desc' }, disableIdentityMap: true })
      : [];
    const byDelivery = new Map<string, NotificationAttemptEntity[]>();
    for (const row of rows) {
      const list = byDelivery.get(row.deliveryId) ?? [];
      if (list.length < ATTEMPTS_SHOWN) list.push(row);
      byDelivery.set(row.deliveryId, list);
    }
    return byDelivery;
  }
}

/** The repository on `em` (the caller's unit of work or transaction). */
export const attemptsOf = (em: EntityManager) => new NotificationAttemptsRepository(em, NotificationAttemptEntity);
