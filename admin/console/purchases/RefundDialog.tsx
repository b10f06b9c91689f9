import Alert from '@mui/material/Alert';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { formatCents } from '../../../server/src/money/format';
import { parseDollarsToCents } from '../../shared/money';
import { FormDialog, FormDialogActions, ReasonField, reasonRequired } from '../shared/FormDialog';
import { useSave } from '../../shared/busy';

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
  const { amount, setAmount, reason, setReason, touched, busy, error, parsed, amountError, reasonError, refund } = useRefund(props);

  return (
    <FormDialog titleId="refund-title" title={`Refund a purchase of ${props.email}`} busy={busy} onClose={props.onClose}>
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
            <ReasonField
              value={reason}
              onChange={setReason}
              error={touched ? reasonError : null}
              helperText="Recorded in the audit log"
              testId="refund-reason"
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <FormDialogActions
          busy={busy}
          onClose={props.onClose}
          color="error"
          submitLabel={busy ? 'Refunding…' : `Refund ${parsed.ok && !amountError ? formatCents(parsed.cents) : ''}`.trim()}
        />
      </form>
    </FormDialog>
  );
}

/** The amount (at most what is left to refund) and the reason, checked, then the refund. */
function useRefund(props: {
  refundableCents: number;
  submit: (request: { amountCents: number; reason: string }) => Promise<unknown>;
  onDone: (amountCents: number) => void;
}) {
  const [amount, setAmount] = useState((props.refundableCents / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, error, save } = useSave();

  const parsed = parseDollarsToCents(amount);
  const amountError = !parsed.ok
    ? parsed.error
    : parsed.cents <= 0n
      ? 'The amount must be above $0.00'
      : parsed.cents > BigInt(props.refundableCents)
        ? `At most ${formatCents(props.refundableCents)} is left to refund`
        : null;
  const reasonError = reasonRequired(reason);

  async function refund(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (amountError || reasonError || !parsed.ok) return;
    await save(async () => {
      await props.submit({ amountCents: Number(parsed.cents), reason: reason.trim() });
      props.onDone(Number(parsed.cents));
    });
  }
  return { amount, setAmount, reason, setReason, touched, busy, error, parsed, amountError, reasonError, refund };
}
