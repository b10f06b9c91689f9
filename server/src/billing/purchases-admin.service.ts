import type { EntityManager } from '@mikro-orm/postgresql';
import { currentEm } from '../db/unit-of-work.js';
import { windowOf, type OffsetPage, type PageWindow } from '../shared/paging.js';
import { badInput } from '../shared/errors.js';
import { PurchaseEntity, type PurchaseEntity as Purchase, type PurchaseFilter, type PurchaseOrder } from './purchases.repository.js';

/** Purchases of every account, for support. */
export class PurchasesAdminService {
  constructor(private readonly em: EntityManager) {}

  /** Filtered, sorted and counted. */
  async list(f: PurchaseFilter, order: PurchaseOrder, direction: 'ASC' | 'DESC', window: PageWindow): Promise<OffsetPage<Purchase>> {
    if (f.from && f.to && f.to.getTime() <= f.from.getTime()) throw badInput('to must be after from', { field: 'to' });
    const stale = f.staleAfterMinutes;
    if (stale != null && (!Number.isInteger(stale) || stale < 0 || stale > 525_600))
      throw badInput('staleAfterMinutes must be 0 to 525600', { field: 'staleAfterMinutes' });
    const purchases = currentEm(this.em).getRepository(PurchaseEntity);
    const rows = await purchases.filtered(f, order, direction, window);
    return windowOf(rows, window, () => purchases.countFiltered(f));
  }
}
