import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { visuallyHidden } from '@mui/utils';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../shared/dates';
import type { CreditsPageQuery } from '../shared/gql/graphql';
import { formatCents, formatCredits } from '../../server/src/money/format';
import type { Account } from './account';
import { Section } from './Section';

const STATUS: Record<string, string> = {
  FULFILLED: 'Paid',
  PENDING: 'Pending',
  FAILED: 'Failed',
  REFUNDED: 'Refunded',
  PARTIALLY_REFUNDED: 'Partly refunded',
};

export function PurchasesCard({ purchases, packs }: { purchases: Account['purchases']; packs: CreditsPageQuery['creditPacks'] }) {
  const packName = (id: string) => packs.find((p) => p.id === id)?.name ?? id;
  return (
    <Section title="Purchases">
      {purchases.length === 0 ? (
        <Typography color="text.secondary">No purchases yet.</Typography>
      ) : (
        // Credits and Paid follow the date: on a phone they stay in view, the rest scrolls.
        <TableContainer tabIndex={0} aria-label="Purchases, scrollable">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell align="right">Credits</TableCell>
                <TableCell align="right">Paid</TableCell>
                <TableCell>Pack</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Invoice and receipt</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {purchases.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{formatDateTime(p.createdAt)}</TableCell>
                  <TableCell align="right">{formatCredits(p.creditsMillicredits, { decimals: 'trim' })}</TableCell>
                  <TableCell align="right">
                    {formatCents(p.totalCents ?? p.amountPaidCents ?? p.amountCents)}
                    {!!p.taxCents && (
                      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                        incl. {formatCents(p.taxCents)} tax
                      </Typography>
                    )}
                    {p.refundedCents > 0 && ` (refunded ${formatCents(p.refundedCents)})`}
                  </TableCell>
                  <TableCell>{packName(p.packId)}</TableCell>
                  <TableCell>{STATUS[p.status] ?? p.status}</TableCell>
                  <TableCell>
                    <PurchaseLinks purchase={p} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}

/** The invoice (hosted page and PDF) and the receipt, each named for screen readers by the purchase's date. */
function PurchaseLinks({ purchase: p }: { purchase: Account['purchases'][number] }) {
  const links = [
    ['Invoice', p.invoiceUrl],
    ['PDF', p.invoicePdfUrl],
    ['Receipt', p.receiptUrl],
  ].filter((l): l is [string, string] => Boolean(l[1]));
  if (!links.length) return <>—</>;
  return (
    <Box component="span" sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
      {links.map(([label, href]) => (
        <Link key={label} href={href} target="_blank" rel="noopener noreferrer">
          {label}
          <Box component="span" sx={visuallyHidden}>
            {` for the purchase of ${formatDateTime(p.createdAt)}`}
          </Box>
        </Link>
      ))}
    </Box>
  );
}
