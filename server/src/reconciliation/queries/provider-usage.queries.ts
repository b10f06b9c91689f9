import type { EntityManager } from '@mikro-orm/postgresql';

const USAGE_TOKENS_BY_MODEL = `select model, sum(input_tokens + cached_input_tokens) i, sum(cached_input_tokens) c, sum(output_tokens) o, count(*) n,
              max(input_per1k) ir, max(cached_input_per1k) cr, max(output_per1k) orr
         from finance_usage_v where created_at >= ?::timestamptz and created_at < ?::timestamptz group by model`;

export const usageTokensByModel = (em: EntityManager, params: unknown[] = []) =>
  em.execute<Record<string, string>[]>(USAGE_TOKENS_BY_MODEL, params);
