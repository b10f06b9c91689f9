/*
 * Sessions joined with the staff user and the key that opened them: one statement each, on the
 * sockets' re-check path and in a key's revocation.
 */

/** Revokes an account's live Credits page sessions, those a revoked key ended already aside. */
export const REVOKE_PORTAL_SESSIONS = `update sessions s set revoked_at = ?
  where s.kind = 'PORTAL' and s.account_id = ?::uuid and s.revoked_at is null and s.expires_at > ?
    and (s.opened_by_key_id is null or exists (select 1 from api_keys k where k.id = s.opened_by_key_id and k.revoked_at is null))
  returning s.id`;

/** Which of the ids have not ended: not revoked, within their lifetime, staff user enabled, opening key unrevoked. */
export const LIVE_SESSION_IDS = `select s.id from sessions s
    left join staff_users u on u.id = s.staff_user_id
    left join api_keys k on k.id = s.opened_by_key_id
   where s.id = any(?::uuid[]) and s.revoked_at is null and s.expires_at > ?
     and (s.staff_user_id is null or not u.disabled)
     and (s.opened_by_key_id is null or k.revoked_at is null)`;
