import { EventEmitter } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';
import { SlidingBuffer, type Repeater } from '@repeaterjs/repeater';
import type { Logger } from 'pino';
import { swallowed } from '../errors.js';
import { CACHE_SCOPES, toPayload, type BalanceEventPayload, type CacheScope, type Channel, type Channels } from './channels.js';
import { redisFanOut, type FanOut } from './redis-fan-out.js';

type Topics = { BALANCE_UPDATED: [string, BalanceEventPayload]; CACHE_INVALIDATED: [string] };

/**
 * The one event bus of a process: named, typed channels (channels.ts). Publish after the commit
 * that caused the event (never NOTIFY inside a charge). With a Redis URL the `everywhere` channels
 * and the per-account balance events fan out to every instance; otherwise they stay in this process.
 */
export interface EventBus {
  /** This instance's listeners of `channel` at once; other instances' too where it reaches everywhere. */
  publish<C extends Channel>(channel: C, message: Channels[C]): void;
  /** Calls `listener` with each message its reach allows (CHANNEL_REACH); returns the function that stops it. */
  on<C extends Channel>(channel: C, listener: (message: Channels[C]) => void): () => void;
  /** One account's balance events from every instance, queued (the newest 256 kept). */
  balancesOf(accountId: string): Repeater<BalanceEventPayload>;
  /** One account's balance events from every instance, synchronously as each arrives (no queue). */
  onBalanceOf(accountId: string, listener: (payload: BalanceEventPayload) => void): () => void;
  /** Fan-out across instances: 'off' without Redis, 'down' while Redis is unreachable. */
  fanOut(): FanOut;
  close(): Promise<void>;
}

export interface EventBusOptions {
  redisUrl?: string;
  log?: Pick<Logger, 'warn'>;
  /** Redis came back (true) or went away (false). */
  onFanOutChange?: (up: boolean) => void;
}

export function createEventBus(opts: EventBusOptions = {}): EventBus {
  const local = new EventEmitter().setMaxListeners(0);
  const deliver = <C extends Channel>(channel: C, message: Channels[C]) => {
    for (const listener of local.listeners(channel)) {
      try {
        listener(message);
      } catch (err) {
        // A listener never breaks the publish of a committed movement, nor changes a refusal.
        swallowed(err, `events.${channel}.listener`, opts.log);
      }
    }
  };
  const remote = redisFanOut(opts.redisUrl, opts.log, (up) => {
    // Invalidations may be lost while Redis is away: every cache starts over, on the short TTL
    // while down (see cacheTtl) and afresh once back up.
    for (const scope of CACHE_SCOPES) deliver('cacheInvalidated', scope);
    opts.onFanOutChange?.(up);
  });
  const pubSub = createPubSub<Topics>({ eventTarget: remote.target as EventTarget, repeaterBuffer: new SlidingBuffer(256) });
  // Every instance's invalidations, this one's echo included (harmless: it already dropped its copy).
  const invalidations = pubSub.subscribe('CACHE_INVALIDATED');
  void (async () => {
    for await (const scope of invalidations) deliver('cacheInvalidated', scope as CacheScope);
  })().catch((err: unknown) => swallowed(err, 'events.cacheInvalidated.remote', opts.log));
  const sendAway: { [C in Channel]?: (message: Channels[C]) => void } = {
    balance: (snapshot) => pubSub.publish('BALANCE_UPDATED', snapshot.accountId, toPayload(snapshot)),
    cacheInvalidated: (scope) => pubSub.publish('CACHE_INVALIDATED', scope),
  };
  return {
    publish: (channel, message) => {
      deliver(channel, message);
      try {
        sendAway[channel]?.(message);
      } catch (err) {
        // Redis down: the other instances fall back on their caches' TTL.
        swallowed(err, `events.${channel}.fan-out`, opts.log);
      }
    },
    on: (channel, listener) => {
      local.on(channel, listener);
      return () => local.off(channel, listener);
    },
    balancesOf: (accountId) => pubSub.subscribe('BALANCE_UPDATED', accountId),
    onBalanceOf: (accountId, listener) => {
      // The topic createPubSub gives a routing key and id, so both ways hear the same events.
      const topic = `BALANCE_UPDATED:${accountId}`;
      const handler = (event: Event) => listener((event as CustomEvent<BalanceEventPayload>).detail);
      remote.target.addEventListener(topic, handler);
      return () => remote.target.removeEventListener(topic, handler);
    },
    fanOut: remote.state,
    close: async () => {
      await invalidations.return?.();
      await remote.close();
    },
  };
}

/**
 * The TTL of the invalidated caches: `maxAgeMs` while invalidations arrive (in-process, or Redis
 * up), the short `backstopMs` while Redis is down and another instance's change could go unheard.
 */
export const cacheTtl =
  (bus: Pick<EventBus, 'fanOut'>, backstopMs: number, maxAgeMs: number): (() => number) =>
  () =>
    bus.fanOut() === 'down' ? backstopMs : maxAgeMs;
