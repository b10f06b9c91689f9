import type { EntityManager } from '@mikro-orm/postgresql';
import { UsageReportRowGql } from '../usage-report.graphql.js';
import { USAGE_TOKEN_CLASSES } from '../usage-report.rules.js';
import { dayStart, NO_KEY, type Watermark } from './tail.js';

const CLASS_COLUMNS = USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens`);
/** `cache_write_1h_input` -> `cacheWrite1hInputTokens`: the GraphQL field of a token class. */
const tokenField = (c: string) => `${c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase())}Tokens`;

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
  select ${pick('day')}::text as "day", ${pick('model')} as "model", nullif(${pick('api_key_id')}, ?::uuid) as "apiKeyId",
         ${has('api_key_id') ? 'k.label' : 'null'} as "apiKeyLabel",
         nullif(${pick('member_account_id')}, ?::uuid) as "memberAccountId",
         ${has('member_account_id') ? 'm.email' : 'null'} as "memberEmail",
         ${pick('account_id')} as "accountId", ${has('account_id') ? 'a.email' : 'null'} as "accountEmail",
         g.calls::float8 as "calls", g.i::float8 as "inputTokens", g.c::float8 as "cachedInputTokens", g.o::float8 as "outputTokens",
         ${USAGE_TOKEN_CLASSES.map((c) => `g.${c}_tokens::float8 as "${tokenField(c)}", `).join('')}
         g.charged::text as "chargedMillicredits", g.cost::text as "costMicroUsd"
    from g
    ${has('api_key_id') ? 'left join finance_api_keys_v k on k.id = g.api_key_id' : ''}
    ${has('member_account_id') ? 'left join finance_accounts_v m on m.id = g.member_account_id' : ''}
    ${has('account_id') ? 'left join finance_accounts_v a on a.id = g.account_id' : ''}
   ${cols.length ? `order by ${cols.map((c) => `g.${c}`).join(', ')}` : ''}`;
}

/** The usage report's rows: rollup plus tail, grouped by `columns` (only GROUP_COLUMN's names are spliced in). */
export async function usageReportRows(em: EntityManager, wm: Watermark, q: UsageReportScope): Promise<UsageReportRowGql[]> {
  const { fromDay, toDay, accountId } = q;
  const rows = await em.execute<UsageReportRowGql[]>(`with ${usageAll}, ${groupedSelect(q.columns)}`, [
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
    NO_KEY,
    NO_KEY,
  ]);
  return rows.map((r) => Object.assign(new UsageReportRowGql(), r));
}
