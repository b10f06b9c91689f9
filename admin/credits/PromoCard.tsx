import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../shared/client';
import { formatCredits } from '../../server/src/money/format';
import { ErrorText } from './ErrorText';
import { RedeemPromoMutation } from './operations';
import { Section } from './Section';
import { api } from './session';

export function PromoCard({ onRedeemed }: { onRedeemed: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const { redeemPromoCode } = await api.request(RedeemPromoMutation, { code: code.trim() });
      setDone(`${formatCredits(redeemPromoCode.amountMillicredits, { decimals: 'trim' })} credits added.`);
      setCode('');
      onRedeemed();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Promo code">
      <Stack component="form" direction={{ xs: 'column', sm: 'row' }} spacing={1} onSubmit={submit}>
        <TextField
          label="Promo code"
          size="small"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          slotProps={{ htmlInput: { maxLength: 64, autoCapitalize: 'characters', spellCheck: false } }}
          sx={{ flexGrow: 1 }}
        />
        <Button type="submit" variant="outlined" disabled={busy || !code.trim()}>
          Redeem
        </Button>
      </Stack>
      <ErrorText error={error} />
      {done && (
        <Alert severity="success" sx={{ mt: 1 }} role="status">
          {done}
        </Alert>
      )}
    </Section>
  );
}
