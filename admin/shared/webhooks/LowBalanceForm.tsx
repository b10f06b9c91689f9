import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useSave } from '../busy';
import { type ApiClient } from '../client';
import { formatCredits, formatUsdOfMillicredits } from '../../../server/src/money/format';
import { SetLowBalanceThresholdsMutation } from './operations';
import { parseThresholdEntry } from './rules';

export interface LowBalanceState {
  thresholdMillicredits: string;
  percent?: number | null;
  custom: boolean;
  alerted: boolean;
}

/** At most this many thresholds (the server's limit). */
const MAX_THRESHOLDS = 10;

const asText = (a: LowBalanceState) => (a.percent ? `${a.percent}%` : formatCredits(a.thresholdMillicredits).replace(/,/g, ''));
const describe = (a: LowBalanceState) =>
  `${formatCredits(a.thresholdMillicredits)} credits${a.percent ? ` (${a.percent} % of your last purchase)` : ''}`;

/**
 * The account's low-balance thresholds, each in credits (exact to the millicredit) or in percent of
 * the last purchase, or back to the default. Each alerts once when available credit falls below it.
 */
export function LowBalanceForm(props: {
  api: Pick<ApiClient, 'request'>;
  /** Omitted: the signed-in account's own. */
  accountId?: string | null;
  alerts: LowBalanceState[];
  canEdit: boolean;
  onSaved?: (alerts: LowBalanceState[]) => void;
}) {
  const { alerts, rows, setRows, touched, setTouched, busy, error, saved, parsed, save } = useThresholds(props);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const filled = parsed.filter((_, i) => rows[i].trim() !== '');
    if (filled.length > 0 && filled.every((p) => p.ok)) void save(filled);
  };
  const custom = alerts.some((a) => a.custom);

  return (
    <Stack spacing={2}>
      <ThresholdSummary alerts={alerts} />
      {props.canEdit && (
        <Stack component="form" spacing={1.5} onSubmit={submit} noValidate>
          {rows.map((text, i) => (
            <ThresholdRow
              key={i}
              index={i}
              text={text}
              parsed={parsed[i]}
              touched={touched}
              removable={rows.length > 1}
              onChange={(value) => setRows(rows.map((r, j) => (j === i ? value : r)))}
              onBlur={() => setTouched(true)}
              onRemove={() => setRows(rows.filter((_, j) => j !== i))}
            />
          ))}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <Button disabled={busy || rows.length >= MAX_THRESHOLDS} onClick={() => setRows([...rows, ''])} sx={{ whiteSpace: 'nowrap' }}>
              Add threshold
            </Button>
            <Button type="submit" variant="contained" disabled={busy} sx={{ whiteSpace: 'nowrap' }}>
              Save thresholds
            </Button>
            {custom && (
              <Button disabled={busy} onClick={() => void save([])} sx={{ whiteSpace: 'nowrap' }}>
                Use the default
              </Button>
            )}
          </Stack>
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

/** The thresholds being edited, and their saving. */
function useThresholds(props: {
  api: Pick<ApiClient, 'request'>;
  accountId?: string | null;
  alerts: LowBalanceState[];
  onSaved?: (alerts: LowBalanceState[]) => void;
}) {
  const [alerts, setAlerts] = useState(props.alerts);
  const [rows, setRows] = useState(() => (props.alerts.some((a) => a.custom) ? props.alerts.map(asText) : ['']));
  const [touched, setTouched] = useState(false);
  const { busy, error, save: saving } = useSave();
  const [saved, setSaved] = useState<string | null>(null);
  const parsed = rows.map(parseThresholdEntry);

  async function save(entries: typeof parsed) {
    setSaved(null);
    await saving(async () => {
      const { setLowBalanceThresholds: now } = await props.api.request(SetLowBalanceThresholdsMutation, {
        accountId: props.accountId ?? null,
        thresholdsMillicredits: entries.flatMap((e) => (e.ok && e.thresholdMillicredits !== undefined ? [e.thresholdMillicredits] : [])),
        thresholdsPercent: entries.flatMap((e) => (e.ok && e.percent !== undefined ? [e.percent] : [])),
      });
      setAlerts(now);
      setRows(now.some((a) => a.custom) ? now.map(asText) : ['']);
      setTouched(false);
      setSaved(entries.length === 0 ? `Back to the default: ${describe(now[0])}.` : `Saved: ${now.map(describe).join(', ')}.`);
      props.onSaved?.(now);
    });
  }
  return { alerts, rows, setRows, touched, setTouched, busy, error, saved, parsed, save };
}

function ThresholdSummary({ alerts }: { alerts: LowBalanceState[] }) {
  return (
    <Typography variant="body2" color="text.secondary" data-testid="low-balance-threshold">
      Alert when available credit falls below {alerts.map(describe).join(', ')}
      {alerts.some((a) => a.custom) ? '' : ', the default'} (≈{' '}
      {alerts.map((a) => formatUsdOfMillicredits(a.thresholdMillicredits)).join(', ')}).{' '}
      {alerts.some((a) => a.alerted)
        ? `Alerted: below ${alerts
            .filter((a) => a.alerted)
            .map((a) => formatCredits(a.thresholdMillicredits))
            .join(', ')} now.`
        : 'Not alerted.'}
    </Typography>
  );
}

/** One threshold's field (credits or percent), with what it parses to, and a remove button. */
function ThresholdRow(props: {
  index: number;
  text: string;
  parsed: ReturnType<typeof parseThresholdEntry>;
  touched: boolean;
  removable: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
  onRemove: () => void;
}) {
  const { index: i, text, parsed: p } = props;
  const bad = props.touched && text.trim() !== '' && !p.ok;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={i === 0 ? 'Low-balance threshold (credits or %)' : `Threshold ${i + 1} (credits or %)`}
        value={text}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
        error={bad}
        helperText={
          bad && !p.ok
            ? p.error
            : p.ok && p.percent !== undefined
              ? `${p.percent} % of your last purchase`
              : p.ok
                ? `= ${p.thresholdMillicredits} millicredits`
                : ' '
        }
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        sx={{ width: { xs: '100%', sm: 320 } }}
      />
      {props.removable && (
        <IconButton aria-label={`Remove threshold ${i + 1}`} onClick={props.onRemove} sx={{ mt: 1 }}>
          ×
        </IconButton>
      )}
    </Stack>
  );
}
