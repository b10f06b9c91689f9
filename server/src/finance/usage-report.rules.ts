import { badInput } from '../shared/errors.js';
import { dayRange } from './finance.rules.js';

export const USAGE_GROUPS = ['DAY', 'MODEL', 'API_KEY', 'TEAM_MEMBER', 'ACCOUNT'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

/** A usage report covers at most this many UTC days. */
export const MAX_USAGE_REPORT_DAYS = 366;

/** The rollup column each grouping reads: the only text spliced into the report's SQL. */
export const GROUP_COLUMN: Record<UsageGroup, string> = {
  DAY: 'day',
  MODEL: 'model',
  API_KEY: 'api_key_id',
  TEAM_MEMBER: 'member_account_id',
  ACCOUNT: 'account_id',
};

/** The groupings in their canonical order (day, model, key, member, account), each once. */
export function parseGroups(groups: readonly string[]): UsageGroup[] {
  for (const g of groups) {
    if (!(USAGE_GROUPS as readonly string[]).includes(g))
      throw badInput(`groupBy must be among ${USAGE_GROUPS.join(', ')}; got "${g}"`, { field: 'groupBy' });
  }
  return USAGE_GROUPS.filter((g) => groups.includes(g));
}

/** The UTC days [from, to) touches (rollups are daily), at most MAX_USAGE_REPORT_DAYS of them. */
export function reportDays(from: Date, to: Date): { fromDay: string; toDay: string } {
  const { fromDay, toDay, days } = dayRange(from, to);
  if (days > MAX_USAGE_REPORT_DAYS)
    throw badInput(`A usage report covers at most ${MAX_USAGE_REPORT_DAYS} days; this one covers ${days}`, { field: 'from' });
  return { fromDay, toDay };
}

/** Margin in micro-dollars: a millicredit is a micro-dollar (1,000 credits = $1). */
export const marginMicroUsd = (chargedMillicredits: bigint, costMicroUsd: bigint): bigint => chargedMillicredits - costMicroUsd;

/** The token classes besides input, cached input and output, as usage_records names them (`<class>_tokens`). */
export const USAGE_TOKEN_CLASSES = [
  'cache_write_input',
  'cache_write_1h_input',
  'audio_input',
  'audio_output',
  'image_input',
  'reasoning',
] as const;
export type UsageTokenClass = (typeof USAGE_TOKEN_CLASSES)[number];

export const USAGE_CSV_COLUMNS = [
  'day',
  'model',
  'api_key_id',
  'api_key_label',
  'member_account_id',
  'member_email',
  'account_id',
  'account_email',
  'calls',
  'input_tokens',
  'cached_input_tokens',
  'output_tokens',
  ...USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens` as const),
  'charged_millicredits',
  'cost_usd',
  'margin_usd',
] as const;
