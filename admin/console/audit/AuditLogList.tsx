import { useQuery } from '@tanstack/react-query';
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
          <FunctionField<AuditEntry>
            label="Target"
            sortable={false}
            render={(e) => `${e.targetType}${e.targetId ? ` ${e.targetId}` : ''}`}
          />
          <TextField source="reason" sortable={false} emptyText="" />
          <FunctionField<AuditEntry>
            label="Before → after"
            sortable={false}
            render={(e) => (
              <code style={{ fontSize: 12, overflowWrap: 'anywhere' }}>{`${json(e.before) || '∅'} → ${json(e.after) || '∅'}`}</code>
            )}
          />
        </Datagrid>
      </List>
    </>
  );
}
