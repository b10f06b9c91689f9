import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TopToolbar, useNotify, usePermissions, useRefresh } from 'react-admin';
import { api } from '../api';
import { atLeast } from '../roles';
import { ConfirmedButton } from '../shared/Confirmed';
import { RunReconciliationMutation } from './operations';
import type { Run } from './resource';

export function RunStatus({ run }: { run: Run }) {
  if (run.status === 'RUNNING')
    return (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 160 }}>
        <Chip size="small" color="info" label={`Running${run.step ? `: ${run.step}` : ''}`} />
        <LinearProgress sx={{ flexGrow: 1 }} variant={run.progressTotal ? 'determinate' : 'indeterminate'} value={run.progressTotal ? (100 * run.progressDone) / run.progressTotal : undefined} aria-label="Progress" />
      </span>
    );
  if (run.status === 'FAILED') return <Chip size="small" color="error" label="Failed" />;
  return run.mismatchCount === 0 ? <Chip size="small" color="success" label="Balanced" /> : <Chip size="small" color="warning" label={`${run.mismatchCount} mismatches`} />;
}

function Actions() {
  const { permissions } = usePermissions<string>();
  const refresh = useRefresh();
  const notify = useNotify();
  return (
    <TopToolbar>
      {atLeast(permissions, 'ADMIN') && (
        <ConfirmedButton
          label="Run now"
          title="Run reconciliation now?"
          content="Checks today's ledger, balances and usage against each other. It runs in the background; this list shows its progress."
          onConfirm={async () => {
            await api.request(RunReconciliationMutation);
            notify('Reconciliation started', { type: 'info' });
            refresh();
          }}
        />
      )}
    </TopToolbar>
  );
}

export default function ReconciliationList() {
  return (
    <List
      title="Reconciliation"
      actions={<Actions />}
      sort={{ field: 'startedAt', order: 'DESC' }}
      filters={[<SelectInput key="status" source="status" alwaysOn choices={[{ id: 'SUCCEEDED', name: 'Succeeded' }, { id: 'RUNNING', name: 'Running' }, { id: 'FAILED', name: 'Failed' }]} />]}
      queryOptions={{ refetchInterval: (q) => ((q.state.data as { data?: Run[] } | undefined)?.data?.some((r) => r.status === 'RUNNING') ? 1500 : false) }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="day" label="Day (UTC)" />
        <FunctionField<Run> label="Status" render={(r) => <RunStatus run={r} />} />
        <TextField source="trigger" />
        <DateField source="startedAt" showTime />
        <DateField source="finishedAt" showTime emptyText="—" />
      </Datagrid>
    </List>
  );
}
