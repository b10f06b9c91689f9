import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUtcDay } from '../shared/dates';
import { creditsForChart, formatCredits } from '../../server/src/money/format';
import type { DayUsage } from './usage';

export default function UsageChart({ days }: { days: DayUsage[] }) {
  const data = days.map((d) => ({
    day: formatUtcDay(d.day),
    credits: creditsForChart(d.millicredits),
    exact: formatCredits(d.millicredits, { decimals: 'trim' }),
  }));
  const total = days.reduce((sum, d) => sum + d.millicredits, 0n);
  return (
    <div
      role="img"
      aria-label={`Credits used per day over the last ${days.length} days, ${formatCredits(total, { decimals: 'trim' })} in total`}
      style={{ width: '100%', height: 220 }}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={{ fontSize: 12 }} width={56} />
          <Tooltip formatter={(_value, _name, item) => [`${(item.payload as { exact: string }).exact} credits`, 'Used']} />
          <Bar dataKey="credits" fill="#1a56b8" name="Credits" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
