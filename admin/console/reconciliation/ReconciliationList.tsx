import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TopToolbar, usePermissions, useRedirect } from 'react-admin';
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
        <LinearProgress
          sx={{ flexGrow: 1 }}
          variant={run.progressTotal ? 'determinate' : 'indeterminate'}
          value={run.progressTotal ? (100 * run.progressDone) / run.progressTotal : undefined}
          aria-label="Progress"
        />
      </span>
    );
  if (run.status === 'FAILED') return <Chip size="small" color="error" label="Failed" />;
  return run.mismatchCount === 0 ? (
    <Chip size="small" color="success" label="Balanced" />
  ) : (
    <Chip size="small" color="warning" label={`${run.mismatchCount} mismatches`} />
  );
}

/** Starts a run (FINANCE and ADMIN; audited) and opens it: its page follows the progress to the result. */
function RunNowButton({ variant }: { variant: 'outlined' | 'contained' }) {
  const { permissions } = usePermissions<string>();
  const redirect = useRedirect();
  if (!atLeast(permissions, 'FINANCE')) return null;
  return (
    <ConfirmedButton
      label="Run now"
      title="Run reconciliation now?"
      content="Checks today's ledger, balances, purchases and usage against each other. It runs in the background; its page shows the progress and the result."
      buttonProps={{ variant, size: variant === 'contained' ? 'medium' : 'small' }}
      onConfirm={async () => {
        const { runReconciliation } = await api.request(RunReconciliationMutation);
        redirect('show', 'reconciliation', runReconciliation.id);
      }}
    />
  );
}

function Actions() {
  return (
    <TopToolbar>
      <RunNowButton variant="outlined" />
    </TopToolbar>
  );
}

/** Before the first scheduled run (minutes after the first start) there is nothing to list: offer one now. */
function NoRunsYet() {
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2 }} data-testid="reconciliation-empty">
      <Typography variant="h6" component="p" gutterBottom>
        No reconciliation run yet.
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 520, mx: 'auto' }}>
        A run checks the ledger against balances, purchases, Stripe and the provider&apos;s usage. The daily run starts on its own; run one
        now to see today&apos;s result.
      </Typography>
      <RunNowButton variant="contained" />
    </Box>
  );
}

export default function ReconciliationList() {
  return (
    <List
      title="Reconciliation"
      actions={<Actions />}
      empty={<NoRunsYet />}
      sort={{ field: 'startedAt', order: 'DESC' }}
      filters={[
        <SelectInput
          key="status"
          source="status"
          alwaysOn
          choices={[
            { id: 'SUCCEEDED', name: 'Succeeded' },
            { id: 'RUNNING', name: 'Running' },
            { id: 'FAILED', name: 'Failed' },
          ]}
        />,
      ]}
      queryOptions={{
        refetchInterval: (q) => ((q.state.data as { data?: Run[] } | undefined)?.data?.some((r) => r.status === 'RUNNING') ? 1500 : false),
      }}
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
