import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import type { SessionKind } from './session.types.js';
import { LIVE_SESSION_IDS, REVOKE_PORTAL_SESSIONS } from './queries/session-statements.js';

/** A cookie session (`sessions`): a staff user's (console) or one account's (Credits page). */
@Entity({ tableName: 'sessions', repository: () => SessionRepository })
export class SessionEntity {
  [EntityRepositoryType]?: SessionRepository;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id!: string;

  /** sha256 of the cookie value: the token itself is never stored. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'text' })
  kind!: SessionKind;

  @Property({ type: 'uuid', nullable: true })
  staffUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  /** The API key that opened this Credits page session (a portal link or key sign-in): the session ends with it. */
  @Property({ type: 'uuid', nullable: true })
  openedByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}

/** Queries on `sessions` that join the staff user and the opening key. */
class SessionRepository extends EntityRepository<SessionEntity> {
  /** Revokes every live Credits page session of an account, those a revoked key ended already aside; how many. */
  async revokePortalSessionsOf(accountId: string, at: Date): Promise<number> {
    return (await this.em.execute(REVOKE_PORTAL_SESSIONS, [at, accountId, at])).length;
  }

  /** Which of `ids` have not ended at `at` (revoked, past their lifetime, staff user disabled, opening key revoked). */
  async liveIds(ids: string[], at: Date): Promise<Set<string>> {
    const rows: { id: string }[] = await this.em.execute(LIVE_SESSION_IDS, [`{${ids.join(',')}}`, at]);
    return new Set(rows.map((r) => r.id));
  }
}
