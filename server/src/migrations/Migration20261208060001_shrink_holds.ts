import { Migration } from '@mikro-orm/migrations';

/**
 * `shrink_holds` (on by default): a proxied call whose worst case is above the available balance,
 * but whose prompt and `min_output_tokens` of output are covered, holds what is available and goes
 * upstream with its output limit capped to fit, instead of a 402. Off: such a call is refused.
 */
export class Migration20261208060001_shrink_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table proxy_settings add column shrink_holds boolean not null default true;`);
    this.addSql(
      `comment on column proxy_settings.shrink_holds is 'a call the balance cannot cover in full holds what is available and caps its output limit (min_output_tokens at least); false: refused with 402';`,
    );
  }
}
