import { Migration } from '@mikro-orm/migrations';

/**
 * The long-context tier gets its own 1-hour cache-write rate and cost (Anthropic charges a 1-hour
 * write above the threshold at twice its long-context input price, not the base 1-hour price).
 * Optional like the tier's 5-minute write: null keeps the base 1-hour rate; only a card with a
 * tier may set them.
 */
export class Migration20261208090001_long_context_cache_write_1h extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table model_rates
  add column long_context_cache_write_1h_input_per1k bigint check (long_context_cache_write_1h_input_per1k >= 0),
  add column long_context_cost_cache_write_1h_input_per1k bigint check (long_context_cost_cache_write_1h_input_per1k >= 0),
  add constraint model_rates_long_context_1h_with_tier check (
    long_context_threshold_tokens is not null
    or (long_context_cache_write_1h_input_per1k is null and long_context_cost_cache_write_1h_input_per1k is null)
  );`);
  }
}
