import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/client';
import { formatCents } from '../../../server/src/money/format';
import { parseDollarsToCents } from '../../shared/money';

/**
 * Refund (FINANCE+): an amount in dollars, at most what is still refundable (the default), and a
 * required reason for the audit log. Stripe refunds the card; its webhook then debits the credits.
 */
export function RefundDialog(props: {
  email: string;
  refundableCents: number;
  taxCents: number | null;
  onClose: () => void;
  submit: (request: { amountCents: number; reason: string }) => Promise<unknown>;
  onDone: (amountCents: number) => void;
}) {
  const [amount, setAmount] = useState((props.refundableCents / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const parsed = parseDollarsToCents(amount);
  const amountError = !parsed.ok
    ? parsed.error
    : parsed.cents <= 0n
      ? 'The amount must be above $0.00'
      : parsed.cents > BigInt(props.refundableCents)
        ? `At most ${formatCents(props.refundableCents)} is left to refund`
        : null;
  const reasonError = reason.trim() ? null : 'A reason is required (it goes to the audit log)';

  async function refund(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (amountError || reasonError || !parsed.ok) return;
    setBusy(true);
    setError(null);
    try {
      await props.submit({ amountCents: Number(parsed.cents), reason: reason.trim() });
      props.onDone(Number(parsed.cents));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : props.onClose} aria-labelledby="refund-title" fullWidth maxWidth="sm">
      <DialogTitle id="refund-title" sx={{ overflowWrap: 'anywhere' }}>
        Refund a purchase of {props.email}
      </DialogTitle>
      <form onSubmit={refund} noValidate>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              Stripe refunds the card; the credits are taken back in proportion when Stripe confirms it.
              {props.taxCents ? ' The amount includes tax: only its pre-tax share comes off revenue.' : ''}
            </Typography>
            <TextField
              autoFocus
              label="Amount (USD)"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={touched && !!amountError}
              helperText={touched && amountError ? amountError : `Up to ${formatCents(props.refundableCents)}`}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'refund-amount' } }}
              required
            />
            <TextField
              label="Reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={touched && !!reasonError}
              helperText={touched && reasonError ? reasonError : 'Recorded in the audit log'}
              required
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'refund-reason' } }}
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {busy ? 'Refunding…' : `Refund ${parsed.ok && !amountError ? formatCents(parsed.cents) : ''}`.trim()}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
