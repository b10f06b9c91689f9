import type { AuditLogQuery } from '../../shared/gql/graphql';
import { api } from '../api';
import { fromConnection, type ResourceSpec } from '../dataProvider';
import { AuditLogQuery as Query } from './operations';

export type AuditEntry = AuditLogQuery['auditLog']['edges'][number]['node'];

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** A date input's day (UTC) as the start, or the end, of that day. */
const day = (v: unknown, end: boolean) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`).getTime() + (end ? 86_400_000 : 0) : null);

export const auditResource: ResourceSpec<AuditEntry> = {
  list: async (req) => {
    const from = day(req.filter.from, false);
    const to = day(req.filter.to, true);
    const { auditLog } = await api.request(Query, {
      filter: {
        actor: text(req.filter.actor),
        action: text(req.filter.action),
        from: from === null ? null : new Date(from).toISOString(),
        to: to === null ? null : new Date(to).toISOString(),
      },
      direction: req.sort.field === 'createdAt' && req.sort.order === 'ASC' ? 'ASC' : 'DESC',
      first: req.perPage,
      offset: req.offset,
    });
    return fromConnection(auditLog);
  },
};
