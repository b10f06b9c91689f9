import type { EntityManager } from '@mikro-orm/postgresql';
import { canAnyAccount } from '../auth/policy.js';
import type { Principal } from '../auth/roles.js';
import type { TeamsService } from '../teams/teams.service.js';
import { usageReportRows } from './queries/usage-report.queries.js';
import { rollupSnapshot } from './rollup-snapshot.js';
import type { UsageReportRowGql } from './usage-report.graphql.js';
import { GROUP_COLUMN, parseGroups, reportDays } from './usage-report.rules.js';

export interface UsageReportQuery {
  from: Date;
  to: Date;
  groupBy: readonly string[];
  accountId?: string | null;
}

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

  async report(principal: Principal | null, q: UsageReportQuery): Promise<UsageReportRowGql[]> {
    const groups = parseGroups(q.groupBy);
    const { fromDay, toDay } = reportDays(q.from, q.to);
    const accountId = await this.scope(principal, q.accountId);
    const columns = groups.map((g) => GROUP_COLUMN[g]);
    return rollupSnapshot(this.em, (sql, wm) => usageReportRows(sql, wm, { fromDay, toDay, accountId, columns }));
  }
}
