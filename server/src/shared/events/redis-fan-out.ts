import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { swallowed } from '../errors.js';

export type FanOut = 'up' | 'down' | 'off';

/** In-process, or Redis's (which subscribes a channel while it has listeners). */
type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;

export interface RemoteTarget {
  target: Target;
  state(): FanOut;
  close(): Promise<void>;
}

/**
 * The event target the bus publishes on: Redis's with a URL (every instance hears it), else one
 * in this process. Redis is only the fan-out: while it is unreachable, charges go on and events
 * stay local. Publishes fail fast (no offline queue) and are never left as unhandled rejections;
 * both clients reconnect by themselves (the subscriber re-subscribes).
 */
export function redisFanOut(
  redisUrl: string | undefined,
  log: Pick<Logger, 'warn'> | undefined,
  onChange: (up: boolean) => void,
): RemoteTarget {
  if (!redisUrl) return { target: new EventTarget(), state: () => 'off', close: async () => undefined };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
  const clients = [publishClient, subscribeClient];
  let state: FanOut = 'down';
  watchHealth(clients, (up) => {
    state = up ? 'up' : 'down';
    onChange(up);
  });
  const safePublisher = {
    publish: (channel: string, message: string) =>
      // While Redis is down each failure is expected: the outage is logged once and `pubsub_up` reads 0.
      publishClient.publish(channel, message).catch((err: unknown) => (state === 'up' ? swallowed(err, 'events.redis.publish', log) : 0)),
  } as unknown as Redis;
  return {
    target: createRedisEventTarget({ publishClient: safePublisher, subscribeClient }),
    state: () => state,
    // quit() waits for a reply that never comes while Redis is down: disconnect at once then.
    close: async () => {
      await Promise.all(clients.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
    },
  };
}

/**
 * Calls `onChange(true)` when every client is ready, `onChange(false)` when one is lost or never
 * connects: each change once (an 'error' listener also keeps ioredis from printing every retry).
 */
function watchHealth(clients: Redis[], onChange: (up: boolean) => void): void {
  let up: boolean | null = null;
  const check = () => {
    const now = clients.every((c) => c.status === 'ready');
    if (now !== up) {
      up = now;
      onChange(up);
    }
  };
  for (const client of clients) {
    for (const event of ['ready', 'error', 'close', 'end', 'reconnecting']) client.on(event, check);
  }
}
