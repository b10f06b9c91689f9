import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { formatCredits, formatUsdOfMillicredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';
import { FormDialog, FormDialogActions, ReasonField, reasonRequired } from '../shared/FormDialog';
import { useSave } from '../../shared/busy';

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
export function AdjustBalanceDialog(props: AdjustBalanceProps) {
  const a = useAdjustment(props);
  return (
    <FormDialog
      open={props.open}
      titleId="adjust-title"
      title={`Adjust the balance of ${props.email}`}
      busy={a.busy}
      onClose={props.onClose}
    >
      {a.step === 'edit' ? <AdjustmentForm adjustment={a} onClose={props.onClose} /> : <AdjustmentReview adjustment={a} />}
    </FormDialog>
  );
}

interface AdjustBalanceProps {
  open: boolean;
  accountId: string;
  email: string;
  balanceMillicredits: string;
  onClose: () => void;
  submit: (request: AdjustmentRequest) => Promise<unknown>;
  onDone: (amountMillicredits: string) => void;
}

/** The adjustment as typed, checked, the balance before and after, and the two steps (review, apply). */
function useAdjustment(props: AdjustBalanceProps) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [referenceId, setReferenceId] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [touched, setTouched] = useState(false);
  const { busy, error, save } = useSave(() => setStep('edit'));
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const parsed = parseCredits(amount, { allowNegative: true });
  const amountError = !amount.trim()
    ? 'Enter an amount'
    : !parsed.ok
      ? parsed.error
      : parsed.millicredits === 0n
        ? 'The amount cannot be zero'
        : null;
  const reasonError = reasonRequired(reason);
  const before = BigInt(props.balanceMillicredits);
  const delta = parsed.ok ? parsed.millicredits : 0n;
  const after = before + delta;

  function review(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!amountError && !reasonError) setStep('confirm');
  }

  const apply = () =>
    save(async () => {
      await props.submit({
        accountId: props.accountId,
        amountMillicredits: delta.toString(),
        reason: reason.trim(),
        referenceId: referenceId.trim() || null,
        idempotencyKey,
      });
      props.onDone(delta.toString());
    });
  const fields = { amount, setAmount, reason, setReason, referenceId, setReferenceId, touched, parsed, amountError, reasonError };
  return { ...fields, step, setStep, busy, error, before, delta, after, review, apply };
}

type Adjustment = ReturnType<typeof useAdjustment>;

function AdjustmentForm({ adjustment: a, onClose }: { adjustment: Adjustment; onClose: () => void }) {
  return (
    <form onSubmit={a.review} noValidate>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Positive credits the account, negative debits it. Up to three decimals (1 credit = 1,000 millicredits; 1,000 credits = $1.00).
          </Typography>
          <TextField
            autoFocus
            label="Amount (credits)"
            value={a.amount}
            onChange={(e) => a.setAmount(e.target.value)}
            error={a.touched && !!a.amountError}
            helperText={
              a.touched && a.amountError
                ? a.amountError
                : a.parsed.ok
                  ? `${formatCredits(a.parsed.millicredits, { signed: true })} credits = ${a.parsed.millicredits.toString()} millicredits`
                  : ' '
            }
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'adjust-amount' } }}
            required
          />
          <ReasonField
            value={a.reason}
            onChange={a.setReason}
            error={a.touched ? a.reasonError : null}
            helperText="Shown in the ledger and the audit log"
          />
          <TextField
            label="Reference id (optional)"
            value={a.referenceId}
            onChange={(e) => a.setReferenceId(e.target.value)}
            helperText="A ticket or incident number"
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          {a.error && <Alert severity="error">{a.error}</Alert>}
        </Stack>
      </DialogContent>
      <FormDialogActions busy={a.busy} onClose={onClose} submitLabel="Review" />
    </form>
  );
}

function AdjustmentReview({ adjustment: a }: { adjustment: Adjustment }) {
  const { before, delta, after, busy } = a;
  return (
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
          Reason: {a.reason.trim()}
          {a.referenceId.trim() && ` · Reference: ${a.referenceId.trim()}`}
        </Typography>
        {after < 0n && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            The balance goes below zero.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => a.setStep('edit')} disabled={busy}>
          Back
        </Button>
        <Button variant="contained" color={delta < 0n ? 'error' : 'primary'} onClick={a.apply} disabled={busy}>
          {busy ? 'Applying…' : 'Apply adjustment'}
        </Button>
      </DialogActions>
    </>
  );
}
