import { Repeater } from '@repeaterjs/repeater';
import { fromPayload, toPayload, type BalanceEvents } from './balance-events.js';
import type { BalanceSnapshot } from './ledger.types.js';

/**
 * A live view of one balance: the current balance first (a live UI needs it, and its arrival
 * tells the client the subscription is registered), then every change, in order.
 */
export class BalanceWatchService {
  constructor(
    private readonly events: BalanceEvents,
    private readonly readBalance: (accountId: string) => Promise<BalanceSnapshot>,
  ) {}

  /** Subscribes before reading the balance, so no change can fall between the two. */
  async watch(accountId: string): Promise<AsyncIterable<BalanceSnapshot>> {
    const iterator = this.events.subscribe(accountId)[Symbol.asyncIterator]();
    const firstEvent = iterator.next(); // repeaters are lazy: this registers the subscription
    let current: BalanceSnapshot;
    try {
      current = await this.readBalance(accountId);
    } catch (err) {
      await iterator.return?.();
      throw err;
    }
    return new Repeater<BalanceSnapshot>(async (push, stop) => {
      const ended = stop.then(() => ({ done: true, value: undefined }) as const);
      stop.then(() => iterator.return?.());
      let latest = toPayload(current);
      await push(current);
      for (let pending = firstEvent; ; pending = iterator.next()) {
        const next = await Promise.race([pending, ended]);
        if (next.done) break;
        // Two movements may publish out of order: never deliver one older than what was sent.
        if (next.value.updatedAt >= latest.updatedAt) {
          latest = next.value;
          await push(fromPayload(next.value));
        }
      }
      stop();
    });
  }
}
