import pg from 'pg';
import { FinanceService } from '../server/src/finance/finance.service.js';
import { benchDatabase, percentile } from './bench-support.js';

/**
 * financeDaily over 90 days with 1,000,000 usage rows: from the rollups (the design) against a
 * direct aggregate over the raw rows. Seeding bypasses the services for speed: one SQL pass builds
 * a consistent ledger (a USAGE transaction with two balanced postings per usage row, a PURCHASE
 * funding each account, cached balances = sum of postings) with generate_series, with triggers
 * off for the session (session_replication_role = replica) so the per-row deferred balance check
 * and foreign keys do not dominate. The rollup job then catches up from watermark 0, timed too.
 */
const ROWS = Number(process.env.FINANCE_BENCH_ROWS ?? 1_000_000);
const ACCOUNTS = 1_000;
const DAYS = 90;
const REPEAT = 5;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

async function median(fn: () => Promise<unknown>): Promise<{ median: number; all: number[] }> {
  await fn(); // warm-up: plans and cache
  const all: number[] = [];
  for (let i = 0; i < REPEAT; i++) all.push((await time(fn)).ms);
  const sorted = [...all].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), all };
}

async function seed(client: pg.Client, rows: number, startSeq: number, endDay: Date) {
  await client.query(`set session_replication_role = replica`);
  await client.query(`drop table if exists bench_seed`);
  await client.query(
    `create unlogged table bench_seed as
     select g as i, gen_random_uuid() as tx_id,
            (select array_agg(id order by id) from accounts where kind = 'CUSTOMER')[1 + (g % $4)] as account_id,
            $3::timestamptz - make_interval(secs => ((g - $5::bigint)::double precision / $1) * $2 * 86400 - 1) as created_at,
            (array['gpt-4o', 'gpt-4o-mini', 'o3-mini', 'gpt-4.1', 'gpt-4.1-nano'])[1 + (g % 5)] as model,
            100 + (g * 7919) % 4000 as input_tokens, (g * 31) % 500 as cached_input_tokens, 20 + (g * 104729) % 1500 as output_tokens
       from generate_series($5::bigint + 1, $5::bigint + $1) g`,
    [rows, DAYS, endDay.toISOString(), ACCOUNTS, startSeq],
  );
  // Charge = ceil(tokens x rates / 1000); cost likewise (rates of the bench card below).
  await client.query(`alter table bench_seed add column charged bigint, add column cost bigint`);
  await client.query(
    `update bench_seed set charged = (input_tokens * 2400 + cached_input_tokens * 1200 + output_tokens * 9600 + 999) / 1000,
                           cost = (input_tokens * 1000 + cached_input_tokens * 500 + output_tokens * 4000 + 999) / 1000`,
  );
  const card = (await client.query(`select id from rate_cards limit 1`)).rows[0].id;
  await client.query(
    `insert into ledger_transactions (id, account_id, type, idempotency_key, request_hash, created_at)
     select tx_id, account_id, 'USAGE', 'usage:bench-' || i, 'x', created_at from bench_seed`,
  );
  await client.query(
    `insert into ledger_postings (transaction_id, account_id, amount, balance_after, created_at)
     select tx_id, account_id, -charged, 0, created_at from bench_seed
     union all
     select tx_id, (select id from accounts where system_code = 'consumption'), charged, null, created_at from bench_seed
     order by 5`,
  );
  await client.query(
    `insert into usage_records (account_id, transaction_id, rate_card_id, model, input_tokens, cached_input_tokens, output_tokens,
       input_per1k, cached_input_per1k, output_per1k, cost_input_per1k, cost_cached_input_per1k, cost_output_per1k,
       charged, cost_micro_usd, idempotency_key, request_hash, source, created_at)
     select account_id, tx_id, $1::uuid, model, input_tokens, cached_input_tokens, output_tokens, 2400, 1200, 9600, 1000, 500, 4000,
            charged, cost, 'bench-' || i, 'x', 'PROXY', created_at from bench_seed order by created_at`,
    [card],
  );
  await client.query(`drop table bench_seed`);
  await client.query(`set session_replication_role = origin`);
}

export async function run(): Promise<void> {
  if (!process.env.DATABASE_URL) console.log('(DATABASE_URL unset: using an embedded PostgreSQL)');
  const db = await benchDatabase(10);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const end = new Date();
    const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) - (DAYS - 1) * 86_400_000);
    const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) + 86_400_000);

    const seeding = await time(async () => {
      await client.query(`insert into rate_cards (name) values ('bench')`);
      await client.query(
        `insert into accounts (kind, email) select 'CUSTOMER', 'bench' || g || '@example.test' from generate_series(1, $1) g`,
        [ACCOUNTS],
      );
      await seed(client, ROWS, 0, end);
      // Fund every account with a PURCHASE so balances stay positive, then cache balance = sum of postings.
      await client.query(`set session_replication_role = replica`);
      await client.query(
        `with f as (select id as account_id, gen_random_uuid() as tx_id, $1::timestamptz as at from accounts where kind = 'CUSTOMER'),
              tx as (insert into ledger_transactions (id, account_id, type, created_at) select tx_id, account_id, 'PURCHASE', at from f returning id)
         insert into ledger_postings (transaction_id, account_id, amount, balance_after, created_at)
         select tx_id, account_id, 100000000000, 0, at from f
         union all select tx_id, (select id from accounts where system_code = 'sales'), -100000000000, null, at from f`,
        [new Date(from.getTime() - 86_400_000).toISOString()],
      );
      await client.query(`set session_replication_role = origin`);
      await client.query(
        `update accounts a set posted = s.total from (select account_id, sum(amount) total from ledger_postings group by account_id) s where s.account_id = a.id and a.kind = 'CUSTOMER'`,
      );
      await client.query(`vacuum analyze`);
    });
    const [{ u, p }] = (await client.query(`select (select count(*) from usage_records) u, (select count(*) from ledger_postings) p`)).rows;
    console.log(`seeded ${u} usage rows and ${p} postings over ${DAYS} days, ${ACCOUNTS} accounts, in ${(seeding.ms / 1000).toFixed(1)} s`);

    const finance = new FinanceService(db.orm.em);
    const catchUp = await time(() => finance.rollup());
    await client.query(`vacuum analyze finance_usage_daily, finance_ledger_daily`);
    const [{ ru, rl }] = (
      await client.query(`select (select count(*) from finance_usage_daily) ru, (select count(*) from finance_ledger_daily) rl`)
    ).rows;
    console.log(
      `rollup catch-up from watermark 0: ${(catchUp.ms / 1000).toFixed(1)} s -> ${ru} usage rollup rows, ${rl} ledger rollup rows`,
    );

    const days = await finance.daily(from, to);
    const direct = async () =>
      (
        await client.query(
          `with u as (
             select (created_at at time zone 'UTC')::date as day, count(*) calls, sum(cost_micro_usd) cost
               from usage_records where created_at >= $1 and created_at < $2 group by 1
           ), l as (
             select (p.created_at at time zone 'UTC')::date as day,
                    sum(p.amount) filter (where s.system_code = 'sales') purchased,
                    -sum(p.amount) filter (where s.system_code = 'consumption') deducted,
                    -sum(p.amount) filter (where s.system_code = 'refunds') refunded
               from ledger_postings p
               join accounts a on a.id = p.account_id and a.kind = 'CUSTOMER'
               join ledger_postings o on o.transaction_id = p.transaction_id and o.id <> p.id
               join accounts s on s.id = o.account_id and s.kind = 'SYSTEM'
              where p.created_at >= $1 and p.created_at < $2 group by 1
           )
           select d::date::text as day, u.calls, u.cost, l.purchased, l.deducted, l.refunded
             from generate_series($1::date, ($2::timestamptz - interval '1 day')::date, interval '1 day') d
             left join u on u.day = d::date left join l on l.day = d::date order by 1`,
          [from.toISOString(), to.toISOString()],
        )
      ).rows;
    const directRows = await direct();
    const same =
      directRows.length === days.length &&
      directRows.every(
        (r, i) =>
          BigInt(r.deducted ?? 0) === BigInt(days[i].creditsDeductedMillicredits) && BigInt(r.cost ?? 0) === BigInt(days[i].costMicroUsd),
      );
    console.log(`financeDaily and the direct aggregate agree on all ${days.length} days: ${same}`);

    const viaRollups = await median(() => finance.daily(from, to));
    const viaRaw = await median(direct);
    const usageOnly = await median(() =>
      client.query(
        `select (created_at at time zone 'UTC')::date, sum(charged), sum(cost_micro_usd), count(*) from usage_records where created_at >= $1 and created_at < $2 group by 1`,
        [from.toISOString(), to.toISOString()],
      ),
    );
    console.log(
      `financeDaily (rollups + tail), 90 days: median ${viaRollups.median.toFixed(1)} ms  (runs ${viaRollups.all.map((x) => x.toFixed(1)).join(', ')})`,
    );
    console.log(
      `direct aggregate over raw rows (usage + postings), 90 days: median ${viaRaw.median.toFixed(1)} ms  (runs ${viaRaw.all.map((x) => x.toFixed(0)).join(', ')})`,
    );
    console.log(`direct aggregate over usage_records only, 90 days: median ${usageOnly.median.toFixed(1)} ms`);
    console.log(
      `ratio raw / rollups: ${(viaRaw.median / viaRollups.median).toFixed(0)}x (usage-only: ${(usageOnly.median / viaRollups.median).toFixed(0)}x)`,
    );

    // A tail of 10,000 rows above the watermark (a rollup a few seconds behind under heavy load).
    await seed(client, 10_000, ROWS, end);
    await client.query(`analyze usage_records, ledger_postings`);
    const withTail = await median(() => finance.daily(from, to));
    console.log(`financeDaily with 10,000 usage rows (20,000 postings) not yet rolled up: median ${withTail.median.toFixed(1)} ms`);
    const liability = await median(() => finance.liability());
    console.log(`liability (paid/promotional split over ${ACCOUNTS} accounts): median ${liability.median.toFixed(1)} ms`);
    const incremental = await time(() => finance.rollup());
    console.log(
      `incremental rollup of that tail: ${incremental.ms.toFixed(0)} ms (${incremental.result.usageRows} usage rows, ${incremental.result.postings} postings)`,
    );
  } finally {
    await client.end();
    if (process.env.FINANCE_BENCH_KEEP) {
      // Keep the seeded database for EXPLAIN sessions; drop it by hand afterwards.
      console.log(`kept database ${db.url}`);
      await db.orm.close(true);
    } else {
      await db.close();
    }
  }
}
