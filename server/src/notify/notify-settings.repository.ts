import { EntityRepository, type EntityManager, raw } from '@mikro-orm/postgresql';
import { NotifySettingsEntity } from './notify-settings.entity.js';

/** `notify_settings`, one row: the default low-balance threshold the database's triggers read. */
export class NotifySettingsRepository extends EntityRepository<NotifySettingsEntity> {
  /** Writes the default; true when it changed. */
  async setDefaultThreshold(threshold: bigint): Promise<boolean> {
    const changed = await this.nativeUpdate(
      { singleton: true, defaultLowBalanceThreshold: { $ne: threshold } },
      { defaultLowBalanceThreshold: threshold, updatedAt: raw('now()') },
    );
    return changed > 0;
  }
}

/** The repository on `em` (the caller's unit of work or transaction). */
export const notifySettingsOf = (em: EntityManager) => new NotifySettingsRepository(em, NotifySettingsEntity);
