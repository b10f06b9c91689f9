import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/client';
import { formatDateTime } from '../shared/dates';
import type { CreditsExpiringQuery } from '../shared/gql/graphql';
import { formatCredits } from '../../server/src/money/format';
import { CreditsExpiringQuery as ExpiringQuery } from './operations';
import { Section } from './Section';
import { api } from './session';

type Grant = CreditsExpiringQuery['me']['grants'][number];

const KIND: Record<string, string> = {
  PURCHASE: 'Purchased',
  PROMO: 'Promotion',
  BONUS: 'Bonus',
  ADJUSTMENT: 'Adjustment',
  REVERSAL: 'Reversal',
  OPENING: 'Opening balance',
};

const DAY_MS = 86_400_000;

/** "in 3 days", "in 5 hours", "today". */
export function timeLeft(expiresAt: string, now = Date.now()): string {
  const ms = new Date(expiresAt).getTime() - now;
  if (ms >= 2 * DAY_MS) return `in ${Math.floor(ms / DAY_MS)} days`;
  if (ms >= DAY_MS) return 'in 1 day';
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 2 ? `in ${hours} hours` : 'within the hour';
}

/** Credits with an expiry, soonest first: what the `credits.expiring` notices warn about. */
export function ExpiringCard() {
  const [grants, setGrants] = useState<Grant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.request(ExpiringQuery).then(
      (d) =>
        setGrants(
          d.me.grants
            .filter((g) => g.expiresAt && BigInt(g.remainingMillicredits) > 0n)
            .sort((a, b) => (a.expiresAt! < b.expiresAt! ? -1 : 1)),
        ),
      (err) => setError(errorMessage(err)),
    );
  }, []);
  return (
    <Section title="Expiring credits">
      {error && <Alert severity="error">{error}</Alert>}
      {grants && grants.length === 0 && <Typography color="text.secondary">None of your credits expire.</Typography>}
      {grants && grants.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            Unused credits expire at these times. We also tell you by e-mail and webhook 7 days and 1 day before.
          </Typography>
          <TableContainer tabIndex={0} aria-label="Expiring credits, scrollable">
            <Table size="small" data-testid="expiring-credits">
              <TableHead>
                <TableRow>
                  <TableCell>Expires</TableCell>
                  <TableCell align="right">Credits</TableCell>
                  <TableCell>From</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {grants.map((g) => (
                  <TableRow key={g.id}>
                    <TableCell>
                      {formatDateTime(g.expiresAt)}{' '}
                      <Typography component="span" variant="body2" color="text.secondary">
                        ({timeLeft(g.expiresAt!)})
                      </Typography>
                    </TableCell>
                    <TableCell align="right">{formatCredits(g.remainingMillicredits, { decimals: 'trim' })}</TableCell>
                    <TableCell>{KIND[g.kind] ?? g.kind}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </Section>
  );
}
