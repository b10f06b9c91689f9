import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/client';
import { formatCredits, formatUsdOfMillicredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';

export interface AdjustmentRequest {
  accountId: string;
  amountMillicredits: string;
  reason: string;
  referenceId: string | null;
  idempotencyKey: string;
}

/**
 * Adjust balance (ADMIN): a signed amount in credits, converted exactly to millicredits (digits
 * moved, never a float), a required reason and an optional reference; then a confirmation with the
 * balance before and after. One idempotency key per dialog, so a retried submit applies once.
 */
export function AdjustBalanceDialog(props: {
  open: boolean;
  accountId: string;
  email: string;
  balanceMillicredits: string;
  onClose: () => void;
  submit: (request: AdjustmentRequest) => Promise<unknown>;
  onDone: (amountMillicredits: string) => void;
}) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [referenceId, setReferenceId] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const parsed = parseCredits(amount, { allowNegative: true });
  const amountError = !amount.trim()
    ? 'Enter an amount'
    : !parsed.ok
      ? parsed.error
      : parsed.millicredits === 0n
        ? 'The amount cannot be zero'
        : null;
  const reasonError = reason.trim() ? null : 'A reason is required (it goes to the audit log)';
  const before = BigInt(props.balanceMillicredits);
  const delta = parsed.ok ? parsed.millicredits : 0n;
  const after = before + delta;

  function review(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!amountError && !reasonError) setStep('confirm');
  }

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      await props.submit({
        accountId: props.accountId,
        amountMillicredits: delta.toString(),
        reason: reason.trim(),
        referenceId: referenceId.trim() || null,
        idempotencyKey,
      });
      props.onDone(delta.toString());
    } catch (err) {
      setError(errorMessage(err));
      setStep('edit');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} onClose={busy ? undefined : props.onClose} aria-labelledby="adjust-title" fullWidth maxWidth="sm">
      <DialogTitle id="adjust-title" sx={{ overflowWrap: 'anywhere' }}>
        Adjust the balance of {props.email}
      </DialogTitle>
      {step === 'edit' ? (
        <form onSubmit={review} noValidate>
          <DialogContent>
            <Stack spacing={2}>
              <Typography variant="body2" color="text.secondary">
                Positive credits the account, negative debits it. Up to three decimals (1 credit = 1,000 millicredits; 1,000 credits =
                $1.00).
              </Typography>
              <TextField
                autoFocus
                label="Amount (credits)"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                error={touched && !!amountError}
                helperText={
                  touched && amountError
                    ? amountError
                    : parsed.ok
                      ? `${formatCredits(parsed.millicredits, { signed: true })} credits = ${parsed.millicredits.toString()} millicredits`
                      : ' '
                }
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'adjust-amount' } }}
                required
              />
              <TextField
                label="Reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={touched && !!reasonError}
                helperText={touched && reasonError ? reasonError : 'Shown in the ledger and the audit log'}
                required
                multiline
                minRows={2}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
              <TextField
                label="Reference id (optional)"
                value={referenceId}
                onChange={(e) => setReferenceId(e.target.value)}
                helperText="A ticket or incident number"
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
              {error && <Alert severity="error">{error}</Alert>}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button type="submit" variant="contained">
              Review
            </Button>
          </DialogActions>
        </form>
      ) : (
        <>
          {/* Focusable: on a phone the figures may scroll sideways, and the keyboard must reach them. */}
          <DialogContent tabIndex={0} aria-label="The adjustment to review">
            <Typography sx={{ mb: 1 }}>Apply this adjustment?</Typography>
            <Table size="small" aria-label="Balance before and after" data-testid="adjust-confirmation">
              <TableBody>
                <TableRow>
                  <TableCell component="th" scope="row">
                    Balance before
                  </TableCell>
                  <TableCell align="right">{formatCredits(before)} credits</TableCell>
                  <TableCell align="right">≈ {formatUsdOfMillicredits(before)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    Adjustment
                  </TableCell>
                  <TableCell align="right">{formatCredits(delta, { signed: true })} credits</TableCell>
                  <TableCell align="right">{delta.toString()} millicredits</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell component="th" scope="row">
                    Balance after
                  </TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="adjust-after">
                    {formatCredits(after)} credits
                  </TableCell>
                  <TableCell align="right">≈ {formatUsdOfMillicredits(after)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <Typography variant="body2" sx={{ mt: 2 }}>
              Reason: {reason.trim()}
              {referenceId.trim() && ` · Reference: ${referenceId.trim()}`}
            </Typography>
            {after < 0n && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                The balance goes below zero.
              </Alert>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setStep('edit')} disabled={busy}>
              Back
            </Button>
            <Button variant="contained" color={delta < 0n ? 'error' : 'primary'} onClick={apply} disabled={busy}>
              {busy ? 'Applying…' : 'Apply adjustment'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
