import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/client';
import { useCursorPages } from '../shared/paging';
import { formatDateTime } from '../shared/dates';
import type { CreditsUsageHistoryQuery } from '../shared/gql/graphql';
import { formatCount, formatCredits } from '../../server/src/money/format';
import { CreditsUsageHistoryQuery as HistoryQuery } from './operations';
import { Section } from './Section';
import { api } from './session';
import { keyName, tokensIn } from './usage-labels';
import { UsageGroups } from './UsageGroups';

const PAGE = 20;
type History = CreditsUsageHistoryQuery;

/** Every call, newest first, a page at a time; and the last 30 days grouped by key or team member. */
export function UsageHistoryCard({ accountId, teams }: { accountId: string; teams: { id: string; name: string }[] }) {
  const [view, setView] = useState<'calls' | 'keys' | 'members'>('calls');
  return (
    <Section title="Usage details">
      <Tabs value={view} onChange={(_, v) => setView(v)} aria-label="Usage details view" sx={{ mb: 2 }} variant="scrollable">
        <Tab value="calls" label="Calls" />
        <Tab value="keys" label="By key" />
        <Tab value="members" label="By team member" />
      </Tabs>
      {view === 'calls' ? (
        <CallHistory />
      ) : (
        <UsageGroups by={view === 'keys' ? 'API_KEY' : 'TEAM_MEMBER'} accountId={accountId} teams={teams} />
      )}
    </Section>
  );
}

function CallsTable({ edges, labels }: { edges: History['me']['usage']['edges']; labels: Map<string, string | null | undefined> }) {
  return (
    <TableContainer tabIndex={0} aria-label="Calls, newest first, scrollable">
      <Table size="small" data-testid="usage-calls">
        <TableHead>
          <TableRow>
            <TableCell>Time</TableCell>
            <TableCell>Model</TableCell>
            <TableCell align="right">Credits</TableCell>
            <TableCell align="right">Input tokens</TableCell>
            <TableCell align="right">Output tokens</TableCell>
            <TableCell>Key</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {edges.map(({ node }) => (
            <TableRow key={node.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(node.createdAt)}</TableCell>
              <TableCell>{node.model}</TableCell>
              <TableCell align="right">{formatCredits(node.chargedMillicredits, { decimals: 'trim' })}</TableCell>
              <TableCell align="right">{formatCount(tokensIn(node))}</TableCell>
              <TableCell align="right">{formatCount(node.outputTokens)}</TableCell>
              <TableCell>{keyName(node.apiKeyId ?? null, node.apiKeyId ? labels.get(node.apiKeyId) : null)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function CallHistory() {
  const pages = useCursorPages();
  const [data, setData] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { page, after } = pages;

  useEffect(() => {
    let live = true;
    setData(null);
    api.request(HistoryQuery, { first: PAGE, after }).then(
      (d) => live && setData(d),
      (err) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [after, page]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data)
    return (
      <Box role="status" aria-label="Loading calls">
        <Skeleton variant="rounded" height={240} />
      </Box>
    );
  const labels = new Map(data.apiKeys.map((k) => [k.id, k.label]));
  const { edges, pageInfo, totalCount } = data.me.usage;
  if (totalCount === 0) return <Typography color="text.secondary">No calls yet.</Typography>;
  const first = page * PAGE + 1;
  return (
    <>
      <CallsTable edges={edges} labels={labels} />
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} aria-live="polite">
          Calls {formatCount(first)}–{formatCount(first + edges.length - 1)} of {formatCount(totalCount)}
        </Typography>
        <Button size="small" disabled={page === 0} onClick={pages.newer}>
          Newer
        </Button>
        <Button size="small" disabled={!pageInfo.hasNextPage} onClick={() => pages.older(pageInfo.endCursor ?? null)}>
          Older
        </Button>
      </Stack>
    </>
  );
}
