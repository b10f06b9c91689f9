import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { swallowed } from '../shared/errors.js';
import type { Clock } from './clock.js';
import { CreditsExhaustedNoticeEntity } from './credits-exhausted.repository.js';

/** A refusal seen on this instance in the last minute needs no database round trip to be refused again. */
const LOCAL_MEMO_MS = 60_000;

/** `credits.exhausted` on refused charges: at most once an hour per account, across instances. */
export class ExhaustedAlerts {
  private readonly recentRefusals = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * A charge was refused for credits (after the refusal, outside its transaction): claims this
   * hour's `credits.exhausted` for the account. Never throws; cheap when refusals repeat.
   */
  onRefused(accountId: string, requiredMillicredits: bigint): Promise<string | null> {
    const task = this.claim(accountId, requiredMillicredits);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return task;
  }

  /** Resolves when every refusal seen so far has been recorded (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async claim(accountId: string, requiredMillicredits: bigint): Promise<string | null> {
    const now = this.clock.now();
    const last = this.recentRefusals.get(accountId);
    if (last !== undefined && now.getTime() - last < LOCAL_MEMO_MS && now.getTime() >= last) return null;
    if (this.recentRefusals.size > 100_000) this.recentRefusals.clear();
    this.recentRefusals.set(accountId, now.getTime());
    try {
      // A fork of its own: this runs after a refusal, which may be rolling back the caller's transaction.
      return await this.em.fork().getRepository(CreditsExhaustedNoticeEntity).claimHour(accountId, requiredMillicredits, now);
    } catch (err) {
      return swallowed(err, 'notify.credits-exhausted', this.log.child({ accountId })) ?? null;
    }
  }
}
