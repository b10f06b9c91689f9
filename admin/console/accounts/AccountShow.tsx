import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Show, TabbedShowLayout, TabbedShowLayoutTabs, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import { formatDate, formatDateTime, formatMonth, monthsSince } from '../../shared/dates';
import type { AccountBalanceSubscription as BalanceEvent } from '../../shared/gql/graphql';
import { formatCents, formatCount, formatCredits, formatUsdOfMillicredits, formatUsdSixDecimals } from '../../../server/src/money/format';
import { usdToMicros } from '../../shared/money';
import { api } from '../api';
import { atLeast } from '../roles';
import { ConfirmedButton } from '../shared/Confirmed';
import { CursorTable } from '../shared/CursorTable';
import { pageOf } from '../../shared/paging';
import { AdjustBalanceDialog } from './AdjustBalanceDialog';
import { ApiKeysPanel } from './ApiKeysPanel';
import { EndpointsPanel } from '../../shared/webhooks/EndpointsPanel';
import { LowBalanceForm } from '../../shared/webhooks/LowBalanceForm';
import {
  AccountGrantsQuery,
  AccountLedgerQuery,
  AccountPurchasesQuery,
  AccountUsageQuery,
  AccountBalanceSubscription,
  AdjustBalanceMutation,
  VoidGrantMutation,
} from './operations';
import type { AccountDetail } from './resource';

type Balance = BalanceEvent['balanceUpdated'];

/** The record's balance, then every change pushed over graphql-ws. */
function useLiveBalance(account: AccountDetail | undefined): { balance: Balance | null; live: boolean } {
  const [balance, setBalance] = useState<Balance | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!account) return;
    setBalance((b) => (b && b.accountId === account.id && b.updatedAt > account.balance.updatedAt ? b : account.balance));
    const stop = api.subscribe(
      AccountBalanceSubscription,
      { accountId: account.id },
      ({ balanceUpdated }) => {
        setLive(true);
        setBalance((b) => (b && b.updatedAt > balanceUpdated.updatedAt ? b : balanceUpdated));
      },
      () => setLive(false),
    );
    setLive(true);
    return () => {
      stop();
      setLive(false);
    };
  }, [account]);
  return { balance, live };
}

function BalanceCard({
  balance,
  live,
  canAdjust,
  onAdjust,
}: {
  balance: Balance;
  live: boolean;
  canAdjust: boolean;
  onAdjust: () => void;
}) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Box sx={{ flexGrow: 1 }}>
            <Typography variant="body2" color="text.secondary" component="h3">
              Balance <Chip size="small" color={live ? 'success' : 'default'} label={live ? 'Live' : 'Connecting…'} sx={{ ml: 1 }} />
            </Typography>
            <Typography variant="h4" component="p" sx={{ fontWeight: 600 }} data-testid="account-balance" aria-live="polite">
              {formatCredits(balance.balanceMillicredits)} credits
            </Typography>
            <Typography variant="body2" color="text.secondary">
              ≈ {formatUsdOfMillicredits(balance.balanceMillicredits)} · available {formatCredits(balance.availableMillicredits)} · held{' '}
              {formatCredits(balance.heldMillicredits)}
            </Typography>
          </Box>
          {canAdjust && (
            <Button variant="contained" onClick={onAdjust}>
              Adjust balance
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

function AutoRechargeSummary({ ar }: { ar: AccountDetail['autoRecharge'] }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3">
          Auto-recharge
        </Typography>
        {ar ? (
          <Typography>
            {ar.enabled ? 'On' : 'Off'}: below {formatCredits(ar.thresholdMillicredits)} credits buy{' '}
            {ar.packId ?? `up to ${formatCredits(ar.targetBalanceMillicredits ?? '0')} credits`}; limit {formatCents(ar.monthlyLimitCents)}{' '}
            a month, {formatCents(ar.spentThisMonthCents)} spent this month.
            {ar.hasPaymentMethod ? ' A card is saved.' : ' No card saved.'}
            {ar.notice && ` Notice: ${ar.notice}`}
          </Typography>
        ) : (
          <Typography color="text.secondary">Not set up.</Typography>
        )}
      </CardContent>
    </Card>
  );
}

function Overview() {
  const account = useRecordContext<AccountDetail>();
  const { permissions } = usePermissions<string>();
  const { balance, live } = useLiveBalance(account);
  const [adjusting, setAdjusting] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const client = useQueryClient();
  if (!account || !balance) return null;
  const admin = atLeast(permissions, 'ADMIN');
  return (
    <Stack spacing={2}>
      <BalanceCard balance={balance} live={live} canAdjust={admin} onAdjust={() => setAdjusting(true)} />
      <AutoRechargeSummary ar={account.autoRecharge} />
      {account.lowBalanceAlert && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
              Low-balance alerts
            </Typography>
            <LowBalanceForm
              key={account.id}
              api={api}
              accountId={account.id}
              alerts={account.lowBalanceAlerts}
              canEdit={admin}
              onSaved={() => refresh()}
            />
          </CardContent>
        </Card>
      )}
      {adjusting && (
        <AdjustBalanceDialog
          open
          accountId={account.id}
          email={account.email}
          balanceMillicredits={balance.balanceMillicredits}
          onClose={() => setAdjusting(false)}
          submit={(input) => api.request(AdjustBalanceMutation, { input })}
          onDone={(amount) => {
            setAdjusting(false);
            notify(`Adjusted by ${formatCredits(amount, { signed: true })} credits`, { type: 'success' });
            void client.invalidateQueries({ queryKey: ['ledger', account.id] });
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

function Ledger() {
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  return (
    <CursorTable
      label="Ledger"
      empty="No entries yet."
      queryKey={['ledger', account.id]}
      load={async (after) => {
        const { account: a } = await api.request(AccountLedgerQuery, { id: account.id, first: 25, after });
        const c = a!.ledger;
        return pageOf(c);
      }}
      rowKey={(r) => r.id}
      columns={[
        { label: 'When', value: (r) => formatDateTime(r.createdAt) },
        { label: 'Type', value: (r) => r.type },
        { label: 'Amount (credits)', value: (r) => formatCredits(r.amountMillicredits, { signed: true }), numeric: true },
        { label: 'Balance after', value: (r) => formatCredits(r.balanceAfterMillicredits), numeric: true },
        { label: 'Reason', value: (r) => r.reason ?? '' },
        { label: 'Reference', value: (r) => r.referenceId ?? '' },
      ]}
    />
  );
}

function Usage() {
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  return (
    <CursorTable
      label="Usage"
      empty="No usage yet."
      queryKey={['usage', account.id]}
      load={async (after) => {
        const { account: a } = await api.request(AccountUsageQuery, { id: account.id, first: 25, after });
        const c = a!.usage;
        return pageOf(c);
      }}
      rowKey={(r) => r.id}
      columns={[
        { label: 'When', value: (r) => formatDateTime(r.createdAt) },
        { label: 'Model', value: (r) => r.model },
        {
          label: 'Tokens in / cached / out',
          value: (r) => `${formatCount(r.inputTokens)} / ${formatCount(r.cachedInputTokens)} / ${formatCount(r.outputTokens)}`,
          numeric: true,
        },
        {
          label: 'Rate snapshot (in / cached / out per 1k)',
          value: (r) => `${r.inputPer1k} / ${r.cachedInputPer1k} / ${r.outputPer1k}`,
          numeric: true,
        },
        { label: 'Charged (credits)', value: (r) => formatCredits(r.chargedMillicredits), numeric: true },
        { label: 'Cost (USD)', value: (r) => formatUsdSixDecimals(usdToMicros(r.costUsd)), numeric: true },
        // 1 millicredit = 1 micro-dollar of revenue.
        {
          label: 'Margin (USD)',
          value: (r) => formatUsdSixDecimals(BigInt(r.chargedMillicredits) - usdToMicros(r.costUsd)),
          numeric: true,
        },
      ]}
    />
  );
}

function Purchases() {
  const account = useRecordContext<AccountDetail>();
  const query = useQuery({
    queryKey: ['purchases', account?.id],
    queryFn: () => api.request(AccountPurchasesQuery, { id: account!.id }),
    enabled: !!account,
  });
  if (!query.data?.account) return null;
  const rows = query.data.account.purchases;
  if (rows.length === 0) return <Typography color="text.secondary">No purchases.</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
      {rows.map((p) => (
        <li key={p.id}>
          <Typography>
            {formatDateTime(p.createdAt)} · {p.packId} · {formatCredits(p.creditsMillicredits, { decimals: 0 })} credits ·{' '}
            {formatCents(p.amountPaidCents ?? p.amountCents)} · <strong>{p.status}</strong>
            {p.refundedCents > 0 && ` · refunded ${formatCents(p.refundedCents)}`}
            {p.failureReason && ` · ${p.failureReason}`}
            {p.receiptUrl && (
              <>
                {' · '}
                <Link href={p.receiptUrl} target="_blank" rel="noopener noreferrer">
                  Receipt
                </Link>
              </>
            )}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

function Grants() {
  const account = useRecordContext<AccountDetail>();
  const { permissions } = usePermissions<string>();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['grants', account?.id],
    queryFn: () => api.request(AccountGrantsQuery, { id: account!.id }),
    enabled: !!account,
  });
  if (!query.data?.account) return null;
  const grants = query.data.account.grants;
  if (grants.length === 0) return <Typography color="text.secondary">No grants.</Typography>;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
      {grants.map((g) => (
        <Box component="li" key={g.id} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Chip size="small" label={g.kind} /> <Chip size="small" variant="outlined" label={g.status} />
          <Typography>
            {formatCredits(g.remainingMillicredits)} of {formatCredits(g.amountMillicredits)} credits left · expires{' '}
            {g.expiresAt ? formatDate(g.expiresAt) : 'never'}
          </Typography>
          {atLeast(permissions, 'ADMIN') && g.status === 'ACTIVE' && (
            <ConfirmedButton
              label="Void"
              title="Void this grant?"
              content={`Its unused ${formatCredits(g.remainingMillicredits)} credits are removed from the balance (an audited ADJUSTMENT).`}
              buttonProps={{ color: 'error' }}
              onConfirm={async () => {
                await api.request(VoidGrantMutation, { grantId: g.id, reason: 'Voided from the console' });
                await client.invalidateQueries({ queryKey: ['grants', account!.id] });
              }}
              done="Grant voided"
            />
          )}
        </Box>
      ))}
    </Box>
  );
}

function Statements() {
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {monthsSince(account.createdAt, 12).map((month) => (
        <li key={month}>
          {formatMonth(month)}: <Link href={`/statements/${month}.csv?accountId=${account.id}`}>CSV</Link>
          {' · '}
          <Link href={`/statements/${month}.pdf?accountId=${account.id}`} target="_blank" rel="noopener noreferrer">
            PDF
          </Link>
        </li>
      ))}
    </Box>
  );
}

function Webhooks() {
  const account = useRecordContext<AccountDetail>();
  const { permissions } = usePermissions<string>();
  if (!account) return null;
  return (
    <EndpointsPanel
      api={api}
      accountId={account.id}
      canAct={atLeast(permissions, 'ADMIN')}
      logHref={(id) => `/admin/webhookEndpoints/${id}/show`}
    />
  );
}

function Header() {
  const account = useRecordContext<AccountDetail>();
  if (!account) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {account.name ?? account.email}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {account.email} · id {account.id} · since {formatDate(account.createdAt)}
      </Typography>
    </Box>
  );
}

export default function AccountShow() {
  return (
    <Show title="Account">
      <Header />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
        <TabbedShowLayout.Tab label="Overview">
          <Overview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Ledger" path="ledger">
          <Ledger />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Usage" path="usage">
          <Usage />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Purchases" path="purchases">
          <Purchases />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Grants" path="grants">
          <Grants />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="API keys" path="keys">
          <ApiKeysPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Webhooks" path="webhooks">
          <Webhooks />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Statements" path="statements">
          <Statements />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
