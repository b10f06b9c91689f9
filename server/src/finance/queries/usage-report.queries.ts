import type { EntityManager } from '@mikro-orm/postgresql';
import { toBigInt } from '../../db/values.js';
import { USAGE_TOKEN_CLASSES, type UsageReportRow } from '../usage-report.rules.js';
import { dayStart, NO_KEY, type Watermark } from './tail.js';

const CLASS_COLUMNS = USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens`);
const none = (id: unknown) => (id === null || id === NO_KEY ? null : (id as string));

/** What one usage report reads: the days, whose usage (null: everyone's), and the rollup columns it groups by. */
interface UsageReportScope {
  fromDay: string;
  toDay: string;
  accountId: string | null;
  columns: string[];
}

/** usage_report_daily over the days, plus the usage rows above the watermark, shaped alike. */
const usageAll = `
  usage_all as (
    select day, account_id, model, api_key_id, member_account_id,
           calls, input_tokens, cached_input_tokens, output_tokens, ${CLASS_COLUMNS.join(', ')}, charged, cost_micro_usd
      from usage_report_daily
     where day >= ?::date and day <= ?::date and (?::uuid is null or account_id = ?::uuid)
    union all
    select (r.created_at at time zone 'UTC')::date, r.account_id, r.model, coalesce(r.api_key_id, ?::uuid),
           coalesce(r.member_account_id, ?::uuid), 1, r.input_tokens, r.cached_input_tokens, r.output_tokens,
           ${CLASS_COLUMNS.map((c) => `r.${c}`).join(', ')}, r.charged, r.cost_micro_usd
      from finance_usage_v r
     where r.seq > ?::bigint and r.created_at >= ${dayStart('?')} and r.created_at < ${dayStart('?')} + interval '1 day'
       and (?::uuid is null or r.account_id = ?::uuid)
  )`;

/** The grouped sums, and the labels of the grouped ids (a key's label, a member's and an account's email). */
function groupedSelect(cols: string[]): string {
  const has = (c: string) => cols.includes(c);
  const pick = (c: string) => (has(c) ? `g.${c}` : 'null');
  return `
  g as (
    select ${cols.map((c) => `${c}, `).join('')}
           coalesce(sum(calls), 0) calls, coalesce(sum(input_tokens), 0) i,
           coalesce(sum(cached_input_tokens), 0) c, coalesce(sum(output_tokens), 0) o,
           ${CLASS_COLUMNS.map((c) => `coalesce(sum(${c}), 0) ${c}, `).join('')}coalesce(sum(charged), 0) charged,
           coalesce(sum(cost_micro_usd), 0) cost
      from usage_all
      ${cols.length ? `group by ${cols.join(', ')}` : ''}
  )
  select ${pick('day')}::text as day, ${pick('model')} as model, ${pick('api_key_id')} as api_key_id,
         ${pick('member_account_id')} as member_account_id, ${pick('account_id')} as account_id,
         ${has('api_key_id') ? 'k.label' : 'null'} as api_key_label,
         ${has('member_account_id') ? 'm.email' : 'null'} as member_email,
         ${has('account_id') ? 'a.email' : 'null'} as account_email,
         g.calls, g.i, g.c, g.o, ${CLASS_COLUMNS.map((c) => `g.${c}, `).join('')}g.charged, g.cost
    from g
    ${has('api_key_id') ? 'left join finance_api_keys_v k on k.id = g.api_key_id' : ''}
    ${has('member_account_id') ? 'left join finance_accounts_v m on m.id = g.member_account_id' : ''}
    ${has('account_id') ? 'left join finance_accounts_v a on a.id = g.account_id' : ''}
   ${cols.length ? `order by ${cols.map((c) => `g.${c}`).join(', ')}` : ''}`;
}

/** The usage report's rows: rollup plus tail, grouped by `columns` (only GROUP_COLUMN's names are spliced in). */
export async function usageReportRows(em: EntityManager, wm: Watermark, q: UsageReportScope): Promise<UsageReportRow[]> {
  const { fromDay, toDay, accountId } = q;
  const rows = await em.execute<Record<string, string | null>[]>(`with ${usageAll}, ${groupedSelect(q.columns)}`, [
    fromDay,
    toDay,
    accountId,
    accountId,
    NO_KEY,
    NO_KEY,
    wm.usageSeq.toString(),
    fromDay,
    toDay,
    accountId,
    accountId,
  ]);
  return rows.map((r) => ({
    day: r.day,
    model: r.model,
    apiKeyId: none(r.api_key_id),
    apiKeyLabel: r.api_key_label,
    memberAccountId: none(r.member_account_id),
    memberEmail: r.member_email,
    accountId: r.account_id,
    accountEmail: r.account_email,
    calls: toBigInt(r.calls),
    inputTokens: toBigInt(r.i),
    cachedInputTokens: toBigInt(r.c),
    outputTokens: toBigInt(r.o),
    classTokens: Object.fromEntries(USAGE_TOKEN_CLASSES.map((c) => [c, toBigInt(r[`${c}_tokens`])])) as UsageReportRow['classTokens'],
    chargedMillicredits: toBigInt(r.charged),
    costMicroUsd: toBigInt(r.cost),
  }));
}
