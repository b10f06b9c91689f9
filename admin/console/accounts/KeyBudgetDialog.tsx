import Alert from '@mui/material/Alert';
import DialogContent from '@mui/material/DialogContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { KeyLimitReset, UpdateApiKeyInput } from '../../shared/gql/graphql';
import { formatCredits } from '../../../server/src/money/format';
import { parseCredits } from '../../shared/money';
import { FormDialog, FormDialogActions } from '../shared/FormDialog';
import { useSave } from '../../shared/busy';

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
  const f = useKeyBudget(props);
  return (
    <FormDialog titleId="key-budget-title" title={`Budget of key ${props.apiKey.id}`} busy={f.busy} onClose={props.onClose}>
      <form onSubmit={f.saveBudget} noValidate>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              The limit covers what the key spends per period, holds of calls in flight included. Periods follow the account's time zone (a
              team's own, else UTC).
            </Typography>
            <TextField
              label="Label"
              value={f.label}
              onChange={(e) => f.setLabel(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <TextField
              autoFocus
              label="Spend limit (credits)"
              value={f.limit}
              onChange={(e) => f.setLimit(e.target.value)}
              error={f.touched && !!f.limitError}
              helperText={
                f.touched && f.limitError
                  ? f.limitError
                  : f.parsed?.ok
                    ? `${f.parsed.millicredits.toString()} millicredits per period`
                    : 'Empty: no limit'
              }
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'key-limit' } }}
            />
            <TextField select label="Limit resets" value={f.reset} onChange={(e) => f.setReset(e.target.value as KeyLimitReset)}>
              {RESETS.map((r) => (
                <MenuItem key={r.value} value={r.value}>
                  {r.label}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Allowed models"
              value={f.models}
              onChange={(e) => f.setModels(e.target.value)}
              helperText="Comma-separated model names; empty: every model"
              slotProps={{ htmlInput: { 'data-testid': 'key-models' } }}
            />
            {f.error && <Alert severity="error">{f.error}</Alert>}
          </Stack>
        </DialogContent>
        <FormDialogActions busy={f.busy} onClose={props.onClose} submitLabel="Save" />
      </form>
    </FormDialog>
  );
}

/** The key's settings as typed, checked, and their saving. */
function useKeyBudget(props: { apiKey: KeyBudget; submit: (input: UpdateApiKeyInput) => Promise<unknown>; onDone: () => void }) {
  const k = props.apiKey;
  const [label, setLabel] = useState(k.label ?? '');
  const [limit, setLimit] = useState(
    k.spendLimitMillicredits === null ? '' : formatCredits(k.spendLimitMillicredits, { decimals: 'trim' }),
  );
  const [reset, setReset] = useState<KeyLimitReset>(k.limitReset);
  const [models, setModels] = useState((k.allowedModels ?? []).join(', '));
  const [touched, setTouched] = useState(false);
  const { busy, error, save } = useSave();

  const parsed = limit.trim() ? parseCredits(limit) : null;
  const limitError = parsed && !parsed.ok ? parsed.error : null;
  const modelList = models
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);

  async function saveBudget(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (limitError) return;
    await save(async () => {
      await props.submit({
        label: label.trim() || null,
        spendLimitMillicredits: parsed?.ok ? parsed.millicredits.toString() : null,
        limitReset: reset,
        allowedModels: modelList.length ? modelList : null,
      });
      props.onDone();
    });
  }
  return { label, setLabel, limit, setLimit, reset, setReset, models, setModels, touched, busy, error, parsed, limitError, saveBudget };
}
