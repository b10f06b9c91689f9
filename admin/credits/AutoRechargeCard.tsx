import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useSave } from '../shared/busy';
import type { CreditsPageQuery } from '../shared/gql/graphql';
import { formatCents, formatCredits } from '../../server/src/money/format';
import { parseCredits, parseDollarsToCents } from '../shared/money';
import type { Account } from './account';
import { ErrorText } from './ErrorText';
import { SetAutoRechargeMutation } from './operations';
import { Section } from './Section';
import { api } from './session';

export function AutoRechargeCard(props: {
  autoRecharge: Account['autoRecharge'];
  packs: CreditsPageQuery['creditPacks'];
  onSaved: () => void;
}) {
  const current = props.autoRecharge;
  const form = useAutoRechargeForm(props);

  return (
    <Section title="Auto-recharge">
      <AutoRechargeIntro current={current} />
      <Stack component="form" spacing={2} onSubmit={form.submit} noValidate>
        <FormControlLabel
          control={<Switch checked={form.enabled} onChange={(e) => form.setEnabled(e.target.checked)} />}
          label="Recharge automatically"
        />
        <AutoRechargeFields packs={props.packs} form={form} />
        <div>
          <Button type="submit" variant="contained" disabled={form.busy || !form.thresholdParsed.ok || !form.limitParsed.ok}>
            Save auto-recharge
          </Button>
        </div>
        <ErrorText error={form.error} />
        {form.saved && (
          <Alert severity="success" role="status">
            Auto-recharge saved.
          </Alert>
        )}
      </Stack>
    </Section>
  );
}

/** The form's fields, checked as typed, and saving them. */
function useAutoRechargeForm(props: {
  autoRecharge: Account['autoRecharge'];
  packs: CreditsPageQuery['creditPacks'];
  onSaved: () => void;
}) {
  const current = props.autoRecharge;
  const [enabled, setEnabled] = useState(current?.enabled ?? false);
  const [threshold, setThreshold] = useState(
    current ? formatCredits(current.thresholdMillicredits, { decimals: 'trim' }).replace(/,/g, '') : '1000',
  );
  const [packId, setPackId] = useState(current?.packId ?? props.packs[0]?.id ?? '');
  const [limit, setLimit] = useState(current ? (current.monthlyLimitCents / 100).toFixed(2) : '50.00');
  const [saved, setSaved] = useState(false);
  const { busy, error, save } = useSave();

  const thresholdParsed = parseCredits(threshold);
  const limitParsed = parseDollarsToCents(limit);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!thresholdParsed.ok || !limitParsed.ok) return;
    setSaved(false);
    await save(async () => {
      await api.request(SetAutoRechargeMutation, {
        input: {
          enabled,
          thresholdMillicredits: thresholdParsed.millicredits.toString(),
          packId,
          monthlyLimitCents: Number(limitParsed.cents),
        },
      });
      setSaved(true);
      props.onSaved();
    });
  }
  return {
    enabled,
    setEnabled,
    threshold,
    setThreshold,
    packId,
    setPackId,
    limit,
    setLimit,
    error,
    saved,
    busy,
    thresholdParsed,
    limitParsed,
    submit,
  };
}

function AutoRechargeIntro({ current }: { current: Account['autoRecharge'] }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Buys a pack with your saved card when your balance falls below a threshold, up to a monthly limit.
        {current && ` Spent this month: ${formatCents(current.spentThisMonthCents)}.`}
      </Typography>
      {current?.notice && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {current.notice}
        </Alert>
      )}
      {!current?.hasPaymentMethod && (
        <Alert severity="info" sx={{ mb: 2 }}>
          No card is saved yet: buying a pack once saves your card for auto-recharge.
        </Alert>
      )}
    </>
  );
}

/** The threshold (credits), the pack to buy and the monthly limit (USD), each checked as typed. */
function AutoRechargeFields(props: { packs: CreditsPageQuery['creditPacks']; form: ReturnType<typeof useAutoRechargeForm> }) {
  const { threshold, setThreshold, thresholdParsed, packId, setPackId, limit, setLimit, limitParsed } = props.form;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextField
        label="When the balance falls below (credits)"
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
        error={!thresholdParsed.ok}
        helperText={thresholdParsed.ok ? `≈ ${formatCents((thresholdParsed.millicredits + 5_000n) / 10_000n)}` : thresholdParsed.error}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        fullWidth
      />
      <TextField select label="Buy this pack" value={packId} onChange={(e) => setPackId(e.target.value)} fullWidth>
        {props.packs.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}: {formatCredits(p.creditsMillicredits, { decimals: 'trim' })} credits for {formatCents(p.priceCents)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label="Monthly limit (USD)"
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        error={!limitParsed.ok}
        helperText={limitParsed.ok ? ' ' : limitParsed.error}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        fullWidth
      />
    </Stack>
  );
}
