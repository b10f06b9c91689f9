import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Show, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { formatDateTime } from '../../shared/dates';
import { formatCents, formatCredits } from '../../../server/src/money/format';
import { api } from '../api';
import { atLeast } from '../roles';
import { RefundPurchaseMutation } from './operations';
import { PurchaseDocuments } from './PurchaseDocuments';
import { RefundDialog } from './RefundDialog';
import type { StaffPurchaseDetail } from './resource';

const cents = (v: number | null) => (v === null ? '—' : formatCents(v));

function Facts(props: { rows: Array<[string, ReactNode]>; label: string }) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableBody>
        {props.rows.map(([name, value]) => (
          <TableRow key={name}>
            <TableCell component="th" scope="row" sx={{ width: '40%', color: 'text.secondary' }}>
              {name}
            </TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function PurchaseDetails() {
  const p = useRecordContext<StaffPurchaseDetail>();
  const { permissions } = usePermissions<string>();
  const [refunding, setRefunding] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  // react-admin may render first with the list's row, which lacks the details: wait for them.
  if (!p?.ledgerEntries) return null;
  const canRefund = atLeast(permissions, 'FINANCE') && p.refundableCents > 0;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1, overflowWrap: 'anywhere' }}>
          {p.packName} pack ·{' '}
          <Link href={`/admin/accounts/${p.accountId}/show`} data-testid="purchase-account">
            {p.accountEmail ?? p.accountId}
          </Link>
        </Typography>
        {canRefund && (
          <Button variant="contained" color="error" onClick={() => setRefunding(true)}>
            Refund
          </Button>
        )}
      </Stack>
      <PurchaseFacts p={p} />
      <LedgerEntries entries={p.ledgerEntries} />
      <Disputes disputes={p.disputes} />
      {refunding && (
        <RefundDialog
          email={p.accountEmail ?? p.accountId}
          refundableCents={p.refundableCents}
          taxCents={p.taxCents}
          onClose={() => setRefunding(false)}
          submit={(input) => api.request(RefundPurchaseMutation, { purchaseId: p.id, ...input })}
          onDone={(amountCents) => {
            setRefunding(false);
            notify(`Refund of ${formatCents(amountCents)} started`, { type: 'success' });
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

function PurchaseFacts({ p }: { p: StaffPurchaseDetail }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Facts
          label="Purchase"
          rows={[
            ['Status', <span data-testid="purchase-status">{p.status}</span>],
            ['Kind', p.kind],
            ['Created', formatDateTime(p.createdAt)],
            ['Fulfilled', p.fulfilledAt ? formatDateTime(p.fulfilledAt) : '—'],
            ['Credits', `${formatCredits(p.creditsMillicredits, { decimals: 0 })} credits`],
            ['Subtotal (before tax)', cents(p.subtotalCents ?? p.amountCents)],
            ['Tax', cents(p.taxCents)],
            ['Total charged', cents(p.totalCents ?? p.amountPaidCents)],
            ['Revenue (excludes tax)', cents(p.revenueCents)],
            ['Refunded', <span data-testid="purchase-refunded">{formatCents(p.refundedCents)}</span>],
            ['Credits taken back', `${formatCredits(p.refundedCreditsMillicredits)} credits`],
            ['Documents', <PurchaseDocuments invoiceUrl={p.invoiceUrl} invoicePdfUrl={p.invoicePdfUrl} receiptUrl={p.receiptUrl} />],
            ['Stripe payment', p.stripePaymentIntentId ?? p.stripeCheckoutSessionId ?? '—'],
            ...(p.failureReason ? ([['Failure', p.failureReason]] as Array<[string, ReactNode]>) : []),
          ]}
        />
      </CardContent>
    </Card>
  );
}

function LedgerEntries({ entries }: { entries: NonNullable<StaffPurchaseDetail['ledgerEntries']> }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
          Ledger entries (purchase, refunds, reversals)
        </Typography>
        {entries.length ? (
          <TableContainer tabIndex={0} aria-label="Ledger entries, scrollable">
            <Table size="small" aria-label="Ledger entries of this purchase" data-testid="purchase-ledger">
              <TableHead>
                <TableRow>
                  <TableCell>When</TableCell>
                  <TableCell>Type</TableCell>
                  <TableCell align="right">Credits</TableCell>
                  <TableCell>Reason</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>{formatDateTime(e.createdAt)}</TableCell>
                    <TableCell>{e.type}</TableCell>
                    <TableCell align="right">{formatCredits(e.amountMillicredits, { signed: true })}</TableCell>
                    <TableCell>{e.reason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : (
          <Typography color="text.secondary">Nothing booked yet.</Typography>
        )}
      </CardContent>
    </Card>
  );
}

function Disputes({ disputes }: { disputes: StaffPurchaseDetail['disputes'] }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
          Disputes
        </Typography>
        {disputes.length ? (
          <TableContainer tabIndex={0} aria-label="Disputes, scrollable">
            <Table size="small" aria-label="Disputes of this purchase">
              <TableHead>
                <TableRow>
                  <TableCell>Opened</TableCell>
                  <TableCell>Status</TableCell>
                  <TableCell align="right">Amount</TableCell>
                  <TableCell align="right">Credits held</TableCell>
                  <TableCell>Reason</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {disputes.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{formatDateTime(d.openedAt)}</TableCell>
                    <TableCell>{d.status}</TableCell>
                    <TableCell align="right">{formatCents(d.amountCents)}</TableCell>
                    <TableCell align="right">{formatCredits(d.creditsMillicredits)}</TableCell>
                    <TableCell>{d.reason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : (
          <Typography color="text.secondary">No disputes.</Typography>
        )}
      </CardContent>
    </Card>
  );
}

export default function PurchaseShow() {
  return (
    <Show title="Purchase">
      <PurchaseDetails />
    </Show>
  );
}
