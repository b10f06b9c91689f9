import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Title, usePermissions } from 'react-admin';
import { errorMessage } from '../../shared/client';
import type { DashboardQuery as DashboardData } from '../../shared/gql/graphql';
import { api } from '../api';
import { atLeast } from '../roles';
import { DashboardQuery } from './operations';
import { AccountsPanel, BreakagePanel, CreditsPanel, ModelPanels, RefusalsPanel, RevenuePanel, type Day } from './panels';
import { RangePicker, useDashboardRange } from './RangePicker';
import type { DateRange } from './range';
import { StatCards } from './StatCards';

function zeroDay(date: string): Day {
  return {
    date,
    revenueUsd: 0,
    cogsUsd: 0,
    marginUsd: 0,
    marginRatio: null,
    calls: 0,
    creditsPurchasedMillicredits: '0',
    creditsDeductedMillicredits: '0',
    creditsPromotionalMillicredits: '0',
    creditsExpiredMillicredits: '0',
    creditsRefundedMillicredits: '0',
    revenueMillicredits: '0',
    costMicroUsd: '0',
    marginMillicredits: '0',
  };
}

/** Every day of the range, a day without figures as zeros. */
function daysOf(range: DateRange, data: DashboardData | undefined) {
  const byDate = new Map((data?.financeDaily ?? []).map((d) => [d.date, d]));
  const refusedByDate = new Map((data?.refusalsDaily ?? []).map((r) => [r.date, r]));
  return {
    days: range.days.map((d) => byDate.get(d) ?? zeroDay(d)),
    refusals: range.days.map((date) => refusedByDate.get(date) ?? { date, graphql: 0, proxy: 0, total: 0 }),
  };
}

function useDashboardData(range: DateRange, allowed: boolean) {
  const breakageFrom = useMemo(() => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1)).toISOString(), []);
  return useQuery({
    queryKey: ['dashboard', range.from, range.to],
    queryFn: () => api.request(DashboardQuery, { from: range.from, to: range.to, breakageFrom }),
    enabled: allowed,
  });
}

export default function Dashboard() {
  const { permissions } = usePermissions<string>();
  const picker = useDashboardRange();
  const allowed = atLeast(permissions, 'FINANCE');
  const query = useDashboardData(picker.range, allowed);

  if (permissions !== undefined && !allowed)
    return (
      <Box sx={{ p: 2 }}>
        <Title title="Dashboard" />
        <Alert severity="info">The finance dashboard is for the FINANCE and ADMIN roles. Use Accounts and Purchases from the menu.</Alert>
      </Box>
    );

  const loading = query.isPending;
  const data = query.data;
  const { days, refusals } = daysOf(picker.range, data);
  return (
    <Box sx={{ py: 2 }}>
      <Title title="Dashboard" />
      <RangePicker {...picker} />
      {query.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorMessage(query.error)}
        </Alert>
      )}
      <StatCards data={data} loading={loading} />
      <Stack spacing={2}>
        <RevenuePanel days={days} loading={loading} />
        <CreditsPanel days={days} loading={loading} />
        <ModelPanels data={data} loading={loading} />
        <AccountsPanel accounts={data?.topAccounts ?? []} loading={loading} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
          <BreakagePanel months={data?.breakageByMonth ?? []} loading={loading} />
          <RefusalsPanel refusals={refusals} loading={loading} />
        </Box>
      </Stack>
    </Box>
  );
}
