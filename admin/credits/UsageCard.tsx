import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useEffect, useState } from 'react';
import { errorMessage } from '../shared/client';
import { formatCount, formatCredits } from '../../server/src/money/format';
import { Section } from './Section';
import { loadUsage, type UsageSummary } from './usage';

// recharts is large: it loads after the rest of the page, only for this chart.
const UsageChart = lazy(() => import('./UsageChart'));

function useUsageCard() {
  const [usage, setUsage] = useState<UsageSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadUsage().then(setUsage, (err) => setError(errorMessage(err)));
  }, []);

  return { usage, error };
}

function PerModelTable({ models }: { models: UsageSummary['models'] }) {
  return (
    <TableContainer tabIndex={0} aria-label="Usage per model, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Model</TableCell>
            <TableCell align="right">Credits</TableCell>
            <TableCell align="right">Calls</TableCell>
            <TableCell align="right">Input tokens</TableCell>
            <TableCell align="right">Output tokens</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {models.map((m) => (
            <TableRow key={m.model}>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{m.model}</TableCell>
              <TableCell align="right">{formatCredits(m.millicredits, { decimals: 'trim' })}</TableCell>
              <TableCell align="right">{formatCount(m.calls)}</TableCell>
              <TableCell align="right">{formatCount(m.inputTokens)}</TableCell>
              <TableCell align="right">{formatCount(m.outputTokens)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export function UsageCard() {
  const { usage, error } = useUsageCard();
  return (
    <Section title="Usage, last 30 days (UTC days)">
      {error && <Alert severity="error">{error}</Alert>}
      {!usage && !error && (
        <Box role="status" aria-label="Loading usage">
          <Skeleton variant="rounded" height={220} />
        </Box>
      )}
      {usage && (
        <>
          <Typography sx={{ mb: 1 }}>
            {formatCredits(usage.total, { decimals: 'trim' })} credits used in {formatCount(usage.days.reduce((n, d) => n + d.calls, 0))}{' '}
            calls.
            {usage.truncated && ' (Newest calls only.)'}
          </Typography>
          {usage.total > 0n && (
            <Suspense fallback={<Skeleton variant="rounded" height={220} />}>
              <UsageChart days={usage.days} />
            </Suspense>
          )}
          {usage.models.length === 0 ? (
            <Typography color="text.secondary" sx={{ mt: 2 }}>
              No usage in the last 30 days.
            </Typography>
          ) : (
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle1" component="h3">
                Per model
              </Typography>
              <PerModelTable models={usage.models} />
            </Box>
          )}
        </>
      )}
    </Section>
  );
}
