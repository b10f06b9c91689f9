import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { currentEm } from '../db/unit-of-work.js';
import { windowOf, type OffsetPage } from '../shared/paging.js';
import { badInput } from '../shared/errors.js';
import { isUuid } from '../shared/validate.js';
import { staffDirectory } from '../staff/staff-directory.js';
import { accountRecords } from '../accounts/accounts.service.js';
import { actorLabels, targetLabels } from './audit-labels.js';
import { AuditEntryEntity, type ActorIds, type AuditEntryRepository } from './audit.repository.js';

export interface AuditFilter {
  /** A staff user's, key's or account's id, or a staff user's or account's email. */
  actor?: string | null;
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  actorKind: 'STAFF' | 'API_KEY' | 'ACCOUNT' | 'SYSTEM';
  actorStaffUserId: string | null;
  actorKeyId: string | null;
  actorAccountId: string | null;
  actorRole: string | null;
  /** The staff user's email, or the key's account email. */
  actorLabel: string | null;
  /** The target by name or email (see `AuditEntryRepository.targetLabels`), null when it has none. */
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** An account without a key acted through its own portal session (the Credits page). */
const actorKind = (e: AuditEntryEntity): AuditEntry['actorKind'] =>
  e.actorStaffUserId ? 'STAFF' : e.actorKeyId ? 'API_KEY' : e.actorAccountId ? 'ACCOUNT' : 'SYSTEM';

const toEntry = (e: AuditEntryEntity, actorLabel: string | null, targetLabel: string | null): AuditEntry => ({
  id: e.id,
  createdAt: new Date(e.createdAt),
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId ?? null,
  actorKind: actorKind(e),
  actorStaffUserId: e.actorStaffUserId ?? null,
  actorKeyId: e.actorKeyId ?? null,
  actorAccountId: e.actorAccountId ?? null,
  actorRole: e.actorRole ?? null,
  actorLabel,
  targetLabel,
  before: e.before ?? null,
  after: e.after ?? null,
  reason: e.reason ?? null,
});

/** The filter's checks are the input class's (`AuditLogFilter`), at the GraphQL door and the CSV route alike. */
function checkFilter(f: AuditFilter): { actor: { id: string } | { email: string } | null; where: FilterQuery<AuditEntryEntity> } {
  const where: Record<string, unknown> = {};
  for (const property of ['action', 'targetType', 'targetId'] as const) if (f[property]) where[property] = f[property];
  if (f.from && f.to && f.to.getTime() <= f.from.getTime()) throw badInput('to must be after from', { field: 'to' });
  if (f.from || f.to) where.createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  return { actor: f.actor ? (isUuid(f.actor) ? { id: f.actor } : { email: f.actor }) : null, where };
}

async function whereOf(entries: AuditEntryRepository, f: AuditFilter): Promise<FilterQuery<AuditEntryEntity>> {
  const { actor, where } = checkFilter(f);
  if (!actor) return where;
  const em = entries.getEntityManager();
  const ids: ActorIds =
    'id' in actor
      ? actor
      : {
          staffUserIds: await staffDirectory.idsWithEmail(em, actor.email),
          accountIds: await accountRecords.idsWithEmail(em, actor.email),
        };
  return { $and: [where, entries.actorCondition(ids)] };
}

async function withLabels(entries: AuditEntryRepository, rows: AuditEntryEntity[]): Promise<AuditEntry[]> {
  const actors = await actorLabels(entries.getEntityManager(), rows);
  const targets = await targetLabels(entries.getEntityManager(), rows);
  return rows.map((r) => toEntry(r, actors.get(r) ?? null, targets.get(r) ?? null));
}

/** The audit log as staff read it: filtered, newest first (or oldest first), with the actor's email. */
export class AuditLogService {
  constructor(private readonly em: EntityManager) {}

  async list(filter: AuditFilter, window: { limit: number; offset: number }, direction: 'ASC' | 'DESC'): Promise<OffsetPage<AuditEntry>> {
    const entries = currentEm(this.em).getRepository(AuditEntryEntity);
    const where = await whereOf(entries, filter);
    const rows = await entries.page(where, window, direction === 'ASC' ? 'asc' : 'desc');
    return windowOf(await withLabels(entries, rows), window, () => entries.count(where));
  }

  async get(id: string): Promise<AuditEntry | null> {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id must be an audit entry id', { field: 'id' });
    const entries = currentEm(this.em).getRepository(AuditEntryEntity);
    const row = await entries.findOne({ id });
    return row ? (await withLabels(entries, [row]))[0] : null;
  }

  actions(): Promise<string[]> {
    return currentEm(this.em).getRepository(AuditEntryEntity).actions();
  }

  /** Every matching entry, newest first, in batches (keyset on id): for the CSV export of any size. */
  async *stream(filter: AuditFilter, batch = 1000): AsyncGenerator<AuditEntry[]> {
    const entries = currentEm(this.em).getRepository(AuditEntryEntity);
    const where = await whereOf(entries, filter);
    let below: string | null = null;
    for (;;) {
      const rows: AuditEntryEntity[] = await entries.batch(where, below, batch);
      if (!rows.length) return;
      yield await withLabels(entries, rows);
      if (rows.length < batch) return;
      below = rows[rows.length - 1].id;
    }
  }
}
