import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../../shared/client';
import { creditsForChart, formatCount, formatCredits } from '../../../server/src/money/format';
import { ChartPanel } from '../dashboard/ChartPanel';
import { api } from '../api';
import { TeamSpendQuery } from './operations';

// recharts' default palette is too pale on white; these pass 3:1 against the background.
const PALETTE = ['#1a56b8', '#b8461a', '#2e7d32', '#6a1b9a', '#00838f', '#8d6e00', '#ad1457', '#455a64'];
const DAY_MS = 86_400_000;

interface Props {
  teamId: string;
  timeZone: string;
  /** account id -> how to name the member (email), when known */
  names: Map<string, string>;
}

/** Spend per member per day and per model (FINANCE+ and the team's OWNERs), in the team's time zone. */
type SpendRow = { day: string; accountId: string; model: string; calls: number; chargedMillicredits: string };

/** The chart series and table rows of a team's spend. */
function spendOf(rows: SpendRow[]) {
  // Per day, one stacked series per member.
  const members = [...new Set(rows.map((r) => r.accountId))];
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const day = byDay.get(r.day) ?? { day: r.day };
    day[r.accountId] = ((day[r.accountId] as number | undefined) ?? 0) + creditsForChart(r.chargedMillicredits);
    byDay.set(r.day, day);
  }
  const dayData = [...byDay.values()];

  // Per model and member, summed over the range (exact, in millicredits).
  const byModel = new Map<string, { key: string; model: string; accountId: string; calls: number; charged: bigint }>();
  for (const r of rows) {
    const key = `${r.model}/${r.accountId}`;
    const row = byModel.get(key) ?? { key, model: r.model, accountId: r.accountId, calls: 0, charged: 0n };
    row.calls += r.calls;
    row.charged += BigInt(r.chargedMillicredits);
    byModel.set(key, row);
  }
  const modelRows = [...byModel.values()].sort((a, b) => (a.charged === b.charged ? 0 : a.charged > b.charged ? -1 : 1));
  const modelTotals = new Map<string, number>();
  for (const r of modelRows) modelTotals.set(r.model, (modelTotals.get(r.model) ?? 0) + creditsForChart(r.charged));
  const modelData = [...modelTotals].map(([model, credits]) => ({ model, credits }));
  return { members, dayData, modelRows, modelData };
}

function ModelSpendPanel({
  loading,
  modelRows,
  modelData,
  nameOf,
}: {
  loading: boolean;
  modelRows: ReturnType<typeof spendOf>['modelRows'];
  modelData: ReturnType<typeof spendOf>['modelData'];
  nameOf: (id: string) => string;
}) {
  return (
    <ChartPanel
      testId="panel-model-spend"
      title="Spend per model"
      subtitle="Over the range, per member."
      loading={loading}
      rows={modelRows}
      rowKey={(r) => r.key}
      columns={[
        { label: 'Model', value: (r) => r.model },
        { label: 'Member', value: (r) => nameOf(r.accountId) },
        { label: 'Calls', value: (r) => formatCount(r.calls), numeric: true },
        { label: 'Credits', value: (r) => formatCredits(r.charged), numeric: true },
      ]}
      chart={
        <ResponsiveContainer width="100%" height={Math.max(160, modelData.length * 40 + 40)}>
          <BarChart data={modelData} layout="vertical" margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="model" tick={{ fontSize: 12 }} width={120} />
            <Tooltip formatter={(v) => [`${Number(v).toLocaleString('en-US')} credits`, 'Charged']} />
            <Bar dataKey="credits" name="Credits" fill={PALETTE[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
    />
  );
}

export default function SpendPanel({ teamId, timeZone, names }: Props) {
  const [days, setDays] = useState(30);
  const [now] = useState(() => Date.now());
  const from = new Date(now - days * DAY_MS).toISOString();
  const to = new Date(now).toISOString();
  const query = useQuery({
    queryKey: ['teamSpend', teamId, days],
    queryFn: () => api.request(TeamSpendQuery, { teamId, from, to }),
  });
  const rows = query.data?.teamSpend ?? [];
  const nameOf = (id: string) => names.get(id) ?? `${id.slice(0, 8)}…`;

  const { members, dayData, modelRows, modelData } = spendOf(rows);

  if (query.error) return <Alert severity="error">{errorMessage(query.error)}</Alert>;
  return (
    <Stack spacing={2}>
      <TextField select size="small" label="Range" value={days} onChange={(e) => setDays(Number(e.target.value))} sx={{ maxWidth: 220 }}>
        <MenuItem value={7}>Last 7 days</MenuItem>
        <MenuItem value={30}>Last 30 days</MenuItem>
        <MenuItem value={90}>Last 90 days</MenuItem>
        <MenuItem value={366}>Last 366 days</MenuItem>
      </TextField>
      <ChartPanel
        testId="panel-member-spend"
        title="Spend per member per day"
        subtitle={`Credits charged to the team; days in the team’s time zone (${timeZone}).`}
        loading={query.isPending}
        rows={[...rows].reverse()}
        rowKey={(r) => `${r.day}/${r.accountId}/${r.model}`}
        columns={[
          { label: 'Day', value: (r) => r.day },
          { label: 'Member', value: (r) => nameOf(r.accountId) },
          { label: 'Model', value: (r) => r.model },
          { label: 'Calls', value: (r) => formatCount(r.calls), numeric: true },
          { label: 'Credits', value: (r) => formatCredits(r.chargedMillicredits), numeric: true },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={dayData} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 12 }} width={64} />
              <Tooltip formatter={(v, name) => [`${Number(v).toLocaleString('en-US')} credits`, nameOf(String(name))]} />
              <Legend formatter={(value) => nameOf(String(value))} />
              {members.map((m, i) => (
                <Bar key={m} dataKey={m} stackId="members" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ModelSpendPanel loading={query.isPending} modelRows={modelRows} modelData={modelData} nameOf={nameOf} />
    </Stack>
  );
}
