import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../shared/client';
import type { CreditsPageQuery as CreditsPageData } from '../shared/gql/graphql';
import { sanitizeReturnTo } from '../shared/return-to';
import type { Balance } from './account';
import { AutoRechargeCard } from './AutoRechargeCard';
import { BalanceCard } from './BalanceCard';
import { ExpiringCard } from './ExpiringCard';
import { CheckoutNotice, LowBalanceBanner } from './Notices';
import { CreditsPageQuery, CreditsBalanceSubscription, SignOutMutation } from './operations';
import { PacksCard } from './PacksCard';
import { PromoCard } from './PromoCard';
import { PurchasesCard } from './PurchasesCard';
import { api } from './session';
import { SignedOut } from './SignedOut';
import { StatementsCard } from './StatementsCard';
import { UsageCard } from './UsageCard';

// Only accounts in a team need the team view: it loads apart from the page's first script.
const TeamCredits = lazy(() => import('./TeamCredits'));
const AlertsAndWebhooks = lazy(() => import('./AlertsAndWebhooks'));
const UsageHistoryCard = lazy(() => import('./UsageHistoryCard').then((m) => ({ default: m.UsageHistoryCard })));

type State = { kind: 'loading' } | { kind: 'signedOut'; error?: string } | { kind: 'ready'; data: CreditsPageData };

export function CreditsApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [balance, setBalance] = useState<Balance | null>(null);
  const [live, setLive] = useState(false);
  const params = new URLSearchParams(window.location.search);
  const returnTo = sanitizeReturnTo(params.get('returnTo'));

  const load = useCallback(async () => {
    try {
      const data = await api.request(CreditsPageQuery);
      setState({ kind: 'ready', data });
      setBalance((current) => (current && current.updatedAt > data.me.balance.updatedAt ? current : data.me.balance));
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) setState({ kind: 'signedOut' });
      else setState({ kind: 'signedOut', error: errorMessage(error) });
    }
  }, []);

  useEffect(() => void load(), [load]);

  const accountId = state.kind === 'ready' ? state.data.me.id : null;
  useEffect(() => {
    if (!accountId) return;
    const stop = api.subscribe(
      CreditsBalanceSubscription,
      {},
      ({ balanceUpdated }) => {
        setLive(true);
        setBalance((current) => (current && current.updatedAt > balanceUpdated.updatedAt ? current : balanceUpdated));
      },
      () => setLive(false),
    );
    setLive(true);
    return () => {
      stop();
      setLive(false);
    };
  }, [accountId]);

  const signOut = async () => {
    await api.request(SignOutMutation).catch(() => undefined);
    api.close();
    setState({ kind: 'signedOut' });
  };

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <AppBar position="static" elevation={0}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
            Credits
          </Typography>
          {state.kind === 'ready' && (
            <Typography variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '60vw' }}>
              {state.data.me.name ?? state.data.me.email}
            </Typography>
          )}
          {returnTo && (
            <Button color="inherit" variant="outlined" href={returnTo}>
              Back to the app
            </Button>
          )}
          {state.kind === 'ready' && (
            <Button color="inherit" onClick={() => void signOut()}>
              Sign out
            </Button>
          )}
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: { xs: 2, sm: 3 }, px: { xs: 1.5, sm: 3 } }}>
        {state.kind === 'loading' && (
          <Box role="status" sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
            <CircularProgress aria-label="Loading your credits" />
          </Box>
        )}
        {state.kind === 'signedOut' && (
          <SignedOut error={state.error} onSignedIn={load} linkExpired={params.get('portal') === 'expired'} returnTo={returnTo} />
        )}
        {state.kind === 'ready' && balance && (
          <Stack spacing={{ xs: 2, sm: 3 }}>
            <CheckoutNotice params={params} returnTo={returnTo} purchases={state.data.me.purchases} onSeen={load} />
            <LowBalanceBanner
              balance={balance}
              alert={state.data.me.lowBalanceAlert}
              autoRecharge={state.data.me.autoRecharge}
              inTeam={state.data.me.teams.length > 0}
            />
            <Box sx={{ display: 'grid', gap: { xs: 2, sm: 3 }, gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' } }}>
              <BalanceCard balance={balance} live={live} />
              <PacksCard packs={state.data.creditPacks} returnTo={returnTo} />
            </Box>
            {state.data.me.teams.length > 0 && (
              <Suspense fallback={null}>
                <TeamCredits accountId={state.data.me.id} teams={state.data.me.teams} packs={state.data.creditPacks} returnTo={returnTo} />
              </Suspense>
            )}
            <UsageCard />
            <Suspense fallback={null}>
              <UsageHistoryCard accountId={state.data.me.id} teams={state.data.me.teams} />
            </Suspense>
            <ExpiringCard />
            <PurchasesCard purchases={state.data.me.purchases} packs={state.data.creditPacks} />
            <Box sx={{ display: 'grid', gap: { xs: 2, sm: 3 }, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
              <StatementsCard since={state.data.me.createdAt} />
              <PromoCard onRedeemed={load} />
            </Box>
            <AutoRechargeCard autoRecharge={state.data.me.autoRecharge} packs={state.data.creditPacks} onSaved={load} />
            <Suspense fallback={<Typography color="text.secondary">Loading alerts and webhooks…</Typography>}>
              <AlertsAndWebhooks alerts={state.data.me.lowBalanceAlerts} onSaved={load} />
            </Suspense>
          </Stack>
        )}
        <Box component="footer" sx={{ mt: 4, color: 'text.secondary' }}>
          <Typography variant="body2">Credits are prepaid. 1,000 Credits = $1.00. You only pay for actual token usage.</Typography>
          <Typography variant="body2">USD equivalent is approximate.</Typography>
        </Box>
      </Container>
    </Box>
  );
}
