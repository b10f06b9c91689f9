import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatCredits, formatUsdOfMillicredits } from '../../server/src/money/format';
import type { Balance } from './account';
import { Section } from './Section';

export function BalanceCard({ balance, live }: { balance: Balance; live: boolean }) {
  const held = BigInt(balance.heldMillicredits);
  return (
    <Section title="Balance" action={<Chip size="small" color={live ? 'success' : 'default'} label={live ? 'Live' : 'Connecting…'} />}>
      <Stack spacing={0.5} aria-live="polite" aria-atomic="true">
        <Typography
          component="p"
          sx={{ fontSize: { xs: '2rem', sm: '2.5rem' }, fontWeight: 600, lineHeight: 1.2, overflowWrap: 'anywhere' }}
        >
          <span data-testid="balance-credits">{formatCredits(balance.availableMillicredits, { decimals: 'trim' })}</span>
          <Typography component="span" sx={{ display: 'block', fontSize: '1rem', fontWeight: 400, color: 'text.secondary' }}>
            credits available
          </Typography>
        </Typography>
        <Typography color="text.secondary" data-testid="balance-usd">
          ≈ {formatUsdOfMillicredits(balance.availableMillicredits)} USD
        </Typography>
        {held > 0n && (
          <Typography variant="body2" color="text.secondary">
            {formatCredits(held, { decimals: 'trim' })} credits reserved by calls in progress
          </Typography>
        )}
      </Stack>
    </Section>
  );
}
