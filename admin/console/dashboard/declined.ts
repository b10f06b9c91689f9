import { useQuery } from '@tanstack/react-query';
import type { DateRange } from './range';

export interface DeclinedDay {
  date: string;
  count: number;
}

/**
 * 402s per day. The figure comes from the server's dashboard query once it exists; until then
 * the panel says there is no data rather than inventing any.
 */
export function useDeclinedDaily(range: DateRange, enabled: boolean): { loading: boolean; available: boolean; rows: DeclinedDay[] } {
  const query = useQuery({ queryKey: ['declined', range.from, range.to], queryFn: async () => null as DeclinedDay[] | null, enabled });
  const byDate = new Map((query.data ?? []).map((d) => [d.date, d.count]));
  return { loading: query.isPending && enabled, available: query.data != null, rows: range.days.map((date) => ({ date, count: byDate.get(date) ?? 0 })) };
}
