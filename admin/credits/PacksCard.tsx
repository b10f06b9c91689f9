import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import { useState } from 'react';
import { errorMessage } from '../shared/client';
import type { CreditsPageQuery } from '../shared/gql/graphql';
import { formatCents, formatCredits } from '../../server/src/money/format';
import { ErrorText } from './ErrorText';
import { BuyPackMutation } from './operations';
import { Section } from './Section';
import { api } from './session';

type Pack = CreditsPageQuery['creditPacks'][number];

/** Packs for the signed-in account, or (`team`) for a team the account owns: the same Checkout. */
export function PacksCard({ packs, returnTo, team }: { packs: Pack[]; returnTo: string | null; team?: { id: string; name: string } }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function buy(pack: Pack) {
    setBusy(pack.id);
    setError(null);
    try {
      const { createCheckoutSession } = await api.request(BuyPackMutation, { packId: pack.id, returnTo, accountId: team?.id ?? null });
      window.location.assign(createCheckoutSession.url);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }

  return (
    <Section title={team ? `Buy credits for ${team.name}` : 'Buy credits'}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' }}>
        {packs.map((pack) => (
          <Card
            key={pack.id}
            variant="outlined"
            component="article"
            aria-label={team ? `${pack.name} pack for ${team.name}` : `${pack.name} pack`}
          >
            <CardContent>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {pack.name}
              </Typography>
              <Typography variant="h5" component="p">
                {formatCents(pack.priceCents)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {formatCredits(pack.creditsMillicredits, { decimals: 'trim' })} credits
              </Typography>
            </CardContent>
            <CardActions>
              <Button
                variant="contained"
                fullWidth
                disabled={busy !== null}
                onClick={() => void buy(pack)}
                aria-label={`Buy the ${pack.name} pack${team ? ` for ${team.name}` : ''}: ${formatCredits(pack.creditsMillicredits, { decimals: 'trim' })} credits for ${formatCents(pack.priceCents)}`}
              >
                {busy === pack.id ? 'Opening checkout…' : 'Buy'}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Box>
      <ErrorText error={error} />
    </Section>
  );
}
