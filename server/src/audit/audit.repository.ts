import { EntityRepository, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { WebhookEndpointEntity } from '../notify/webhook-endpoints.repository.js';
import { RateCardEntity } from '../ratecards/ratecard.entity.js';
import type { PageWindow } from '../shared/paging.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/** An actor's id or email, already validated; `actor` ids match any of the three actor columns. */
export type ActorMatch = { id: string } | { email: string };

/**
 * Reads of `audit_log` for the console. Actors are shown by email, so it reads the staff users' and
 * accounts' emails too (read-only, by id or by email, as the log's own joins did).
 */
export class AuditEntryRepository extends EntityRepository<AuditEntryEntity> {
  /**
   * Writes an audit row on a connection with no EntityManager (the ledger engine's own, in a posting
   * hook), so that it commits with the movement it records.
   */
  static async insertOn(sql: Sql, row: AuditRow): Promise<void> {
    await sql.query(
      `insert into audit_log (actor_key_id, actor_account_id, actor_staff_user_id, actor_role, action, target_type, target_id, before, after, reason)
       values (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
      [
        row.actorKeyId,
        row.actorAccountId,
        row.actorStaffUserId,
        row.actorRole,
        row.action,
        row.targetType,
        row.targetId,
        row.before,
        row.after,
        row.reason,
      ],
    );
  }

  /** The condition on the actor columns: by id any of the three, by email the staff user or account with it (any case). */
  async actorCondition(actor: ActorMatch): Promise<FilterQuery<AuditEntryEntity>> {
    if ('id' in actor) return { $or: [{ actorStaffUserId: actor.id }, { actorKeyId: actor.id }, { actorAccountId: actor.id }] };
    const staff = await this.idsWithEmail(StaffUserEntity, actor.email);
    const accounts = await this.idsWithEmail(AccountEntity, actor.email);
    return { $or: [{ actorStaffUserId: { $in: staff } }, { actorAccountId: { $in: accounts } }] };
  }

  /** Newest (or oldest) first by id; `limit + 1` rows. */
  page(where: FilterQuery<AuditEntryEntity>, window: PageWindow, direction: 'asc' | 'desc'): Promise<AuditEntryEntity[]> {
    return this.find(where, { orderBy: { id: direction }, limit: window.limit + 1, offset: window.offset });
  }

  /** The batch below `belowId` (keyset on id, newest first), kept out of the identity map: an export may read the whole log. */
  batch(where: FilterQuery<AuditEntryEntity>, belowId: string | null, size: number): Promise<AuditEntryEntity[]> {
    const keyset = belowId === null ? where : { $and: [where, { id: { $lt: belowId } }] };
    return this.find(keyset, { orderBy: { id: 'desc' }, limit: size, disableIdentityMap: true });
  }

  async actions(): Promise<string[]> {
    const rows: { action: string }[] = await this.createQueryBuilder().select('action', true).orderBy({ action: 'asc' }).execute();
    return rows.map((r) => r.action);
  }

  /** The email shown for each actor: the staff user's, else the account's. */
  async actorLabels(entries: AuditEntryEntity[]): Promise<Map<AuditEntryEntity, string | null>> {
    const ids = (pick: (e: AuditEntryEntity) => string | null | undefined) => [...new Set(entries.map(pick).filter((id) => id != null))];
    const staff = await this.emailsOf(
      StaffUserEntity,
      ids((e) => e.actorStaffUserId),
    );
    const accounts = await this.emailsOf(
      AccountEntity,
      ids((e) => e.actorAccountId),
    );
    return new Map(
      entries.map((e) => [
        e,
        (e.actorStaffUserId && staff.get(e.actorStaffUserId)) || (e.actorAccountId && accounts.get(e.actorAccountId)) || null,
      ]),
    );
  }

  /**
   * What each target is called, so the log reads "Ada <ada@example.com>" and not a bare id: an
   * account's (or team's) name and email, a staff user's email, a key's label and account, an
   * endpoint's URL, a rate card's name. Null for targets without a name (a purchase, a run).
   */
  async targetLabels(entries: AuditEntryEntity[]): Promise<Map<AuditEntryEntity, string | null>> {
    const ids = (type: string) => [...new Set(entries.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!))];
    const keys = ids('apiKey').length
      ? await this.em.find(ApiKeyEntity, { id: { $in: ids('apiKey') } }, { fields: ['id', 'accountId', 'label', 'keyPrefix'] })
      : [];
    const accountIds = [...new Set([...ids('account'), ...keys.map((k) => k.accountId)])];
    const accounts = accountIds.length
      ? await this.em.find(AccountEntity, { id: { $in: accountIds } }, { fields: ['id', 'name', 'email', 'kind'] })
      : [];
    const accountLabel = new Map(
      accounts.map((a) => [
        a.id,
        a.kind === 'TEAM' ? `Team ${a.name ?? a.id}` : a.name && a.email ? `${a.name} <${a.email}>` : (a.email ?? a.name ?? null),
      ]),
    );
    const labels = new Map<string, string | null>([
      ...accountLabel,
      ...[...(await this.emailsOf(StaffUserEntity, ids('staffUser')))],
      ...keys.map((k): [string, string] => [
        k.id,
        `key ${k.label ?? `${k.keyPrefix}…`} of ${accountLabel.get(k.accountId) ?? k.accountId}`,
      ]),
      ...(ids('webhook_endpoint').length
        ? (await this.em.find(WebhookEndpointEntity, { id: { $in: ids('webhook_endpoint') } }, { fields: ['id', 'url'] })).map(
            (w): [string, string] => [w.id, w.url],
          )
        : []),
      ...(ids('rate_card').length
        ? (await this.em.find(RateCardEntity, { id: { $in: ids('rate_card') } }, { fields: ['id', 'name'] })).map((r): [string, string] => [
            r.id,
            r.name,
          ])
        : []),
    ]);
    return new Map(entries.map((e) => [e, e.targetId ? (labels.get(e.targetId) ?? null) : null]));
  }

  /** A database function, so the check and the writer share one definition of a row's content. */
  async verifyChain(): Promise<AuditChainRow> {
    const [row] = await this.em.execute<AuditChainRow[]>(`select ok, entries, first_broken_id, head_hash from audit_chain_verify()`);
    return row;
  }

  private async idsWithEmail(entity: typeof StaffUserEntity | typeof AccountEntity, email: string): Promise<string[]> {
    const rows: { id: string }[] = await this.em
      .createQueryBuilder(entity)
      .select('id')
      .where('lower(email) = lower(?)', [email])
      .execute();
    return rows.map((r) => r.id);
  }

  private async emailsOf(entity: typeof StaffUserEntity | typeof AccountEntity, ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows: { id: string; email: string | null }[] = await this.em
      .createQueryBuilder(entity)
      .select(['id', 'email'])
      .where({ id: { $in: ids } })
      .execute();
    return new Map(rows.map((r) => [r.id, r.email]));
  }
}

/** An audit row's columns, bigint amounts already JSON text; the hash chain columns are the insert trigger's. */
export interface AuditRow {
  actorKeyId: string | null;
  actorAccountId: string | null;
  actorStaffUserId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** The chain as `audit_chain_verify` (one ordered pass in the database) finds it. */
export interface AuditChainRow {
  ok: boolean;
  entries: string;
  first_broken_id: string | null;
  head_hash: string;
}

export const auditEntries = (em: EntityManager) => new AuditEntryRepository(em, AuditEntryEntity);
