import { Migration } from '@mikro-orm/migrations';

const CLASS_RATES = ['cache_write_input', 'cache_write_1h_input', 'audio_input', 'audio_output', 'image_input'];
const TIER_RATES = ['input', 'cached_input', 'cache_write_input', 'output'];
const TOKEN_CLASSES = ['cache_write_input', 'cache_write_1h_input', 'audio_input', 'audio_output', 'image_input', 'reasoning'];

const rateColumns = (names: string[], prefix = '') =>
  names.flatMap((n) => [
    `add column ${prefix}${n}_per1k bigint check (${prefix}${n}_per1k >= 0)`,
    `add column ${prefix}cost_${n}_per1k bigint check (${prefix}cost_${n}_per1k >= 0)`,
  ]);

/**
 * Every token type priced (issue 19).
 *
 * - `model_rates` names its provider and gets optional per-class rates and costs (null: the class
 *   is priced at the input rate, or the output rate for audio output; a 1-hour cache write at the
 *   5-minute one), and an optional long-context tier: above `long_context_threshold_tokens` prompt
 *   tokens the `long_context_*` rates price the whole call (a class the tier leaves null keeps the
 *   base rate). A tier is all or nothing: threshold, input, cached input and output together.
 * - `usage_records` stores every token class (0 on the rows before) and the effective per-1k rates
 *   it was charged at for each (after fallback and tier; the existing `*_per1k` columns hold the
 *   effective input, cached and output rates). The class snapshots are null on rows written
 *   before classes existed, whose class tokens are all 0. `long_context` says the tier applied.
 * - The engine's functions return the new columns: their signatures change, so they are dropped
 *   here and recreated from ledger/sql by the engine step that runs after the migrations.
 */
export class Migration20261208010001_token_classes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table model_rates
  add column provider text not null default 'openai' constraint model_rates_provider check (provider in ('openai', 'anthropic')),
  ${rateColumns(CLASS_RATES).join(',\n  ')},
  add column long_context_threshold_tokens int check (long_context_threshold_tokens > 0),
  ${rateColumns(TIER_RATES, 'long_context_').join(',\n  ')},
  add constraint model_rates_long_context_whole check (
    (long_context_threshold_tokens is null) = (long_context_input_per1k is null)
    and (long_context_threshold_tokens is null) = (long_context_cached_input_per1k is null)
    and (long_context_threshold_tokens is null) = (long_context_output_per1k is null)
    and (long_context_threshold_tokens is null) = (long_context_cost_input_per1k is null)
    and (long_context_threshold_tokens is null) = (long_context_cost_cached_input_per1k is null)
    and (long_context_threshold_tokens is null) = (long_context_cost_output_per1k is null)
    and (long_context_threshold_tokens is not null or (long_context_cache_write_input_per1k is null and long_context_cost_cache_write_input_per1k is null))
  );`);
    this.addSql(`
alter table usage_records
  ${TOKEN_CLASSES.map((n) => `add column ${n}_tokens bigint not null default 0 check (${n}_tokens >= 0)`).join(',\n  ')},
  ${CLASS_RATES.flatMap((n) => [`add column ${n}_per1k bigint`, `add column cost_${n}_per1k bigint`]).join(',\n  ')},
  add column long_context boolean not null default false;`);
    this.addSql(`drop function if exists creditmeter_batch(jsonb);`);
    this.addSql(`drop function if exists creditmeter_settle(uuid, jsonb);`);
    this.addSql(`drop function if exists creditmeter_charge(jsonb);`);
  }
}
