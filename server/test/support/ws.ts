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
export function subscribe<T = any>(
  httpUrl: string,
  key: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Received<T> {
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

export interface WsResult<T> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface WsConnection {
  /** Runs one query or mutation over the socket: its result, or the errors of an Error message. */
  run<T = any>(query: string, variables?: Record<string, unknown>): Promise<WsResult<T>>;
  /** Starts a subscription: resolves with its first result (or its refusal); `stop` completes it. */
  start<T = any>(query: string, variables?: Record<string, unknown>): Promise<WsResult<T> & { stop: () => void }>;
  /** Resolves when the server acknowledged the connection. */
  connected: Promise<void>;
  /** Resolves with the close code and reason once the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** One graphql-ws connection, as a client would open it, with the given connectionParams. */
export function connect(httpUrl: string, connectionParams: Record<string, unknown>): WsConnection {
  let onConnected: () => void = () => undefined;
  let onClosed: (e: { code: number; reason: string }) => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (e) => {
        const { code, reason } = e as { code: number; reason: string };
        onClosed({ code, reason });
      },
    },
  });
  const start = <T>(query: string, variables: Record<string, unknown> = {}, untilComplete = false) =>
    new Promise<WsResult<T> & { stop: () => void }>((resolve, reject) => {
      let last: WsResult<T> = {};
      const stop = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            last = value as WsResult<T>;
            if (!untilComplete) resolve({ ...last, stop });
          },
          error: (err) => (Array.isArray(err) ? resolve({ errors: err, stop }) : reject(err)),
          complete: () => resolve({ ...last, stop }),
        },
      );
    });
  return {
    run: (query, variables) => start(query, variables, true),
    start: (query, variables) => start(query, variables),
    connected,
    closed,
    close: () => client.dispose() as Promise<void>,
  };
}
