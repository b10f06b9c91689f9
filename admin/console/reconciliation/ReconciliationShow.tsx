import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { DateField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { formatCredits } from '../../../server/src/money/format';
import { RunStatus } from './ReconciliationList';
import type { RunDetail } from './resource';

function ChecksTable({ checks }: { checks: NonNullable<RunDetail['checks']> }) {
  return (
    <TableContainer tabIndex={0} aria-label="Checks, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Findings</TableCell>
            <TableCell>Note</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {checks.map((c) => (
            <TableRow key={c.name}>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.status}</TableCell>
              <TableCell align="right">{c.findings}</TableCell>
              <TableCell>{c.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function Details() {
  const run = useRecordContext<RunDetail>();
  if (!run) return null;
  // Until getOne answers, react-admin shows the list's row, which has no checks or findings.
  const checks = run.checks ?? [];
  const findings = run.findings ?? [];
  return (
    <>
      <Labeled label="Status">
        <RunStatus run={run} />
      </Labeled>
      {run.error && <Typography color="error">{run.error}</Typography>}
      <Typography variant="h6" component="h2">
        Checks
      </Typography>
      <ChecksTable checks={checks} />
      <Typography variant="h6" component="h2">
        Findings
      </Typography>
      {findings.length === 0 ? (
        <Typography color="text.secondary">No findings: everything balanced.</Typography>
      ) : (
        <TableContainer tabIndex={0} aria-label="Findings, scrollable">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Check</TableCell>
                <TableCell>Subject</TableCell>
                <TableCell>Expected</TableCell>
                <TableCell>Actual</TableCell>
                <TableCell align="right">Drift (credits)</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {findings.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>{f.check}</TableCell>
                  <TableCell>{f.subject ?? f.accountId ?? ''}</TableCell>
                  <TableCell>{f.expected ?? ''}</TableCell>
                  <TableCell>{f.actual ?? ''}</TableCell>
                  <TableCell align="right">
                    {f.driftMillicredits ? formatCredits(f.driftMillicredits) : f.driftTokens ? `${f.driftTokens} tokens` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}

export default function ReconciliationShow() {
  return (
    <Show
      title="Reconciliation run"
      queryOptions={{ refetchInterval: (q) => ((q.state.data as RunDetail | undefined)?.status === 'RUNNING' ? 1500 : false) }}
    >
      <SimpleShowLayout>
        <TextField source="day" label="Day (UTC)" />
        <TextField source="trigger" />
        <DateField source="startedAt" showTime />
        <DateField source="finishedAt" showTime emptyText="—" />
        <Details />
      </SimpleShowLayout>
    </Show>
  );
}
