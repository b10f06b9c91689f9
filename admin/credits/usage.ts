import { lastDays } from '../shared/dates';
import type { CreditsUsageQuery } from '../shared/gql/graphql';
import { CreditsUsageQuery as Query } from './operations';
import { pageOf, type CursorPage } from '../shared/paging';
import { api } from './session';

type Row = CreditsUsageQuery['me']['usage']['edges'][number]['node'];

export interface DayUsage {
  day: string;
  millicredits: bigint;
  calls: number;
}
export interface ModelUsage {
  model: string;
  millicredits: bigint;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}
export interface UsageSummary {
  days: DayUsage[];
  models: ModelUsage[];
  total: bigint;
  /** More rows existed than were read: the figures cover the newest calls only. */
  truncated: boolean;
}

const PAGE = 200;
const MAX_PAGES = 25;

/** The last 30 UTC days of the account's usage, per day and per model (newest rows first). */
export async function loadUsage(days = 30): Promise<UsageSummary> {
  const { from } = lastDays(days);
  const rows: Row[] = [];
  let after: string | null = null;
  let truncated = false;
  for (let page = 0; ; page++) {
    const { me }: CreditsUsageQuery = await api.request(Query, { first: PAGE, after });
    const fetched: CursorPage<Row> = pageOf(me.usage);
    const inRange = fetched.rows.filter((row) => row.createdAt >= from);
    rows.push(...inRange);
    if (inRange.length < fetched.rows.length || !fetched.hasNextPage) break;
    if (page + 1 >= MAX_PAGES) {
      truncated = true;
      break;
    }
    after = fetched.endCursor;
  }
  return summarize(rows, days, truncated);
}

export function summarize(rows: Row[], days: number, truncated = false, now = new Date()): UsageSummary {
  const byDay = new Map<string, DayUsage>();
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i)).toISOString().slice(0, 10);
    byDay.set(day, { day, millicredits: 0n, calls: 0 });
  }
  const byModel = new Map<string, ModelUsage>();
  let total = 0n;
  for (const row of rows) {
    const charged = BigInt(row.chargedMillicredits);
    total += charged;
    const day = byDay.get(row.createdAt.slice(0, 10));
    if (day) {
      day.millicredits += charged;
      day.calls += 1;
    }
    const model = byModel.get(row.model) ?? { model: row.model, millicredits: 0n, calls: 0, inputTokens: 0, outputTokens: 0 };
    model.millicredits += charged;
    model.calls += 1;
    model.inputTokens += row.inputTokens + row.cachedInputTokens;
    model.outputTokens += row.outputTokens;
    byModel.set(row.model, model);
  }
  const models = [...byModel.values()].sort((a, b) =>
    b.millicredits > a.millicredits ? 1 : b.millicredits < a.millicredits ? -1 : a.model.localeCompare(b.model),
  );
  return { days: [...byDay.values()], models, total, truncated };
}
