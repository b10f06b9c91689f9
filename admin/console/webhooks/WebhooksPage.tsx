import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Title, useNotify, usePermissions } from 'react-admin';
import { useBusy } from '../../shared/busy';
import { errorMessage } from '../../shared/client';
import { formatDateTime } from '../../shared/dates';
import type { WebhooksPageQuery as WebhooksPageQueryData } from '../../shared/gql/graphql';
import { formatCents, formatCredits } from '../../../server/src/money/format';
import { api } from '../api';
import { atLeast } from '../roles';
import { RefulfillPurchaseMutation, ReplayStripeEventMutation, WebhooksPageQuery } from './operations';

/** An action that needs a reason (audited), asked for in a small dialog. */
function ReasonButton({ label, title, onSubmit }: { label: string; title: string; onSubmit: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const notify = useNotify();
  const { busy, run } = useBusy((message) => notify(message, { type: 'error' }));
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="reason-title">
        <DialogTitle id="reason-title">{title}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            required
            margin="dense"
            label="Reason (audited)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={busy || !reason.trim()}
            onClick={async () => {
              await run(async () => {
                await onSubmit(reason.trim());
                setOpen(false);
                setReason('');
              });
            }}
          >
            {label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

export default function WebhooksPage() {
  const { permissions } = usePermissions<string>();
  const admin = atLeast(permissions, 'ADMIN');
  const notify = useNotify();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['webhooks-page'], queryFn: () => api.request(WebhooksPageQuery) });
  const reload = () => client.invalidateQueries({ queryKey: ['webhooks-page'] });

  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2 }}>
      <Title title="Webhooks and stale purchases" />
      {query.isError && <Alert severity="error">{errorMessage(query.error)}</Alert>}
      <PageSection id="stale-title" title="Stale purchases">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Pending for more than 15 minutes after reaching Stripe: the webhook may have been lost. Re-running fulfilment asks Stripe for the
          payment as it stands.
        </Typography>
        {query.data && query.data.stalePurchases.length === 0 && <Typography>None.</Typography>}
        {query.data && query.data.stalePurchases.length > 0 && (
          <StalePurchases
            rows={query.data.stalePurchases}
            admin={admin}
            refulfill={async (purchaseId, reason) => {
              const { refulfillPurchase } = await api.request(RefulfillPurchaseMutation, { purchaseId, reason });
              notify(`Purchase is now ${refulfillPurchase.status}`, { type: 'info' });
              await reload();
            }}
          />
        )}
      </PageSection>
      <PageSection id="events-title" title="Failed Stripe events">
        {query.data && query.data.failedStripeEvents.length === 0 && <Typography>None: every event was processed.</Typography>}
        {query.data && query.data.failedStripeEvents.length > 0 && (
          <FailedEvents
            rows={query.data.failedStripeEvents}
            admin={admin}
            replay={async (eventId, reason) => {
              const { replayStripeEvent } = await api.request(ReplayStripeEventMutation, { eventId, reason });
              notify(`Replayed: ${replayStripeEvent.outcome}`, { type: 'info' });
              await reload();
            }}
          />
        )}
      </PageSection>
    </Box>
  );
}

function PageSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby={props.id}>
      <CardContent>
        <Typography id={props.id} variant="h6" component="h2">
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

function StalePurchases(props: {
  rows: WebhooksPageQueryData['stalePurchases'];
  admin: boolean;
  refulfill: (purchaseId: string, reason: string) => Promise<void>;
}) {
  return (
    <TableContainer tabIndex={0} aria-label="Stale purchases, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Created</TableCell>
            <TableCell>Account</TableCell>
            <TableCell>Pack</TableCell>
            <TableCell align="right">Price</TableCell>
            <TableCell align="right">Credits</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((p) => (
            <TableRow key={p.id}>
              <TableCell>{formatDateTime(p.createdAt)}</TableCell>
              <TableCell>
                <a href={`/admin/accounts/${p.accountId}/show`}>{p.accountId.slice(0, 8)}…</a>
              </TableCell>
              <TableCell>{p.packId}</TableCell>
              <TableCell align="right">{formatCents(p.amountCents)}</TableCell>
              <TableCell align="right">{formatCredits(p.creditsMillicredits, { decimals: 0 })}</TableCell>
              <TableCell>
                {props.admin && (
                  <ReasonButton
                    label="Re-run fulfilment"
                    title="Re-run fulfilment of this purchase"
                    onSubmit={(reason) => props.refulfill(p.id, reason)}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function FailedEvents(props: {
  rows: WebhooksPageQueryData['failedStripeEvents'];
  admin: boolean;
  replay: (eventId: string, reason: string) => Promise<void>;
}) {
  return (
    <TableContainer tabIndex={0} aria-label="Failed events, scrollable">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Received</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Attempts</TableCell>
            <TableCell>Last error</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((e) => (
            <TableRow key={e.id}>
              <TableCell>{formatDateTime(e.receivedAt)}</TableCell>
              <TableCell>{e.type}</TableCell>
              <TableCell>{e.status}</TableCell>
              <TableCell align="right">{e.attempts}</TableCell>
              <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{e.lastError ?? ''}</TableCell>
              <TableCell>
                {props.admin && (
                  <ReasonButton label="Replay" title={`Replay event ${e.id}`} onSubmit={(reason) => props.replay(e.id, reason)} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
