import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlOf } from '../db/sql.js';
import { currentEm } from '../db/unit-of-work.js';
import { windowOf, type OffsetPage, type PageWindow } from '../shared/paging.js';
import { badInput } from '../shared/errors.js';
import type { Purchase, PurchaseStatus } from './billing.types.js';
import { toPurchase } from './purchases.repository.js';

export interface PurchaseFilter {
  status?: PurchaseStatus | null;
  accountId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** PENDING purchases that reached Stripe and are older than this many minutes (stuck after an outage?). */
  staleAfterMinutes?: number | null;
}

export type PurchaseOrder = 'CREATED_AT' | 'AMOUNT';

/** Purchases of every account, for support. */
export class PurchasesAdminService {
  constructor(private readonly em: EntityManager) {}

  /** Filtered, sorted and counted. */
  async list(f: PurchaseFilter, order: PurchaseOrder, direction: 'ASC' | 'DESC', window: PageWindow): Promise<OffsetPage<Purchase>> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.status) {
      parts.push(`status = ?`);
      params.push(f.status);
    }
    if (f.accountId) {
      parts.push(`account_id = ?::uuid`);
      params.push(f.accountId);
    }
    if (f.from && f.to && f.to.getTime() <= f.from.getTime()) throw badInput('to must be after from', { field: 'to' });
    if (f.from) {
      parts.push(`created_at >= ?::timestamptz`);
      params.push(f.from.toISOString());
    }
    if (f.to) {
      parts.push(`created_at < ?::timestamptz`);
      params.push(f.to.toISOString());
    }
    if (f.staleAfterMinutes != null) {
      if (!Number.isInteger(f.staleAfterMinutes) || f.staleAfterMinutes < 0 || f.staleAfterMinutes > 525_600)
        throw badInput('staleAfterMinutes must be 0 to 525600', { field: 'staleAfterMinutes' });
      parts.push(`status = 'PENDING' and kind <> 'TEST_CHECKOUT' and (stripe_checkout_session_id is not null or stripe_payment_intent_id is not null)
      and created_at < now() - make_interval(mins => ?::int)`);
      params.push(f.staleAfterMinutes);
    }
    const where = parts.length ? `where ${parts.join(' and ')}` : '';
    const sql = sqlOf(currentEm(this.em));
    const column = order === 'AMOUNT' ? 'amount_cents' : 'created_at';
    const dir = direction === 'ASC' ? 'asc' : 'desc';
    const rows = await sql.query<Record<string, unknown>>(
      `select * from purchases ${where} order by ${column} ${dir}, id ${dir} limit ? offset ?`,
      [...params, window.limit + 1, window.offset],
    );
    const count = async () => Number((await sql.query<{ n: string }>(`select count(*) n from purchases ${where}`, params))[0].n);
    return windowOf(rows.map(toPurchase), window, count);
  }
}
