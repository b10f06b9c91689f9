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
  const params = new URLSearchParams(window.location.search);
  const returnTo = sanitizeReturnTo(params.get('returnTo'));
  const { state, balance, live, load, signOut } = useCreditsPage();

  return (
    <Box sx={{ minHeight: '100dvh', bgcolor: 'background.default' }}>
      <TopBar
        name={state.kind === 'ready' ? (state.data.me.name ?? state.data.me.email) : null}
        returnTo={returnTo}
        onSignOut={state.kind === 'ready' ? () => void signOut() : null}
      />
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
          <Cards data={state.data} balance={balance} live={live} params={params} returnTo={returnTo} load={load} />
        )}
        <Box component="footer" sx={{ mt: 4, color: 'text.secondary' }}>
          <Typography variant="body2">Credits are prepaid. 1,000 Credits = $1.00. You only pay for actual token usage.</Typography>
          <Typography variant="body2">USD equivalent is approximate.</Typography>
        </Box>
      </Container>
    </Box>
  );
}

/** The page's data, its live balance (newest wins), and signing out. */
function useCreditsPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [balance, setBalance] = useState<Balance | null>(null);
  const [live, setLive] = useState(false);

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
  return { state, balance, live, load, signOut };
}

/** The title, who is signed in, the way back to the app, and signing out. */
function TopBar(props: { name: string | null; returnTo: string | null; onSignOut: (() => void) | null }) {
  return (
    <AppBar position="static" elevation={0}>
      <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h1" sx={{ flexGrow: 1 }}>
          Credits
        </Typography>
        {props.onSignOut && (
          <Typography variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '60vw' }}>
            {props.name}
          </Typography>
        )}
        {props.returnTo && (
          <Button color="inherit" variant="outlined" href={props.returnTo}>
            Back to the app
          </Button>
        )}
        {props.onSignOut && (
          <Button color="inherit" onClick={props.onSignOut}>
            Sign out
          </Button>
        )}
      </Toolbar>
    </AppBar>
  );
}

/** The signed-in page: every card of the account. */
function Cards(props: {
  data: CreditsPageData;
  balance: Balance;
  live: boolean;
  params: URLSearchParams;
  returnTo: string | null;
  load: () => Promise<void>;
}) {
  const { data, balance, returnTo, load } = props;
  const me = data.me;
  return (
    <Stack spacing={{ xs: 2, sm: 3 }}>
      <CheckoutNotice params={props.params} returnTo={returnTo} purchases={me.purchases} onSeen={load} />
      <LowBalanceBanner balance={balance} alert={me.lowBalanceAlert} autoRecharge={me.autoRecharge} inTeam={me.teams.length > 0} />
      <Box sx={{ display: 'grid', gap: { xs: 2, sm: 3 }, gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' } }}>
        <BalanceCard balance={balance} live={props.live} />
        <PacksCard packs={data.creditPacks} returnTo={returnTo} />
      </Box>
      {me.teams.length > 0 && (
        <Suspense fallback={null}>
          <TeamCredits accountId={me.id} teams={me.teams} packs={data.creditPacks} returnTo={returnTo} />
        </Suspense>
      )}
      <UsageCard />
      <Suspense fallback={null}>
        <UsageHistoryCard accountId={me.id} teams={me.teams} />
      </Suspense>
      <ExpiringCard />
      <PurchasesCard purchases={me.purchases} packs={data.creditPacks} />
      <Box sx={{ display: 'grid', gap: { xs: 2, sm: 3 }, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <StatementsCard since={me.createdAt} />
        <PromoCard onRedeemed={load} />
      </Box>
      <AutoRechargeCard autoRecharge={me.autoRecharge} packs={data.creditPacks} onSaved={load} />
      <Suspense fallback={<Typography color="text.secondary">Loading alerts and webhooks…</Typography>}>
        <AlertsAndWebhooks alerts={me.lowBalanceAlerts} onSaved={load} />
      </Suspense>
    </Stack>
  );
}
