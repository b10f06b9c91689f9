export type RangeChoice = '7' | '30' | '90' | 'custom';

export interface DateRange {
  from: string;
  to: string;
  /** UTC calendar days in the range, oldest first. */
  days: string[];
}

const dayMs = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** A range of whole UTC days: the last N days up to now, or custom days (inclusive). */
export function rangeOf(choice: RangeChoice, custom: { from: string; to: string }, now = new Date()): DateRange {
  let first: Date;
  let last: Date;
  if (choice === 'custom') {
    first = new Date(`${custom.from}T00:00:00Z`);
    last = new Date(`${custom.to}T00:00:00Z`);
    if (Number.isNaN(first.getTime()) || Number.isNaN(last.getTime()) || first > last) return rangeOf('30', custom, now);
  } else {
    last = new Date(`${utcDay(now)}T00:00:00Z`);
    first = new Date(last.getTime() - (Number(choice) - 1) * dayMs);
  }
  const days: string[] = [];
  for (let t = first.getTime(); t <= last.getTime() && days.length < 400; t += dayMs) days.push(utcDay(new Date(t)));
  const end = new Date(last.getTime() + dayMs);
  return { from: first.toISOString(), to: (end > now && choice !== 'custom' ? now : end).toISOString(), days };
}
