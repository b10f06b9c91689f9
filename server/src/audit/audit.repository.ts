import { BigIntType, Entity, EntityRepositoryType, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { PageWindow } from '../shared/paging.js';

/** One row of the audit log (`audit_log`), append-only; the hash chain is the insert trigger's. */
@Entity({ tableName: 'audit_log', repository: () => AuditEntryRepository })
export class AuditEntryEntity {
  [EntityRepositoryType]?: AuditEntryRepository;

  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'uuid', nullable: true })
  actorKeyId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorAccountId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorStaffUserId?: string | null;

  @Property({ type: 'text', nullable: true })
  actorRole?: string | null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  /** Hash chain fields, always set by the database's insert trigger (never by a writer). */
  @Property({ type: new BigIntType('string'), nullable: true, persist: false })
  chainSeq?: string | null;

  @Property({ type: 'text', nullable: true, persist: false })
  prevHash?: string | null;

  @Property({ type: 'text', nullable: true, persist: false })
  hash?: string | null;
}

/** An actor's id (any of the three actor columns), or the staff users and accounts with the email asked for. */
export type ActorIds = { id: string } | { staffUserIds: string[]; accountIds: string[] };

/** Reads of `audit_log` for the console; the names of actors and targets come from their owners (`AuditLogService`). */
export class AuditEntryRepository extends EntityRepository<AuditEntryEntity> {
  /** The condition on the actor columns: by id any of the three, by email the staff users and accounts with it. */
  actorCondition(actor: ActorIds): FilterQuery<AuditEntryEntity> {
    if ('id' in actor) return { $or: [{ actorStaffUserId: actor.id }, { actorKeyId: actor.id }, { actorAccountId: actor.id }] };
    return { $or: [{ actorStaffUserId: { $in: actor.staffUserIds } }, { actorAccountId: { $in: actor.accountIds } }] };
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

  /** A database function, so the check and the writer share one definition of a row's content. */
  async verifyChain(): Promise<AuditChainRow> {
    const [row] = await this.em.execute<AuditChainRow[]>(`select ok, entries, first_broken_id, head_hash from audit_chain_verify()`);
    return row;
  }
}

/** The chain as `audit_chain_verify` (one ordered pass in the database) finds it. */
export interface AuditChainRow {
  ok: boolean;
  entries: string;
  first_broken_id: string | null;
  head_hash: string;
}
