import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Title, usePermissions } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../../shared/client';
import { formatDateTime, formatMonth, formatUtcDay, timeZone } from '../../shared/dates';
import type { DashboardQuery as DashboardData } from '../../shared/gql/graphql';
import {
  creditsForChart,
  formatChartUsd,
  formatCount,
  formatCredits,
  formatPercent,
  formatUsdCents,
  formatUsdMicros,
  usdAxisFormatter,
  usdForChart,
} from '../../../server/src/money/format';
import { api } from '../api';
import { atLeast } from '../roles';
import { ChartPanel, StatCard } from './ChartPanel';
import { DashboardQuery } from './operations';
import { rangeOf, type RangeChoice } from './range';

type Day = DashboardData['financeDaily'][number];
const COLORS = { revenue: '#1a56b8', cogs: '#c2410c', margin: '#15803d', purchased: '#5b3aa6', deducted: '#b45309' };
const chartHeight = 260;

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

export default function Dashboard() {
  const { permissions } = usePermissions<string>();
  const [choice, setChoice] = useState<RangeChoice>('30');
  const [custom, setCustom] = useState(() => {
    const r = rangeOf('30', { from: '', to: '' });
    return { from: r.days[0], to: r.days.at(-1)! };
  });
  const range = useMemo(() => rangeOf(choice, custom), [choice, custom]);
  const breakageFrom = useMemo(() => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 11, 1)).toISOString(), []);
  const allowed = atLeast(permissions, 'FINANCE');
  const query = useQuery({
    queryKey: ['dashboard', range.from, range.to],
    queryFn: () => api.request(DashboardQuery, { from: range.from, to: range.to, breakageFrom }),
    enabled: allowed,
  });

  if (permissions !== undefined && !allowed)
    return (
      <Box sx={{ p: 2 }}>
        <Title title="Dashboard" />
        <Alert severity="info">The finance dashboard is for the FINANCE and ADMIN roles. Use Accounts and Purchases from the menu.</Alert>
      </Box>
    );

  const loading = query.isPending;
  const data = query.data;
  const byDate = new Map((data?.financeDaily ?? []).map((d) => [d.date, d]));
  const days = range.days.map((d) => byDate.get(d) ?? zeroDay(d));
  // Revenue per call is a fraction of a cent: charts and tables use the exact figures, never the cents-rounded ones.
  const money = days.map((d) => ({
    day: formatUtcDay(d.date),
    revenue: usdForChart(d.revenueMillicredits),
    cogs: usdForChart(d.costMicroUsd),
    margin: usdForChart(d.marginMillicredits),
  }));
  const moneyAxis = usdAxisFormatter(money.flatMap((m) => [m.revenue, m.cogs, m.margin]));
  const credits = days.map((d) => ({
    day: formatUtcDay(d.date),
    purchased: creditsForChart(d.creditsPurchasedMillicredits),
    deducted: creditsForChart(d.creditsDeductedMillicredits),
  }));
  const newestFirst = [...days].reverse(); // tables: the latest day on top; charts: left to right
  const shortLabel = (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label);
  const anyMoney = days.some((d) => d.revenueMillicredits !== '0' || d.costMicroUsd !== '0');
  const accountSpend = (data?.topAccounts ?? []).map((a) => ({
    name: shortLabel(a.label ?? a.key),
    spend: usdForChart(a.revenueMillicredits),
  }));
  const breakage = (data?.breakageByMonth ?? []).map((b) => ({ month: b.month, usd: usdForChart(b.expiredMillicredits) }));
  const anyCredits = days.some((d) => d.creditsPurchasedMillicredits !== '0' || d.creditsDeductedMillicredits !== '0');
  const refusedByDate = new Map((data?.refusalsDaily ?? []).map((r) => [r.date, r]));
  const refusals = range.days.map((date) => refusedByDate.get(date) ?? { date, graphql: 0, proxy: 0, total: 0 });
  const run = data?.reconciliationRuns[0];
  const liability = data?.liability;

  return (
    <Box sx={{ py: 2 }}>
      <Title title="Dashboard" />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={choice}
          onChange={(_e, v: RangeChoice | null) => v && setChoice(v)}
          aria-label="Date range"
        >
          <ToggleButton value="7">7 days</ToggleButton>
          <ToggleButton value="30">30 days</ToggleButton>
          <ToggleButton value="90">90 days</ToggleButton>
          <ToggleButton value="custom">Custom</ToggleButton>
        </ToggleButtonGroup>
        {choice === 'custom' && (
          <Stack direction="row" spacing={1}>
            <TextField
              type="date"
              size="small"
              label="From (UTC)"
              value={custom.from}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              type="date"
              size="small"
              label="To (UTC)"
              value={custom.to}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Stack>
        )}
        <Typography variant="body2" color="text.secondary" data-testid="time-zone">
          Days are UTC calendar days ({formatUtcDay(range.days[0])} – {formatUtcDay(range.days.at(-1)!)}). Times are shown in {timeZone}.
        </Typography>
      </Stack>
      {query.isError && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorMessage(query.error)}
        </Alert>
      )}

      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(3, 1fr)', xl: 'repeat(6, 1fr)' },
          mb: 2,
        }}
      >
        <StatCard
          testId="stat-liability"
          label="Outstanding liability"
          value={liability ? formatUsdCents(liability.outstandingMillicredits) : '…'}
          detail={liability && `${formatCredits(liability.outstandingMillicredits)} credits`}
        />
        <StatCard
          testId="stat-paid"
          label="Paid credits"
          value={liability ? formatUsdCents(liability.paidMillicredits) : '…'}
          detail={liability && `${formatCredits(liability.paidMillicredits)} credits`}
        />
        <StatCard
          testId="stat-promotional"
          label="Promotional credits"
          value={liability ? formatUsdCents(liability.promotionalMillicredits) : '…'}
          detail={liability && `${formatCredits(liability.promotionalMillicredits)} credits`}
        />
        <StatCard
          testId="stat-goodwill"
          label="Staff goodwill credits"
          value={liability ? formatUsdCents(liability.adjustmentsMillicredits) : '…'}
          detail={liability && `${formatCredits(liability.adjustmentsMillicredits)} credits (adjustments, not paid)`}
        />
        <StatCard
          testId="stat-expiring"
          label="Expiring in 30 days"
          value={
            liability
              ? liability.expiringNext30DaysMillicredits == null
                ? 'No expiry'
                : formatUsdCents(liability.expiringNext30DaysMillicredits)
              : '…'
          }
          detail={liability?.expiringNext30DaysMillicredits != null && `${formatCredits(liability.expiringNext30DaysMillicredits)} credits`}
        />
        <StatCard
          testId="stat-reconciliation"
          label="Reconciliation"
          value={
            loading ? (
              '…'
            ) : run ? (
              <Chip
                color={run.status === 'SUCCEEDED' && run.mismatchCount === 0 ? 'success' : run.status === 'RUNNING' ? 'info' : 'error'}
                label={run.status === 'SUCCEEDED' ? (run.mismatchCount === 0 ? 'Balanced' : `${run.mismatchCount} mismatches`) : run.status}
              />
            ) : (
              'Never run'
            )
          }
          detail={run && `${run.day}, ${formatDateTime(run.finishedAt ?? run.startedAt)}`}
        />
      </Box>

      <Stack spacing={2}>
        <ChartPanel
          testId="panel-revenue"
          title="Revenue, COGS and margin per day"
          subtitle="Revenue = credits deducted by usage at $1.00 per 1,000 credits; COGS = provider cost."
          loading={loading}
          rows={newestFirst}
          empty={!anyMoney}
          rowKey={(d) => d.date}
          columns={[
            { label: 'Day', value: (d) => d.date },
            { label: 'Revenue', value: (d) => formatUsdMicros(d.revenueMillicredits), numeric: true },
            { label: 'COGS', value: (d) => formatUsdMicros(d.costMicroUsd), numeric: true },
            { label: 'Margin', value: (d) => formatUsdMicros(d.marginMillicredits), numeric: true },
            { label: 'Margin %', value: (d) => formatPercent(d.marginRatio), numeric: true },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={chartHeight}>
              <LineChart data={money} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
                <YAxis tick={{ fontSize: 12 }} tickFormatter={moneyAxis} width={80} />
                <Tooltip formatter={(v) => formatChartUsd(Number(v))} />
                <Legend />
                <Line
                  type="monotone"
                  dataKey="revenue"
                  name="Revenue"
                  stroke={COLORS.revenue}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="cogs"
                  name="COGS"
                  stroke={COLORS.cogs}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="margin"
                  name="Margin"
                  stroke={COLORS.margin}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          }
        />
        <ChartPanel
          testId="panel-credits"
          title="Credits purchased vs deducted per day"
          loading={loading}
          rows={newestFirst}
          empty={!anyCredits}
          rowKey={(d) => d.date}
          columns={[
            { label: 'Day', value: (d) => d.date },
            { label: 'Purchased', value: (d) => formatCredits(d.creditsPurchasedMillicredits), numeric: true },
            { label: 'Promotional', value: (d) => formatCredits(d.creditsPromotionalMillicredits), numeric: true },
            { label: 'Deducted', value: (d) => formatCredits(d.creditsDeductedMillicredits), numeric: true },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={chartHeight}>
              <BarChart data={credits} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
                {/* Purchases come in packs and usage in sips: each has its own axis, or the deducted bars vanish. */}
                <YAxis yAxisId="purchased" tick={{ fontSize: 12 }} width={72} tickFormatter={(v: number) => formatCount(v)} />
                <YAxis
                  yAxisId="deducted"
                  orientation="right"
                  tick={{ fontSize: 12, fill: COLORS.deducted }}
                  width={72}
                  tickFormatter={(v: number) => formatCount(v)}
                />
                <Tooltip formatter={(v) => `${formatCount(Number(v))} credits`} />
                <Legend />
                <Bar
                  yAxisId="purchased"
                  dataKey="purchased"
                  name="Purchased (left axis)"
                  fill={COLORS.purchased}
                  isAnimationActive={false}
                />
                <Bar yAxisId="deducted" dataKey="deducted" name="Deducted (right axis)" fill={COLORS.deducted} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
          <TopModels title="Top models by cost" rows={data?.byCost ?? []} loading={loading} metric="cogsUsd" testId="panel-models-cost" />
          <TopModels
            title="Top models by revenue"
            rows={data?.byRevenue ?? []}
            loading={loading}
            metric="revenueUsd"
            testId="panel-models-revenue"
          />
        </Box>
        <ChartPanel
          testId="panel-accounts"
          title="Top accounts by spend"
          loading={loading}
          rows={data?.topAccounts ?? []}
          rowKey={(a) => a.key}
          columns={[
            { label: 'Account', value: (a) => a.label ?? a.key },
            { label: 'Calls', value: (a) => formatCount(a.calls), numeric: true },
            { label: 'Spend', value: (a) => formatUsdMicros(a.revenueMillicredits), numeric: true },
            { label: 'Margin', value: (a) => formatUsdMicros(a.marginMillicredits), numeric: true },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={chartHeight}>
              <BarChart layout="vertical" data={accountSpend} margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={usdAxisFormatter(accountSpend.map((a) => a.spend))} />
                <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={140} />
                <Tooltip formatter={(v) => formatChartUsd(Number(v))} />
                <Bar dataKey="spend" name="Spend" fill={COLORS.revenue} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' } }}>
          <ChartPanel
            testId="panel-breakage"
            title="Breakage per month"
            subtitle="Credits that expired unused (last 12 months)."
            loading={loading}
            rows={data?.breakageByMonth ?? []}
            empty={!(data?.breakageByMonth ?? []).some((b) => b.expiredMillicredits !== '0')}
            rowKey={(b) => b.month}
            columns={[
              { label: 'Month', value: (b) => formatMonth(b.month) },
              { label: 'Expired credits', value: (b) => formatCredits(b.expiredMillicredits), numeric: true },
              { label: 'USD', value: (b) => formatUsdMicros(b.expiredMillicredits), numeric: true },
            ]}
            chart={
              <ResponsiveContainer width="100%" height={chartHeight}>
                <BarChart data={breakage}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                  <YAxis tick={{ fontSize: 12 }} tickFormatter={usdAxisFormatter(breakage.map((b) => b.usd))} width={80} />
                  <Tooltip formatter={(v) => formatChartUsd(Number(v))} />
                  <Bar dataKey="usd" name="Expired (USD)" fill={COLORS.cogs} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
          />
          <ChartPanel
            testId="panel-declined"
            title="Refused for credits (402) per day"
            subtitle="Charges refused because the account had too little available credit, through GraphQL and the proxy (UTC days)."
            loading={loading}
            rows={[...refusals].reverse()}
            empty={!refusals.some((r) => r.total > 0)}
            rowKey={(r) => r.date}
            columns={[
              { label: 'Day', value: (r) => r.date },
              { label: 'GraphQL', value: (r) => formatCount(r.graphql), numeric: true },
              { label: 'Proxy', value: (r) => formatCount(r.proxy), numeric: true },
              { label: '402 answers', value: (r) => formatCount(r.total), numeric: true },
            ]}
            chart={
              <ResponsiveContainer width="100%" height={chartHeight}>
                <BarChart data={refusals.map((r) => ({ day: formatUtcDay(r.date), graphql: r.graphql, proxy: r.proxy }))}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
                  <YAxis tick={{ fontSize: 12 }} allowDecimals={false} width={48} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="graphql" name="GraphQL" stackId="402" fill={COLORS.cogs} isAnimationActive={false} />
                  <Bar dataKey="proxy" name="Proxy" stackId="402" fill={COLORS.revenue} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
          />
        </Box>
      </Stack>
    </Box>
  );
}

function TopModels(props: {
  title: string;
  rows: DashboardData['byCost'];
  loading: boolean;
  metric: 'cogsUsd' | 'revenueUsd';
  testId: string;
}) {
  const bars = props.rows.map((m) => ({
    name: m.model ?? m.key,
    value: usdForChart(props.metric === 'cogsUsd' ? m.costMicroUsd : m.revenueMillicredits),
  }));
  return (
    <ChartPanel
      testId={props.testId}
      title={props.title}
      loading={props.loading}
      rows={props.rows}
      rowKey={(m) => m.key}
      columns={[
        { label: 'Model', value: (m) => m.model ?? m.key },
        { label: 'Calls', value: (m) => formatCount(m.calls), numeric: true },
        { label: 'Revenue', value: (m) => formatUsdMicros(m.revenueMillicredits), numeric: true },
        { label: 'COGS', value: (m) => formatUsdMicros(m.costMicroUsd), numeric: true },
        { label: 'Margin %', value: (m) => formatPercent(m.marginRatio), numeric: true },
      ]}
      chart={
        <ResponsiveContainer width="100%" height={chartHeight}>
          <BarChart layout="vertical" data={bars} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={usdAxisFormatter(bars.map((b) => b.value))} />
            <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={120} />
            <Tooltip formatter={(v) => formatChartUsd(Number(v))} />
            <Bar
              dataKey="value"
              name={props.metric === 'cogsUsd' ? 'COGS' : 'Revenue'}
              fill={props.metric === 'cogsUsd' ? COLORS.cogs : COLORS.revenue}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}
