import { Entity, EntityRepositoryType, PrimaryKey, Property } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

/** When an account was last told `credits.exhausted` (`credits_exhausted_notices`): at most once an hour. */
@Entity({ tableName: 'credits_exhausted_notices', repository: () => CreditsExhaustedNoticesRepository })
export class CreditsExhaustedNoticeEntity {
  [EntityRepositoryType]?: CreditsExhaustedNoticesRepository;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'timestamptz' })
  notifiedAt!: Date;
}

/** `credits_exhausted_notices`: the hour of each account's last `credits.exhausted`. */
export class CreditsExhaustedNoticesRepository extends EntityRepository<CreditsExhaustedNoticeEntity> {
  /**
   * `credits.exhausted`, at most once an hour per account: one statement (SQL, so racing refusals on
   * any instance write one event) claims the hour by a conditional upsert and writes the outbox row.
   * Returns the event id, or null when the hour was already claimed.
   */
  async claimHour(accountId: string, requiredMillicredits: bigint, now: Date): Promise<string | null> {
    const rows = await this.getEntityManager().execute<{ id: string }[]>(
      `with claim as (
         insert into credits_exhausted_notices as n (account_id, notified_at)
         select a.id, ?::timestamptz from accounts a where a.id = ?::uuid and a.kind <> 'SYSTEM'
         on conflict (account_id) do update set notified_at = excluded.notified_at
          where n.notified_at <= excluded.notified_at - interval '1 hour'
         returning account_id
       )
       insert into outbox_events (account_id, type, data)
       select c.account_id, 'credits.exhausted', jsonb_build_object(
                'accountId', c.account_id,
                'requiredMillicredits', ?::text,
                'availableMillicredits', (a.posted - a.pending)::text,
                'balanceMillicredits', a.posted::text,
                'heldMillicredits', a.pending::text)
         from claim c join accounts a on a.id = c.account_id
       returning id`,
      [now.toISOString(), accountId, requiredMillicredits.toString()],
    );
    return rows[0]?.id ?? null;
  }
}
