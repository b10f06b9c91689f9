import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/client';
import type { KeyLimitReset, UpdateApiKeyInput } from '../../shared/gql/graphql';
import { formatCredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';

const RESETS: { value: KeyLimitReset; label: string }[] = [
  { value: 'DAILY', label: 'Daily (midnight)' },
  { value: 'WEEKLY', label: 'Weekly (Monday)' },
  { value: 'MONTHLY', label: 'Monthly (the 1st)' },
  { value: 'NEVER', label: 'Never (a lifetime limit)' },
];

export interface KeyBudget {
  id: string;
  label: string | null;
  spendLimitMillicredits: string | null;
  limitReset: KeyLimitReset;
  allowedModels: string[] | null;
}

/**
 * A key's label, spend limit (credits, converted exactly; empty: no limit), reset and allowed
 * models (comma-separated; empty: every model). The server validates again and audits the change.
 */
export function KeyBudgetDialog(props: {
  apiKey: KeyBudget;
  onClose: () => void;
  submit: (input: UpdateApiKeyInput) => Promise<unknown>;
  onDone: () => void;
}) {
  const k = props.apiKey;
  const [label, setLabel] = useState(k.label ?? '');
  const [limit, setLimit] = useState(
    k.spendLimitMillicredits === null ? '' : formatCredits(k.spendLimitMillicredits, { decimals: 'trim' }),
  );
  const [reset, setReset] = useState<KeyLimitReset>(k.limitReset);
  const [models, setModels] = useState((k.allowedModels ?? []).join(', '));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const parsed = limit.trim() ? parseCredits(limit) : null;
  const limitError = parsed && !parsed.ok ? parsed.error : null;
  const modelList = models
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);

  async function save(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (limitError) return;
    setBusy(true);
    setError(null);
    try {
      await props.submit({
        label: label.trim() || null,
        spendLimitMillicredits: parsed?.ok ? parsed.millicredits.toString() : null,
        limitReset: reset,
        allowedModels: modelList.length ? modelList : null,
      });
      props.onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : props.onClose} aria-labelledby="key-budget-title" fullWidth maxWidth="sm">
      <DialogTitle id="key-budget-title" sx={{ overflowWrap: 'anywhere' }}>
        Budget of key {k.id}
      </DialogTitle>
      <form onSubmit={save} noValidate>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              The limit covers what the key spends per period, holds of calls in flight included. Periods follow the account's time zone (a
              team's own, else UTC).
            </Typography>
            <TextField
              label="Label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <TextField
              autoFocus
              label="Spend limit (credits)"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              error={touched && !!limitError}
              helperText={
                touched && limitError
                  ? limitError
                  : parsed?.ok
                    ? `${parsed.millicredits.toString()} millicredits per period`
                    : 'Empty: no limit'
              }
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'key-limit' } }}
            />
            <TextField select label="Limit resets" value={reset} onChange={(e) => setReset(e.target.value as KeyLimitReset)}>
              {RESETS.map((r) => (
                <MenuItem key={r.value} value={r.value}>
                  {r.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Allowed models"
              value={models}
              onChange={(e) => setModels(e.target.value)}
              helperText="Comma-separated model names; empty: every model"
              slotProps={{ htmlInput: { 'data-testid': 'key-models' } }}
            />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
