import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../shared/client';
import { lastDays } from '../shared/dates';
import type { CreditsUsageReportQuery } from '../shared/gql/graphql';
import { formatCount, formatCredits } from '../../server/src/money/format';
import { ErrorText } from './ErrorText';
import { CreditsUsageReportQuery as ReportQuery } from './operations';
import { api, download } from './session';
import { keyName, memberName, tokensIn } from './usage-labels';

type Row = CreditsUsageReportQuery['usageReport'][number];
const DAYS = 30;

/** The last 30 UTC days of the account (or a team it owns) grouped by key or by team member, with a CSV. */
export function UsageGroups({
  by,
  accountId,
  teams,
}: {
  by: 'API_KEY' | 'TEAM_MEMBER';
  accountId: string;
  teams: { id: string; name: string }[];
}) {
  const [target, setTarget] = useState(accountId);
  const range = useMemo(() => lastDays(DAYS), []);
  const { rows, error } = useUsageGroups(by, target, range);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const csvUrl = `/reports/usage.csv?${new URLSearchParams({ ...range, groupBy: `DAY,${by}`, accountId: target })}`;
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1, alignItems: { sm: 'center' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          Last {DAYS} days (UTC), by {by === 'API_KEY' ? 'API key' : 'team member'}.
        </Typography>
        {teams.length > 0 && (
          <TextField select size="small" label="Account" value={target} onChange={(e) => setTarget(e.target.value)} sx={{ minWidth: 200 }}>
            <MenuItem value={accountId}>My account</MenuItem>
            {teams.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                Team {t.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button
          size="small"
          variant="outlined"
          href={csvUrl}
          onClick={(e) => {
            e.preventDefault();
            setDownloadError(null);
            download(csvUrl, `creditmeter-usage-${by === 'API_KEY' ? 'keys' : 'members'}.csv`).catch((err: Error) =>
              setDownloadError(err.message),
            );
          }}
        >
          Download CSV (per day)
        </Button>
      </Stack>
      <ErrorText error={downloadError} />
      {error && <Alert severity="info">{error}</Alert>}
      {!rows && !error && (
        <Box role="status" aria-label="Loading usage">
          <Skeleton variant="rounded" height={160} />
        </Box>
      )}
      {rows && rows.length === 0 && <Typography color="text.secondary">No usage in the last {DAYS} days.</Typography>}
      {rows && rows.length > 0 && <GroupsTable by={by} rows={rows} />}
    </>
  );
}

/** The report's rows for one account, most charged first; reloaded when the account or grouping changes. */
function useUsageGroups(by: 'API_KEY' | 'TEAM_MEMBER', target: string, range: { from: string; to: string }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setRows(null);
    setError(null);
    api.request(ReportQuery, { ...range, groupBy: [by], accountId: target }).then(
      (d) => live && setRows([...d.usageReport].sort((a, b) => (BigInt(b.chargedMillicredits) > BigInt(a.chargedMillicredits) ? 1 : -1))),
      (err) =>
        live && setError(err instanceof ApiError && err.code === 'FORBIDDEN' ? "Only the team's owners see its usage." : errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [by, target, range]);
  return { rows, error };
}

function GroupsTable({ by, rows }: { by: 'API_KEY' | 'TEAM_MEMBER'; rows: Row[] }) {
  const name = (r: Row) =>
    by === 'API_KEY' ? keyName(r.apiKeyId ?? null, r.apiKeyLabel) : memberName(r.memberAccountId ?? null, r.memberEmail);
  return (
    <TableContainer tabIndex={0} aria-label={`Usage by ${by === 'API_KEY' ? 'key' : 'team member'}, scrollable`}>
      <Table size="small" data-testid="usage-groups">
        <TableHead>
          <TableRow>
            <TableCell>{by === 'API_KEY' ? 'Key' : 'Team member'}</TableCell>
            <TableCell align="right">Credits</TableCell>
            <TableCell align="right">Calls</TableCell>
            <TableCell align="right">Input tokens</TableCell>
            <TableCell align="right">Output tokens</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={`${r.apiKeyId}/${r.memberAccountId}`}>
              <TableCell>{name(r)}</TableCell>
              <TableCell align="right">{formatCredits(r.chargedMillicredits, { decimals: 'trim' })}</TableCell>
              <TableCell align="right">{formatCount(r.calls)}</TableCell>
              <TableCell align="right">{formatCount(tokensIn(r))}</TableCell>
              <TableCell align="right">{formatCount(r.outputTokens)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
