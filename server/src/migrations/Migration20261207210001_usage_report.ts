import { Migration } from '@mikro-orm/migrations';

/**
 * The usage report's rollup: per UTC day, account, model, API key and team member, folded by the
 * finance rollup job in the same transaction and up to the same watermark as the other rollups
 * (reports add the tail above it live). `finance_usage_daily` cannot serve: its key has no member,
 * and calls without a key (Credits page sessions) of different members would merge.
 */
export class Migration20261207210001_usage_report extends Migration {
  override async up(): Promise<void> {
    // '00000000-…' stands for "none" in api_key_id (no key) and member_account_id (not a team charge):
    // primary key columns cannot be null.
    this.addSql(`
create table usage_report_daily (
  day date not null,
  account_id uuid not null references accounts (id),
  model text not null,
  api_key_id uuid not null,
  member_account_id uuid not null,
  calls bigint not null,
  input_tokens bigint not null,
  cached_input_tokens bigint not null,
  output_tokens bigint not null,
  charged bigint not null,
  cost_micro_usd bigint not null,
  primary key (day, account_id, model, api_key_id, member_account_id)
);`);
    this.addSql(`create index usage_report_daily_account on usage_report_daily (account_id, day);`);
    // Everything already folded into the other rollups, so one watermark covers all of them.
    this.addSql(`
insert into usage_report_daily (day, account_id, model, api_key_id, member_account_id, calls, input_tokens, cached_input_tokens,
                                output_tokens, charged, cost_micro_usd)
select (created_at at time zone 'UTC')::date, account_id, model,
       coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid),
       coalesce(member_account_id, '00000000-0000-0000-0000-000000000000'::uuid),
       count(*), sum(input_tokens), sum(cached_input_tokens), sum(output_tokens), sum(charged), sum(cost_micro_usd)
  from usage_records
 where seq <= (select usage_seq from finance_rollup_state where id = 1)
 group by 1, 2, 3, 4, 5;`);
  }
}
