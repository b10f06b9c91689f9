import { Migration } from '@mikro-orm/migrations';

/**
 * The usage report gives every token type: `usage_report_daily` gets the token classes that
 * `usage_records` stores since the token_classes migration, summed the same way, backfilled for
 * what the rollup already folded (one watermark still covers every rollup).
 */
export class Migration20261208070004_usage_report_token_classes extends Migration {
  override async up(): Promise<void> {
    const cols = ['cache_write_input', 'cache_write_1h_input', 'audio_input', 'audio_output', 'image_input', 'reasoning'].map(
      (c) => `${c}_tokens`,
    );
    this.addSql(`alter table usage_report_daily ${cols.map((c) => `add column ${c} bigint not null default 0`).join(', ')};`);
    this.addSql(`
update usage_report_daily d set ${cols.map((c) => `${c} = s.${c}`).join(', ')}
  from (select (created_at at time zone 'UTC')::date as day, account_id, model,
               coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) as api_key_id,
               coalesce(member_account_id, '00000000-0000-0000-0000-000000000000'::uuid) as member_account_id,
               ${cols.map((c) => `sum(${c}) as ${c}`).join(', ')}
          from usage_records
         where seq <= (select usage_seq from finance_rollup_state where id = 1)
         group by 1, 2, 3, 4, 5) s
 where d.day = s.day and d.account_id = s.account_id and d.model = s.model and d.api_key_id = s.api_key_id
   and d.member_account_id = s.member_account_id;`);
  }
}
