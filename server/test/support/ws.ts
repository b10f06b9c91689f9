import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T> {
  events: T[];
  error: unknown;
  /** Resolves once `n` events arrived, or rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** Subscribes over graphql-ws exactly as a live UI would, collecting what arrives. */
export function subscribe<T = any>(httpUrl: string, key: string | null, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  const state: { events: T[]; error: unknown } = { events: [], error: null };
  const waiters: Array<() => void> = [];
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) state.error = value.errors;
        else state.events.push(value.data as T);
        waiters.forEach((w) => w());
      },
      error: (err) => {
        state.error = err;
        waiters.forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  return {
    get events() {
      return state.events;
    },
    get error() {
      return state.error;
    },
    waitFor: (n, timeoutMs = 1000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (state.events.length >= n) resolve(state.events);
          else if (state.error) reject(state.error);
        };
        waiters.push(check);
        check();
        setTimeout(() => reject(new Error(`got ${state.events.length} of ${n} events within ${timeoutMs} ms`)), timeoutMs);
      }),
    close: () => client.dispose() as Promise<void>,
  };
}
