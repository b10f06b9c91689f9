import Link from '@mui/material/Link';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import {
  Datagrid,
  DateField,
  DateInput,
  ExportButton,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  downloadCSV,
} from 'react-admin';
import { api } from '../api';
import { AuditChainStatus } from './AuditChainStatus';
import { auditChanges, targetPath } from './changes';
import { AuditActionsQuery } from './operations';
import type { AuditEntry } from './resource';

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

/** RFC 4180 CSV: every field quoted, quotes doubled. */
export function auditCsv(entries: AuditEntry[]): string {
  const header = ['id', 'createdAt', 'actor', 'actorRole', 'action', 'targetType', 'targetId', 'reason', 'before', 'after'];
  const rows = entries.map((e) => [
    e.id,
    e.createdAt,
    e.actorLabel ?? e.actorKind,
    e.actorRole ?? '',
    e.action,
    e.targetType,
    e.targetId ?? '',
    e.reason ?? '',
    json(e.before),
    json(e.after),
  ]);
  return [header, ...rows].map((r) => r.map((f) => `"${String(f).replace(/"/g, '""')}"`).join(',')).join('\r\n');
}

function Filters() {
  const actions = useQuery({ queryKey: ['audit-actions'], queryFn: () => api.request(AuditActionsQuery) });
  return [
    <TextInput key="actor" source="actor" label="Actor (email or id)" alwaysOn />,
    <SelectInput key="action" source="action" alwaysOn choices={(actions.data?.auditActions ?? []).map((a) => ({ id: a, name: a }))} />,
    <DateInput key="from" source="from" label="From (UTC day)" alwaysOn />,
    <DateInput key="to" source="to" label="To (UTC day)" alwaysOn />,
  ];
}

export default function AuditLogList() {
  return (
    <>
      <AuditChainStatus />
      <List
        title="Audit log"
        sort={{ field: 'createdAt', order: 'DESC' }}
        filters={Filters()}
        exporter={(entries: AuditEntry[]) => downloadCSV(auditCsv(entries), 'creditmeter-audit-log')}
        actions={
          <TopToolbar>
            <ExportButton maxResults={5000} label="Export CSV" />
          </TopToolbar>
        }
      >
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateField source="createdAt" label="When" showTime />
          <FunctionField<AuditEntry>
            label="Actor"
            sortable={false}
            render={(e) =>
              `${e.actorLabel ?? e.actorKind}${e.actorRole ? ` (${e.actorRole})` : ''}${e.actorKind === 'ACCOUNT' ? ' on the Credits page' : ''}`
            }
          />
          <TextField source="action" sortable={false} />
          <FunctionField<AuditEntry> label="Target" sortable={false} render={(e) => <Target entry={e} />} />
          <TextField source="reason" sortable={false} emptyText="" />
          <FunctionField<AuditEntry> label="Before → after" sortable={false} render={(e) => <Changes entry={e} />} />
        </Datagrid>
      </List>
    </>
  );
}

const TARGET_TYPES: Record<string, string> = {
  account: 'Account',
  apiKey: 'API key',
  staffUser: 'Staff user',
  purchase: 'Purchase',
  rate_card: 'Rate card',
  webhook_endpoint: 'Webhook endpoint',
  reconciliation_run: 'Reconciliation run',
  ledger_transaction: 'Ledger transaction',
  promo_code: 'Promo code',
  stripe_event: 'Stripe event',
  grant: 'Grant',
  model: 'Model',
};

/** The target by name or email, linked to its page; a short id where it has no name. */
function Target({ entry }: { entry: AuditEntry }) {
  const kind = TARGET_TYPES[entry.targetType] ?? entry.targetType;
  const name =
    entry.targetLabel ?? (entry.targetId ? (entry.targetId.length > 12 ? `${entry.targetId.slice(0, 8)}…` : entry.targetId) : '');
  const path = targetPath(entry.targetType, entry.targetId);
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      <span style={{ color: 'rgba(0,0,0,0.6)' }}>{kind}</span>
      {name && ' '}
      {name &&
        (path ? (
          <Link component={RouterLink} to={path} title={entry.targetId ?? undefined}>
            {name}
          </Link>
        ) : (
          <span title={entry.targetId ?? undefined}>{name}</span>
        ))}
    </span>
  );
}

/** Each changed field on its line, amounts in credits or dollars: "Balance: 1,000 → 2,250.5 credits". */
function Changes({ entry }: { entry: AuditEntry }) {
  const changes = auditChanges(entry.before, entry.after);
  if (!changes.length) return <span>—</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', fontSize: 13 }}>
      {changes.map((c) => (
        <li key={c.field}>
          <strong style={{ fontWeight: 500 }}>{c.field}:</strong> {c.before === null ? c.after : `${c.before} → ${c.after ?? '—'}`}
        </li>
      ))}
    </ul>
  );
}
