import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import { SessionEntity } from './session.entity.js';

/** Queries on `sessions` that join the staff user and the opening key (one statement each, on the hot re-check path). */
export class SessionRepository extends EntityRepository<SessionEntity> {
  /** Revokes every live Credits page session of an account, those a revoked key ended already aside; how many. */
  async revokePortalSessionsOf(accountId: string, at: Date): Promise<number> {
    const rows = await this.em.execute(
      `update sessions s set revoked_at = ?
        where s.kind = 'PORTAL' and s.account_id = ?::uuid and s.revoked_at is null and s.expires_at > ?
          and (s.opened_by_key_id is null or exists (select 1 from api_keys k where k.id = s.opened_by_key_id and k.revoked_at is null))
        returning s.id`,
      [at, accountId, at],
    );
    return rows.length;
  }

  /** Which of `ids` have not ended at `at` (revoked, past their lifetime, staff user disabled, opening key revoked). */
  async liveIds(ids: string[], at: Date): Promise<Set<string>> {
    const rows: { id: string }[] = await this.em.execute(
      `select s.id from sessions s
         left join staff_users u on u.id = s.staff_user_id
         left join api_keys k on k.id = s.opened_by_key_id
        where s.id = any(?::uuid[]) and s.revoked_at is null and s.expires_at > ?
          and (s.staff_user_id is null or not u.disabled)
          and (s.opened_by_key_id is null or k.revoked_at is null)`,
      [`{${ids.join(',')}}`, at],
    );
    return new Set(rows.map((r) => r.id));
  }
}

export const sessionsOf = (em: EntityManager) => new SessionRepository(em, SessionEntity);
