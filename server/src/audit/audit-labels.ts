import type { EntityManager } from '@mikro-orm/postgresql';
import { accountRecords } from '../accounts/accounts.service.js';
import { apiKeyRecords } from '../auth/auth.service.js';
import { endpointRecords } from '../notify/endpoints.service.js';
import { rateCardRecords } from '../ratecards/ratecards.service.js';
import { staffDirectory } from '../staff/staff-directory.js';
import type { AuditEntryEntity } from './audit.repository.js';

const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => v != null))];

/** The email shown for each actor: the staff user's, else the account's. Each name comes from its owner's door. */
export async function actorLabels(em: EntityManager, entries: AuditEntryEntity[]): Promise<Map<AuditEntryEntity, string | null>> {
  const staff = await staffDirectory.emails(em, distinct(entries.map((e) => e.actorStaffUserId)));
  const accounts = await accountRecords.labels(em, distinct(entries.map((e) => e.actorAccountId)));
  return new Map(
    entries.map((e) => [
      e,
      (e.actorStaffUserId && staff.get(e.actorStaffUserId)) || (e.actorAccountId && accounts.get(e.actorAccountId)?.email) || null,
    ]),
  );
}

/**
 * What each target is called, so the log reads "Ada <ada@example.com>" and not a bare id: an
 * account's (or team's) name and email, a staff user's email, a key's label and account, an
 * endpoint's URL, a rate card's name. Null for targets without a name (a purchase, a run).
 */
export async function targetLabels(em: EntityManager, entries: AuditEntryEntity[]): Promise<Map<AuditEntryEntity, string | null>> {
  const ids = (type: string) => distinct(entries.filter((e) => e.targetType === type).map((e) => e.targetId));
  const keys = await apiKeyRecords.labels(em, ids('apiKey'));
  const accounts = await accountRecords.labels(em, distinct([...ids('account'), ...keys.map((k) => k.accountId)]));
  const accountLabel = new Map([...accounts].map(([id, a]) => [id, a.label]));
  const labels = new Map<string, string | null>([
    ...accountLabel,
    ...(await staffDirectory.emails(em, ids('staffUser'))),
    ...keys.map((k): [string, string] => [k.id, `key ${k.label ?? `${k.keyPrefix}…`} of ${accountLabel.get(k.accountId) ?? k.accountId}`]),
    ...(await endpointRecords.urls(em, ids('webhook_endpoint'))),
    ...(await rateCardRecords.names(em, ids('rate_card'))),
  ]);
  return new Map(entries.map((e) => [e, e.targetId ? (labels.get(e.targetId) ?? null) : null]));
}
