import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { errorMessage, type ApiClient } from '../client';
import { formatCredits, formatUsdOfMillicredits } from '../money';
import { SetLowBalanceThresholdMutation } from './operations';
import { parseThreshold } from './rules';

export interface LowBalanceState {
  thresholdMillicredits: string;
  custom: boolean;
  alerted: boolean;
}

/** The low-balance threshold in credits (exact to the millicredit), or back to the default. */
export function LowBalanceForm(props: {
  api: Pick<ApiClient, 'request'>;
  /** Omitted: the signed-in account's own. */
  accountId?: string | null;
  alert: LowBalanceState;
  canEdit: boolean;
  onSaved?: (alert: LowBalanceState) => void;
}) {
  const [alert, setAlert] = useState(props.alert);
  const [text, setText] = useState(formatCredits(props.alert.thresholdMillicredits).replace(/,/g, ''));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const parsed = parseThreshold(text);

  async function save(thresholdMillicredits: string | null) {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const { setLowBalanceThreshold: now } = await props.api.request(SetLowBalanceThresholdMutation, {
        accountId: props.accountId ?? null,
        thresholdMillicredits,
      });
      setAlert(now);
      setText(formatCredits(now.thresholdMillicredits).replace(/,/g, ''));
      setTouched(false);
      setSaved(
        thresholdMillicredits === null
          ? `Back to the default: ${formatCredits(now.thresholdMillicredits)} credits.`
          : `Saved: ${formatCredits(now.thresholdMillicredits)} credits.`,
      );
      props.onSaved?.(now);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (parsed.ok) void save(parsed.thresholdMillicredits);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary" data-testid="low-balance-threshold">
        Alert when available credit falls below {formatCredits(alert.thresholdMillicredits)} credits (≈{' '}
        {formatUsdOfMillicredits(alert.thresholdMillicredits)}){alert.custom ? '' : ', the default'}.{' '}
        {alert.alerted ? 'Alerted: below it now.' : 'Not alerted.'}
      </Typography>
      {props.canEdit && (
        <Stack
          component="form"
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          onSubmit={submit}
          noValidate
          sx={{ alignItems: { sm: 'flex-start' } }}
        >
          <TextField
            label="Low-balance threshold (credits)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && !parsed.ok}
            helperText={touched && !parsed.ok ? parsed.error : parsed.ok ? `= ${parsed.thresholdMillicredits} millicredits` : ' '}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            sx={{ width: { xs: '100%', sm: 320 } }}
          />
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: { sm: 1 }, whiteSpace: 'nowrap', flexShrink: 0 }}>
            Save threshold
          </Button>
          {alert.custom && (
            <Button disabled={busy} onClick={() => void save(null)} sx={{ mt: { sm: 1 }, whiteSpace: 'nowrap', flexShrink: 0 }}>
              Use the default
            </Button>
          )}
        </Stack>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {saved && (
        <Alert severity="success" role="status">
          {saved}
        </Alert>
      )}
    </Stack>
  );
}
