import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title } from 'react-admin';
import { errorMessage } from '../../shared/client';
import type { RevenueRollForwardQuery as RevenueRollForwardQueryData } from '../../shared/gql/graphql';
import { formatCredits, formatUsdSixDecimals } from '../../../server/src/money/format';
import { api } from '../api';
import { RevenueRollForwardQuery } from './operations';
import { COLUMNS, currentMonth, previousMonths, rollForwardRows, type SectionFigures } from './rows';

/** A figure in exact USD (1 millicredit = $0.000001) with its credits beneath; nothing is a dash, as in a ledger. */
function Figure({ millicredits, strong }: { millicredits: string; strong: boolean }) {
  if (BigInt(millicredits) === 0n && !strong)
    return (
      <Typography variant="body2" color="text.secondary">
        –
      </Typography>
    );
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: strong ? 700 : 400, fontVariantNumeric: 'tabular-nums' }}>
        {formatUsdSixDecimals(BigInt(millicredits))}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCredits(millicredits, { decimals: 0 })} credits
      </Typography>
    </>
  );
}

/** Deferred revenue by month: paid vs promotional vs goodwill, tied to the ledger, with the month's journal. */
export default function RevenuePage() {
  const [month, setMonth] = useState(currentMonth());
  const query = useQuery({ queryKey: ['revenue', month], queryFn: () => api.request(RevenueRollForwardQuery, { month }) });
  const r = query.data?.revenueRollForward;

  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2 }}>
      <Title title="Revenue recognition" />
      <Card variant="outlined" component="section" aria-labelledby="rollforward-title">
        <CardContent sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography id="rollforward-title" variant="h6" component="h2">
              Deferred revenue roll-forward
            </Typography>
            <MonthPicker month={month} setMonth={setMonth} />
          </Box>
          <Typography variant="body2" color="text.secondary">
            Paid credits are deferred revenue until used (revenue) or expired (breakage). Promotional credits and staff goodwill are never
            revenue; free credits are spent first. Amounts in USD at 1,000 credits = $1, exact to the millicredit.
          </Typography>
          {query.isError && <Alert severity="error">{errorMessage(query.error)}</Alert>}
          {r && <TiesToLedger r={r} />}
          {r && <RollForwardTable r={r} />}
        </CardContent>
      </Card>
    </Box>
  );
}

type RollForward = RevenueRollForwardQueryData['revenueRollForward'];

/** The month shown (the last 24) and its journal as CSV. */
function MonthPicker({ month, setMonth }: { month: string; setMonth: (month: string) => void }) {
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 2,
        flexDirection: { xs: 'column', sm: 'row' },
        alignItems: { xs: 'stretch', sm: 'center' },
        width: { xs: '100%', sm: 'auto' },
      }}
    >
      <TextField
        select
        size="small"
        label="Month (UTC)"
        value={month}
        onChange={(e) => setMonth(e.target.value)}
        sx={{ width: { sm: 150 }, flexShrink: 0 }}
      >
        {previousMonths(24).map((m) => (
          <MenuItem key={m} value={m}>
            {m}
          </MenuItem>
        ))}
      </TextField>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        href={`/reports/journal/${month}.csv`}
        download
        sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        Journal CSV
      </Button>
    </Box>
  );
}

function TiesToLedger({ r }: { r: RollForward }) {
  return (
    <Alert severity={r.tiesToLedger ? 'success' : 'error'}>
      {r.tiesToLedger
        ? `Ties to the ledger: closing ${formatUsdSixDecimals(BigInt(r.total.closingDeferredMillicredits))} equals the customers' balances at the end of ${r.month}.`
        : `Does not tie: closing ${formatUsdSixDecimals(BigInt(r.total.closingDeferredMillicredits))}, ledger ${formatUsdSixDecimals(BigInt(r.ledgerBalanceMillicredits))}. Run a reconciliation for the findings.`}
      {BigInt(r.customerDebtMillicredits) > 0n &&
        ` Customers owe ${formatUsdSixDecimals(BigInt(r.customerDebtMillicredits))} (balances below zero), inside the paid closing.`}
    </Alert>
  );
}

function RollForwardTable({ r }: { r: RollForward }) {
  const paid: SectionFigures = r;
  const rows = rollForwardRows({ paid, promotional: r.promotional, adjustments: r.adjustments, total: r.total });
  return (
    <TableContainer tabIndex={0} aria-label="Roll-forward, scrollable">
      {/* Figures never wrap; on a phone the line names do, and the table scrolls sideways for the last columns. */}
      <Table size="small" sx={{ minWidth: { sm: 760 }, '& td': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{r.month}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} align="right">
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label} sx={row.closing ? { '& td, & th': { borderTop: 2, borderColor: 'divider' } } : undefined}>
              <TableCell component="th" scope="row" sx={{ fontWeight: row.closing ? 700 : 400 }}>
                <Box component="span" aria-hidden sx={{ display: 'inline-block', width: '1.5em', color: 'text.secondary' }}>
                  {row.sign}
                </Box>
                {row.label}
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.key} align="right">
                  <Figure millicredits={row.cells[c.key]} strong={row.closing} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
