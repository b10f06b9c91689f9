import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsConnection {
  /** One query or mutation over the socket: its result (errors included), or the socket's error. */
  run<T = any>(query: string, variables?: Record<string, unknown>): Promise<FormattedExecutionResult<T, unknown>>;
  /** A subscription whose results land in `events` (errors in `errors`). */
  subscribe(query: string, variables?: Record<string, unknown>): { events: unknown[]; errors: unknown[] };
  /** The close code once the server closed the socket; rejects if it stays open past `timeoutMs`. */
  closed(timeoutMs: number): Promise<number>;
  dispose(): Promise<void>;
}

/**
 * A graphql-ws connection as a browser page (`cookie`, sent on the upgrade request) or an app
 * (`key`, in connectionParams) opens it. Resolves once the server acknowledged the connection;
 * rejects with the close code when it refused it.
 */
export async function connectWs(httpUrl: string, auth: { key?: string; cookie?: string }): Promise<WsConnection> {
  const headers = auth.cookie ? { cookie: auth.cookie } : {};
  class BrowserSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  let closeCode: number | null = null;
  const onClose: Array<() => void> = [];
  let acked: (ok: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => (acked = resolve));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: BrowserSocket,
    connectionParams: auth.key ? { authorization: `Bearer ${auth.key}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => acked(true),
      closed: (event) => {
        closeCode ??= (event as { code: number }).code;
        acked(false);
        onClose.splice(0).forEach((f) => f());
      },
    },
  });
  if (!(await ready)) throw Object.assign(new Error(`connection refused (${closeCode})`), { code: closeCode });
  return {
    run: <T>(query: string, variables: Record<string, unknown> = {}) =>
      new Promise<FormattedExecutionResult<T, unknown>>((resolve, reject) => {
        let result: FormattedExecutionResult<T, unknown> | null = null;
        client.subscribe<T>(
          { query, variables },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result ?? {}) },
        );
      }),
    subscribe: (query, variables = {}) => {
      const received = { events: [] as unknown[], errors: [] as unknown[] };
      client.subscribe(
        { query, variables },
        {
          next: (v) => (v.errors ? received.errors.push(v.errors) : received.events.push(v.data)),
          error: (e) => received.errors.push(e),
          complete: () => undefined,
        },
      );
      return received;
    },
    closed: (timeoutMs) =>
      new Promise<number>((resolve, reject) => {
        if (closeCode !== null) return resolve(closeCode);
        const timer = setTimeout(() => reject(new Error(`the socket was still open after ${timeoutMs} ms`)), timeoutMs);
        onClose.push(() => {
          clearTimeout(timer);
          resolve(closeCode!);
        });
      }),
    dispose: () => client.dispose() as Promise<void>,
  };
}
