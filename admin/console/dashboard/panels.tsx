import Box from '@mui/material/Box';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMonth, formatUtcDay } from '../../shared/dates';
import type { DashboardQuery as DashboardData } from '../../shared/gql/graphql';
import {
  creditsForChart,
  formatChartUsd,
  formatCount,
  formatCredits,
  formatPercent,
  formatUsdMicros,
  usdAxisFormatter,
  usdForChart,
} from '../../../server/src/money/format';
import { ChartPanel } from './ChartPanel';

export type Day = DashboardData['financeDaily'][number];
type Refusals = DashboardData['refusalsDaily'][number];
const COLORS = { revenue: '#1a56b8', cogs: '#c2410c', margin: '#15803d', purchased: '#5b3aa6', deducted: '#b45309' };
const chartHeight = 260;

const seriesLine = (dataKey: string, name: string, stroke: string) => (
  <Line key={dataKey} type="monotone" dataKey={dataKey} name={name} stroke={stroke} dot={false} strokeWidth={2} isAnimationActive={false} />
);

export function RevenuePanel({ days, loading }: { days: Day[]; loading: boolean }) {
  // Revenue per call is a fraction of a cent: charts and tables use the exact figures, never the cents-rounded ones.
  const money = days.map((d) => ({
    day: formatUtcDay(d.date),
    revenue: usdForChart(d.revenueMillicredits),
    cogs: usdForChart(d.costMicroUsd),
    margin: usdForChart(d.marginMillicredits),
  }));
  const moneyAxis = usdAxisFormatter(money.flatMap((m) => [m.revenue, m.cogs, m.margin]));
  return (
    <ChartPanel
      testId="panel-revenue"
      title="Revenue, COGS and margin per day"
      subtitle="Revenue = credits deducted by usage at $1.00 per 1,000 credits; COGS = provider cost."
      loading={loading}
      rows={[...days].reverse()}
      empty={!days.some((d) => d.revenueMillicredits !== '0' || d.costMicroUsd !== '0')}
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
            {seriesLine('revenue', 'Revenue', COLORS.revenue)}
            {seriesLine('cogs', 'COGS', COLORS.cogs)}
            {seriesLine('margin', 'Margin', COLORS.margin)}
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}

export function CreditsPanel({ days, loading }: { days: Day[]; loading: boolean }) {
  const credits = days.map((d) => ({
    day: formatUtcDay(d.date),
    purchased: creditsForChart(d.creditsPurchasedMillicredits),
    deducted: creditsForChart(d.creditsDeductedMillicredits),
  }));
  return (
    <ChartPanel
      testId="panel-credits"
      title="Credits purchased vs deducted per day"
      loading={loading}
      rows={[...days].reverse()}
      empty={!days.some((d) => d.creditsPurchasedMillicredits !== '0' || d.creditsDeductedMillicredits !== '0')}
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
            <Bar yAxisId="purchased" dataKey="purchased" name="Purchased (left axis)" fill={COLORS.purchased} isAnimationActive={false} />
            <Bar yAxisId="deducted" dataKey="deducted" name="Deducted (right axis)" fill={COLORS.deducted} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

const shortLabel = (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label);

export function AccountsPanel({ accounts, loading }: { accounts: DashboardData['topAccounts']; loading: boolean }) {
  const accountSpend = accounts.map((a) => ({ name: shortLabel(a.label ?? a.key), spend: usdForChart(a.revenueMillicredits) }));
  return (
    <ChartPanel
      testId="panel-accounts"
      title="Top accounts by spend"
      loading={loading}
      rows={accounts}
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
  );
}

export function BreakagePanel({ months, loading }: { months: DashboardData['breakageByMonth']; loading: boolean }) {
  const breakage = months.map((b) => ({ month: b.month, usd: usdForChart(b.expiredMillicredits) }));
  return (
    <ChartPanel
      testId="panel-breakage"
      title="Breakage per month"
      subtitle="Credits that expired unused (last 12 months)."
      loading={loading}
      rows={months}
      empty={!months.some((b) => b.expiredMillicredits !== '0')}
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
  );
}

export function RefusalsPanel({ refusals, loading }: { refusals: Refusals[]; loading: boolean }) {
  return (
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

/** The two model tables side by side on wide screens. */
export function ModelPanels({ data, loading }: { data: DashboardData | undefined; loading: boolean }) {
  return (
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
  );
}
