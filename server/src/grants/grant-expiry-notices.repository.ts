import { Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/** `grant_expiry_notices`: one row per grant and lead time (7 or 1 day) whose `credits.expiring` went out. */
@Entity({ tableName: 'grant_expiry_notices', repository: () => GrantExpiryNoticesRepository })
export class GrantExpiryNoticeEntity {
  [EntityRepositoryType]?: GrantExpiryNoticesRepository;

  @PrimaryKey({ type: 'uuid' })
  grantId!: string;

  @PrimaryKey({ type: 'int' })
  leadDays!: number;

  /** The outbox event that carried the notice (claimed and sent by one statement). */
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}

export class GrantExpiryNoticesRepository extends EntityRepository<GrantExpiryNoticeEntity> {
  /**
   * `credits.expiring` for every live grant whose `leadDays` notice is due at `now` (7: within 7 days
   * of expiry but more than 1 day before it; 1: within the last day), claimed and sent by one
   * statement (SQL: set-wise, and racing instances must not both send): the notice row's primary key
   * (grant, lead) makes a second run, on any instance, a no-op. Returns how many were sent.
   */
  async claimDue(now: Date, leadDays: 7 | 1, limit: number): Promise<number> {
    const rows = await this.getEntityManager().execute<{ id: string }[]>(
      `with due as (
         select g.id, g.account_id, g.kind, g.remaining, g.expires_at, gen_random_uuid() as event_id
           from grants g
          where g.remaining > 0 and g.expired_at is null and g.voided_at is null
            and g.expires_at > ?::timestamptz and g.expires_at <= ?::timestamptz + make_interval(days => ?::int)
            and (?::int = 1 or g.expires_at > ?::timestamptz + interval '1 day')
            and not exists (select 1 from grant_expiry_notices n where n.grant_id = g.id and n.lead_days = ?::int)
          order by g.expires_at, g.id
          limit ?::int
       ), claim as (
         insert into grant_expiry_notices (grant_id, lead_days, event_id)
         select id, ?::int, event_id from due
         on conflict do nothing
         returning grant_id, event_id
       )
       insert into outbox_events (id, account_id, type, data)
       select c.event_id, d.account_id, 'credits.expiring', jsonb_build_object(
                'accountId', d.account_id,
                'grantId', d.id,
                'kind', d.kind,
                'remainingMillicredits', d.remaining::text,
                'expiresAt', to_char(d.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'daysBefore', ?::int)
         from claim c join due d on d.id = c.grant_id
       returning id`,
      [now.toISOString(), now.toISOString(), leadDays, leadDays, now.toISOString(), leadDays, limit, leadDays, leadDays],
    );
    return rows.length;
  }
}
