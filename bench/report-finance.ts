import pg from 'pg';
import { initOrm, migrate } from '../server/src/db/orm.js';
import { FinanceService } from '../server/src/finance/finance.service.js';
import { UsageReportService } from '../server/src/finance/usage-report.service.js';
import { systemClock } from '../server/src/sessions/tokens.js';
import { TeamsService } from '../server/src/teams/teams.service.js';
import { percentile } from './bench-support.js';
import { createDatabase, dropDatabase, FINANCE_ROWS, fmt, log, type Row } from './report-support.js';

/**
 * `financeDaily` over 90 days of FINANCE_ROWS usage rows, on a database of its own: seeded by one
 * generate_series INSERT (foreign keys and triggers off for that session: the rows point at no
 * ledger transaction, which only the rollups' sums read), caught up by the rollup job from
 * watermark 0, then timed against the direct aggregate over the raw rows that it replaces.
 * `usageReport` is timed on the same rows: staff over every account by day and model, and one
 * customer over its own account by day, model and key.
 */
const DAYS = 90;
const ACCOUNTS = 1_000;
const RUNS = 20;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function runs(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans and cache
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push(await timed(fn));
  return ms.sort((a, b) => a - b);
}

export async function financeFigure(): Promise<Row> {
  const db = await createDatabase('cm_finance');
  const orm = await initOrm(db.url, 4);
  const client = new pg.Client({ connectionString: db.url });
  try {
    await migrate(orm);
    await client.connect();
    const end = new Date();
    const today = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
    const from = new Date(today - (DAYS - 1) * 86_400_000);
    const to = new Date(today + 86_400_000);
    log(`seeding ${fmt(FINANCE_ROWS)} usage rows over ${DAYS} days...`);
    const seedMs = await timed(async () => {
      await client.query(`insert into rate_cards (name) values ('bench')`);
      await client.query(
        `insert into accounts (kind, email) select 'CUSTOMER', 'fin' || g || '@bench.test' from generate_series(1, $1::int) g`,
        [ACCOUNTS],
      );
      await client.query(`set session_replication_role = replica`);
      await client.query(
        `insert into usage_records (account_id, transaction_id, rate_card_id, model, input_tokens, cached_input_tokens, output_tokens,
           input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k, cost_output_per1k,
           charged, cost_micro_usd, idempotency_key, request_hash, source, created_at)
         select a.ids[1 + g % $2::int], gen_random_uuid(), c.id,
                (array['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-4.1', 'gpt-4.1-nano'])[1 + g % 5],
                100 + g * 7919 % 4000, g * 31 % 500, 20 + g * 104729 % 1500, 2400, 1200, 9600, 1000, 500, 4000,
                ((100 + g * 7919 % 4000) * 2400 + (g * 31 % 500) * 1200 + (20 + g * 104729 % 1500) * 9600 + 999) / 1000,
                ((100 + g * 7919 % 4000) * 1000 + (g * 31 % 500) * 500 + (20 + g * 104729 % 1500) * 4000 + 999) / 1000,
                'fin-' || g, 'x', 'PROXY', $3::timestamptz + make_interval(secs => g::double precision / $1 * $4 * 86400)
           from generate_series(1, $1::bigint) g,
                (select array_agg(id order by id) ids from accounts where kind = 'CUSTOMER') a,
                (select id from rate_cards limit 1) c`,
        [FINANCE_ROWS, ACCOUNTS, from.toISOString(), DAYS - 1],
      );
      await client.query(`set session_replication_role = origin`);
      await client.query(`vacuum analyze usage_records`);
    });
    log(`  seeded in ${fmt(seedMs / 1000, 1)} s`);
    const finance = new FinanceService(orm.em);
    const rollupMs = await timed(() => finance.rollup());
    await client.query(`vacuum analyze finance_usage_daily, finance_ledger_daily, usage_report_daily`);
    log(`  rollup catch-up from watermark 0: ${fmt(rollupMs / 1000, 1)} s`);

    const viaRollups = await runs(RUNS, () => finance.daily(from, to));
    const direct = await runs(3, () =>
      client.query(
        `with u as (
           select (created_at at time zone 'UTC')::date as day, count(*) calls, sum(cost_micro_usd) cost
             from usage_records where created_at >= $1 and created_at < $2 group by 1
         ), l as (
           select (p.created_at at time zone 'UTC')::date as day,
                  -sum(p.amount) filter (where s.system_code = 'consumption') deducted
             from ledger_postings p
             join ledger_postings o on o.transaction_id = p.transaction_id and o.id <> p.id
             join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
            where p.created_at >= $1 and p.created_at < $2 group by 1
         )
         select d::date as day, u.calls, u.cost, l.deducted
           from generate_series($1::date, ($2::timestamptz - interval '1 day')::date, interval '1 day') d
           left join u on u.day = d::date left join l on l.day = d::date order by 1`,
        [from.toISOString(), to.toISOString()],
      ),
    );
    // The customer reads its own account (no accountId): the team lookup, and so AuthService, is never reached.
    const usageReport = new UsageReportService(orm.em, new TeamsService(orm.em, undefined as never, systemClock));
    const staff = { keyId: null, accountId: null, role: 'FINANCE' as const, staffUserId: 'bench' };
    const [{ id: someAccount }] = (await client.query(`select id from accounts where kind = 'CUSTOMER' limit 1`)).rows;
    const customer = { keyId: 'bench', accountId: someAccount as string, role: 'USER' as const };
    const allAccounts = await runs(RUNS, () => usageReport.report(staff, { from, to, groupBy: ['DAY', 'MODEL'] }));
    const oneAccount = await runs(RUNS, () => usageReport.report(customer, { from, to, groupBy: ['DAY', 'MODEL', 'API_KEY'] }));
    const usageP95 = Math.max(percentile(allAccounts, 95), percentile(oneAccount, 95));
    const p95 = percentile(viaRollups, 95);
    const p50 = percentile(viaRollups, 50);
    const directMs = percentile(direct, 50);
    return {
      figure: `\`financeDaily\` over ${DAYS} days with ${fmt(FINANCE_ROWS)} usage rows`,
      measured: `p50 ${fmt(p50, 1)} ms, p95 ${fmt(p95, 1)} ms (${RUNS} runs); direct aggregate over the raw rows ${fmt(directMs)} ms (median of 3) = ${fmt(directMs / p95)}× the p95; seeding ${fmt(seedMs / 1000, 1)} s (one generate_series INSERT), rollup catch-up from zero ${fmt(rollupMs / 1000, 1)} s; \`usageReport\` p95 ${fmt(percentile(allAccounts, 95), 1)} ms (staff, every account, DAY × MODEL) and ${fmt(percentile(oneAccount, 95), 1)} ms (one account, DAY × MODEL × API_KEY)`,
      target: 'p95 ≤ 100 ms and ≥ 10× the direct aggregate; usageReport p95 ≤ 300 ms',
      pass: p95 <= 100 && directMs >= 10 * p95 && usageP95 <= 300,
      rssMb: null,
    };
  } finally {
    await client.end().catch(() => undefined);
    await orm.close(true);
    await dropDatabase(db.name);
  }
}
