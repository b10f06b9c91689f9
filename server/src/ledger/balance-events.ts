import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { SlidingBuffer, type Repeater } from '@repeaterjs/repeater';
import { Redis } from 'ioredis';
import type { BalanceSnapshot } from './ledger.types.js';

/** What crosses the wire (and Redis): strings only, so nothing bigint is lost in JSON. */
export interface BalanceEventPayload {
  accountId: string;
  posted: string;
  pending: string;
  updatedAt: string;
}

type Topics = { BALANCE_UPDATED: [string, BalanceEventPayload]; CACHE_INVALIDATED: [string] };
/** In-process, or Redis's (which subscribes a channel while it has listeners). */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;

/**
 * What a cache invalidation names: every instance drops its cached copy of it at once.
 * `sessions`: a console or Credits page session ended (sign-out, disable, password change, role).
 */
export type CacheScope = 'apiKeys' | 'rateCards' | 'proxySettings' | 'sessions';
const ALL_SCOPES: CacheScope[] = ['apiKeys', 'rateCards', 'proxySettings', 'sessions'];

export interface BalanceEvents {
  publish(snapshot: BalanceSnapshot): void;
  subscribe(accountId: string): Repeater<BalanceEventPayload>;
  /**
   * Calls `listener` with each of the account's events, from every instance, synchronously as it
   * arrives (no queue per listener); returns the function that stops it.
   */
  listen(accountId: string, listener: (payload: BalanceEventPayload) => void): () => void;
  close(): Promise<void>;
  /** In-process, after-commit listener on this instance's own publishes (e.g. auto-recharge). */
  onPublished?(listener: (snapshot: BalanceSnapshot) => void): void;
  /** A charge was refused for credits: called after the refusal (e.g. `credits.exhausted`). */
  refused?(accountId: string, requiredMillicredits: bigint): void;
  onRefused?(listener: (accountId: string, requiredMillicredits: bigint) => void): void;
  /** Tells every instance (this one at once) to drop its cached `scope`; call after the commit. */
  invalidate(scope: CacheScope): void;
  onInvalidate(listener: (scope: CacheScope) => void): void;
  /** Fan-out across instances: 'off' without Redis, 'down' while Redis is unreachable. */
  fanOut?(): 'up' | 'down' | 'off';
}

export const toPayload = (s: BalanceSnapshot): BalanceEventPayload => ({
  accountId: s.accountId,
  posted: s.posted.toString(),
  pending: s.pending.toString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const fromPayload = (p: BalanceEventPayload): BalanceSnapshot => ({
  accountId: p.accountId,
  posted: BigInt(p.posted),
  pending: BigInt(p.pending),
  updatedAt: new Date(p.updatedAt),
});

/**
 * Balance change events, published after commit (never NOTIFY inside a charge). With a Redis URL
 * the events fan out to every instance; otherwise they stay in this process.
 */
export function createBalanceEvents(redisUrl?: string, onFanOutChange?: (up: boolean) => void): BalanceEvents {
  let clients: Redis[] = [];
  let target: Target = new EventTarget();
  let fanOut: 'up' | 'down' | 'off' = 'off';
  if (redisUrl) {
    // Redis is only the fan-out: while it is unreachable, charges go on and events stay local.
    // Publishes fail fast (no offline queue) and are never left as unhandled rejections; both
    // clients reconnect by themselves (the subscriber re-subscribes).
    const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
    clients = [publishClient, subscribeClient];
    fanOut = 'down';
    const watch = redisHealth(clients, (up) => {
      fanOut = up ? 'up' : 'down';
      // Invalidations may be lost while Redis is away: every cache starts over, on the short TTL
      // while down (see cacheTtl) and afresh once back up.
      for (const scope of ALL_SCOPES) notify(scope);
      onFanOutChange?.(up);
    });
    void watch;
    const safePublisher = {
      publish: (channel: string, message: string) => publishClient.publish(channel, message).catch(() => 0),
    } as unknown as Redis;
    target = createRedisEventTarget({ publishClient: safePublisher, subscribeClient });
  }
  const pubSub = createPubSub<Topics>({ eventTarget: target as EventTarget, repeaterBuffer: new SlidingBuffer(256) });
  const listeners: ((snapshot: BalanceSnapshot) => void)[] = [];
  const refusalListeners: ((accountId: string, required: bigint) => void)[] = [];
  const invalidationListeners: ((scope: CacheScope) => void)[] = [];
  const notify = (scope: CacheScope) => {
    for (const listener of invalidationListeners) listener(scope);
  };
  const invalidations = pubSub.subscribe('CACHE_INVALIDATED');
  void (async () => {
    for await (const scope of invalidations) notify(scope as CacheScope);
  })().catch(() => undefined);
  return {
    publish: (snapshot) => {
      pubSub.publish('BALANCE_UPDATED', snapshot.accountId, toPayload(snapshot));
      for (const listener of listeners) {
        try {
          listener(snapshot);
        } catch {
          /* a listener never breaks the publish of a committed movement */
        }
      }
    },
    onPublished: (listener) => {
      listeners.push(listener);
    },
    refused: (accountId, required) => {
      for (const listener of refusalListeners) {
        try {
          listener(accountId, required);
        } catch {
          /* a listener never changes the refusal */
        }
      }
    },
    onRefused: (listener) => {
      refusalListeners.push(listener);
    },
    subscribe: (accountId) => pubSub.subscribe('BALANCE_UPDATED', accountId),
    listen: (accountId, listener) => {
      // The topic createPubSub gives a routing key and id, so both ways hear the same events.
      const topic = `BALANCE_UPDATED:${accountId}`;
      const handler = (event: Event) => listener((event as CustomEvent<BalanceEventPayload>).detail);
      target.addEventListener(topic, handler);
      return () => target.removeEventListener(topic, handler);
    },
    invalidate: (scope) => {
      // Here at once; the others through pub/sub (this instance hears its own echo: harmless).
      notify(scope);
      try {
        pubSub.publish('CACHE_INVALIDATED', scope);
      } catch {
        /* Redis down: the other instances fall back on their caches' TTL */
      }
    },
    onInvalidate: (listener) => {
      invalidationListeners.push(listener);
    },
    fanOut: () => fanOut,
    close: async () => {
      await invalidations.return?.();
      // quit() waits for a reply that never comes while Redis is down: disconnect at once then.
      await Promise.all(clients.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
    },
  };
}

/**
 * Calls `onChange(true)` when every client is ready, `onChange(false)` when one is lost or never
 * connects: each change once (an 'error' listener also keeps ioredis from printing every retry).
 */
function redisHealth(clients: Redis[], onChange: (up: boolean) => void) {
  let up: boolean | null = null;
  const check = () => {
    const now = clients.every((c) => c.status === 'ready');
    if (now !== up) {
      up = now;
      onChange(up);
    }
  };
  for (const client of clients) {
    // Without an error listener ioredis prints every failed reconnect; the change is reported once instead.
    for (const event of ['ready', 'error', 'close', 'end', 'reconnecting']) client.on(event, check);
  }
  return check;
}

/**
 * The TTL of the invalidated caches: `maxAgeMs` while invalidations arrive (in-process, or Redis
 * up), the short `backstopMs` while Redis is down and another instance's change could go unheard.
 */
export const cacheTtl =
  (events: Pick<BalanceEvents, 'fanOut'>, backstopMs: number, maxAgeMs: number): (() => number) =>
  () =>
    events.fanOut?.() === 'down' ? backstopMs : maxAgeMs;
