import { raw, type EntityManager } from '@mikro-orm/postgresql';
import type { StaffRole } from '../auth/roles.js';
import { StaffUserEntity } from './staff-users.repository.js';

/**
 * What other features may read of staff users (sessions, the audit log), never the password
 * hash: the `staff_users` table stays this feature's. A module of its own, since the staff
 * service itself uses the sessions module.
 */
export const staffDirectory = {
  /** The user's role and whether it is disabled, as committed now (null: no such user). */
  async standing(em: EntityManager, id: string): Promise<{ role: StaffRole; disabled: boolean } | null> {
    const user = await em.findOne(StaffUserEntity, { id }, { refresh: true });
    return user && { role: user.role, disabled: user.disabled };
  },

  /** Each user's email, by id. */
  async emails(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await em.find(StaffUserEntity, { id: { $in: ids } }, { fields: ['id', 'email'], disableIdentityMap: true });
    return new Map(rows.map((r) => [r.id, r.email]));
  },

  /** Ids of the users with this email, any case. */
  async idsWithEmail(em: EntityManager, email: string): Promise<string[]> {
    const rows = await em.find(
      StaffUserEntity,
      { [raw('lower(email)')]: raw('lower(?)', [email]) },
      { fields: ['id'], disableIdentityMap: true },
    );
    return rows.map((r) => r.id);
  },
};
