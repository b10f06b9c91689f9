import type { EntityManager } from '@mikro-orm/postgresql';
import { USAGE_TOKEN_CLASSES } from '../usage-report.rules.js';
import { NO_KEY } from './tail.js';

/** The usage report's token classes besides input, cached and output (usage rows' and usage_report_daily's columns). */
const CLASS_COLUMNS = USAGE_TOKEN_CLASSES.map((c) => `${c}_tokens`);

/** `col = d.col + excluded.col` for each summed column of an upsert. */
const addUp = (columns: string[]) => columns.map((c) => `${c} = d.${c} + excluded.${c}`).join(', ');
const USAGE_SUMS = ['calls', 'input_tokens', 'cached_input_tokens', 'output_tokens', 'charged', 'cost_micro_usd'];

/** Adds the usage rows with seq in (fromU, toU] to the three usage rollups; answers how many rows. */
export async function foldUsage(em: EntityManager, fromU: bigint, toU: bigint): Promise<number> {
  const [r] = await em.execute<{ n: string }[]>(
    `with src as (
       select (created_at at time zone 'UTC')::date as day, account_id, model, coalesce(api_key_id, ?::uuid) as api_key_id,
              coalesce(member_account_id, ?::uuid) as member_account_id,
              count(*) as calls, sum(input_tokens) as i, sum(cached_input_tokens) as c, sum(output_tokens) as o,
              ${CLASS_COLUMNS.map((c) => `sum(${c}) as ${c}, `).join('')}
              sum(charged) as charged, sum(cost_micro_usd) as cost, sum(count(*)) over () as n
         from finance_usage_v where seq > ?::bigint and seq <= ?::bigint
        group by 1, 2, 3, 4, 5
     ), up_report as (
       insert into usage_report_daily as d (day, account_id, model, api_key_id, member_account_id, calls, input_tokens,
                                           cached_input_tokens, output_tokens, ${CLASS_COLUMNS.join(', ')}, charged, cost_micro_usd)
       select day, account_id, model, api_key_id, member_account_id, calls, i, c, o, ${CLASS_COLUMNS.join(', ')}, charged, cost from src
       on conflict (day, account_id, model, api_key_id, member_account_id) do update set
         ${addUp([...CLASS_COLUMNS, ...USAGE_SUMS])}
       returning 1
     ), up as (
       insert into finance_usage_daily as d (day, account_id, model, api_key_id, calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd)
       select day, account_id, model, api_key_id, sum(calls), sum(i), sum(c), sum(o), sum(charged), sum(cost) from src
        group by day, account_id, model, api_key_id
       on conflict (day, account_id, model, api_key_id) do update set ${addUp(USAGE_SUMS)}
       returning 1
     ), up_day as (
       insert into finance_usage_day_model as d (day, model, calls, input_tokens, cached_input_tokens, output_tokens, charged, cost_micro_usd)
       select day, model, sum(calls), sum(i), sum(c), sum(o), sum(charged), sum(cost) from src group by day, model
       on conflict (day, model) do update set ${addUp(USAGE_SUMS)}
       returning 1
     )
     select coalesce(max(n), 0) as n from src`,
    [NO_KEY, NO_KEY, fromU.toString(), toU.toString()],
  );
  return Number(r.n);
}

/** Adds the customer postings with id in (fromP, toP] to the two ledger rollups; answers how many postings. */
export async function foldPostings(em: EntityManager, fromP: bigint, toP: bigint): Promise<number> {
  const [r] = await em.execute<{ n: string }[]>(
    // The system side is found in the same id range (one hash join); a transaction whose ids
    // straddle the bound (another session drew an id between its two postings) is looked up
    // by transaction id instead, only for those rows.
    `with sys as (
       select o.transaction_id, min(s.system_code) as system_code
         from finance_postings_v o join finance_accounts_v s on s.id = o.account_id and s.kind = 'SYSTEM'
        where o.id > ?::bigint and o.id <= ?::bigint
        group by o.transaction_id
     ), src as (
       select (p.created_at at time zone 'UTC')::date as day, p.account_id, t.type,
              coalesce(sa.system_code, sb.code, 'none') as counterparty,
              count(*) as entries, sum(p.amount) as amount, sum(count(*)) over () as n
         from finance_postings_v p
         join finance_accounts_v a on a.id = p.account_id and a.kind <> 'SYSTEM'
         join finance_transactions_v t on t.id = p.transaction_id
         left join sys sa on sa.transaction_id = p.transaction_id
         left join lateral (
           select min(s.system_code) as code
             from finance_postings_v o join finance_accounts_v s on s.id = o.account_id and s.kind = 'SYSTEM'
            where sa.transaction_id is null and o.transaction_id = p.transaction_id
         ) sb on true
        where p.id > ?::bigint and p.id <= ?::bigint
        group by 1, 2, 3, 4
     ), up as (
       insert into finance_ledger_daily as d (day, account_id, type, counterparty, entries, amount)
       select day, account_id, type, counterparty, entries, amount from src
       on conflict (day, account_id, type, counterparty) do update set
         entries = d.entries + excluded.entries, amount = d.amount + excluded.amount
       returning 1
     ), up_day as (
       insert into finance_ledger_day as d (day, type, counterparty, entries, amount)
       select day, type, counterparty, sum(entries), sum(amount) from src group by day, type, counterparty
       on conflict (day, type, counterparty) do update set
         entries = d.entries + excluded.entries, amount = d.amount + excluded.amount
       returning 1
     )
     select coalesce(max(n), 0) as n from src`,
    [fromP.toString(), toP.toString(), fromP.toString(), toP.toString()],
  );
  return Number(r.n);
}
