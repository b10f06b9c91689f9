import type { EntityManager } from '@mikro-orm/postgresql';
import { canAnyAccount } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import { toBigInt } from '../db/sql.js';
import type { TeamsService } from '../teams/teams.service.js';
import { rollupSnapshot } from './rollup-snapshot.js';
import { NO_KEY } from './rollup.job.js';
import { GROUP_COLUMN, USAGE_TOKEN_CLASSES, parseGroups, reportDays, type UsageReportRow } from './usage-report.rules.js';

const CLASS_COLUMNS = USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens`);

export interface UsageReportQuery {
  from: Date;
  to: Date;
  groupBy: readonly string[];
  accountId?: string | null;
}

const ts = (param: string) => `(${param}::date)::timestamp at time zone 'UTC'`;
const none = (id: unknown) => (id === null || id === NO_KEY ? null : (id as string));

/**
 * `usageReport` and `GET /reports/usage.csv`: usage grouped by day, model, key, team member and
 * account, from `usage_report_daily` plus the tail above the rollup watermark, in one snapshot, so
 * the totals equal the usage rows (and the ledger's usage charges) to the millicredit, today's too.
 */
export class UsageReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly teams: TeamsService,
  ) {}

  /**
   * Whose usage the caller reads: with `accountId` omitted, staff (SUPPORT+) read every account and
   * account holders their own; a named account needs SUPPORT+, or being its team's OWNER. A team
   * key reads nothing (it is for charging; its team's OWNERs read the team's usage). So a
   * customer grouping by ACCOUNT gets its own account's one row: only staff see across accounts.
   */
  async scope(principal: Principal | null, accountId: string | null | undefined): Promise<string | null> {
    if ((accountId === null || accountId === undefined) && canAnyAccount(principal, 'usage.report')) return null;
    return this.teams.actingAccount(principal, 'usage.report', accountId);
  }

  async report(principal: Principal | null, q: UsageReportQuery): Promise<UsageReportRow[]> {
    const groups = parseGroups(q.groupBy);
    const { fromDay, toDay } = reportDays(q.from, q.to);
    const accountId = await this.scope(principal, q.accountId);
    const cols = groups.map((g) => GROUP_COLUMN[g]);
    const select = (c: string) => (cols.includes(c) ? `g.${c}` : 'null');
    const rows = await rollupSnapshot(this.em, (sql, wm) =>
      sql.query<Record<string, string | null>>(
        `with usage_all as (
           select day, account_id, model, api_key_id, member_account_id,
                  calls, input_tokens, cached_input_tokens, output_tokens, ${CLASS_COLUMNS.join(', ')}, charged, cost_micro_usd
             from usage_report_daily
            where day >= ?::date and day <= ?::date and (?::uuid is null or account_id = ?::uuid)
           union all
           select (r.created_at at time zone 'UTC')::date, r.account_id, r.model, coalesce(r.api_key_id, ?::uuid),
                  coalesce(r.member_account_id, ?::uuid), 1, r.input_tokens, r.cached_input_tokens, r.output_tokens,
                  ${CLASS_COLUMNS.map((c) => `r.${c}`).join(', ')}, r.charged, r.cost_micro_usd
             from usage_records r
            where r.seq > ?::bigint and r.created_at >= ${ts('?')} and r.created_at < ${ts('?')} + interval '1 day'
              and (?::uuid is null or r.account_id = ?::uuid)
         ), g as (
           select ${cols.map((c) => `${c}, `).join('')}
                  coalesce(sum(calls), 0) calls, coalesce(sum(input_tokens), 0) i,
                  coalesce(sum(cached_input_tokens), 0) c, coalesce(sum(output_tokens), 0) o,
                  ${CLASS_COLUMNS.map((c) => `coalesce(sum(${c}), 0) ${c}, `).join('')}coalesce(sum(charged), 0) charged,
                  coalesce(sum(cost_micro_usd), 0) cost
             from usage_all
             ${cols.length ? `group by ${cols.join(', ')}` : ''}
         )
         select ${select('day')}::text as day, ${select('model')} as model, ${select('api_key_id')} as api_key_id,
                ${select('member_account_id')} as member_account_id, ${select('account_id')} as account_id,
                ${cols.includes('api_key_id') ? 'coalesce(k.label, k.key_prefix)' : 'null'} as api_key_label,
                ${cols.includes('member_account_id') ? 'm.email' : 'null'} as member_email,
                ${cols.includes('account_id') ? 'a.email' : 'null'} as account_email,
                g.calls, g.i, g.c, g.o, ${CLASS_COLUMNS.map((c) => `g.${c}, `).join('')}g.charged, g.cost
           from g
           ${cols.includes('api_key_id') ? 'left join api_keys k on k.id = g.api_key_id' : ''}
           ${cols.includes('member_account_id') ? 'left join accounts m on m.id = g.member_account_id' : ''}
           ${cols.includes('account_id') ? 'left join accounts a on a.id = g.account_id' : ''}
          ${cols.length ? `order by ${cols.map((c) => `g.${c}`).join(', ')}` : ''}`,
        [fromDay, toDay, accountId, accountId, NO_KEY, NO_KEY, wm.usageSeq.toString(), fromDay, toDay, accountId, accountId],
      ),
    );
    return rows.map((r): UsageReportRow => ({
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
}
