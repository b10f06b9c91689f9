import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL error as the pages show it: the server's message and its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult>;
  subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    onData: (data: TResult) => void,
    onError?: (error: unknown) => void,
  ): () => void;
  close(): void;
}

/**
 * GraphQL over HTTP and graphql-ws, same origin. A cookie session (staff or portal) travels by
 * itself; a Bearer key, when given, rides in the Authorization header and connectionParams.
 * Every request carries a JSON content type, which Apollo's CSRF prevention requires.
 */
export function createApiClient(opts: { key?: () => string | null; url?: string } = {}): ApiClient {
  const url = opts.url ?? '/graphql';
  let ws: WsClient | null = null;
  const authorization = () => {
    const key = opts.key?.();
    return key ? `Bearer ${key}` : undefined;
  };

  function socket(): WsClient {
    ws ??= openSocket(url, authorization);
    return ws;
  }

  function subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    onData: (data: TResult) => void,
    onError?: (error: unknown) => void,
  ): () => void {
    return socket().subscribe<TResult>(
      { query: document.toString(), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.data) onData(result.data);
          else if (result.errors?.length)
            onError?.(new ApiError(result.errors[0].message, String(result.errors[0].extensions?.code ?? 'ERROR'), 200));
        },
        error: (err) => onError?.(err),
        complete: () => undefined,
      },
    );
  }

  return {
    request: (document, variables) => postGraphql(url, authorization(), document, variables),
    subscribe,
    close() {
      void ws?.dispose();
      ws = null;
    },
  };
}

/** One GraphQL operation over HTTP; its first error, or a body that is not GraphQL, is thrown as an ApiError. */
async function postGraphql<TResult, TVariables>(
  url: string,
  auth: string | undefined,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(auth ? { authorization: auth } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  let body: { data?: TResult; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL body`, 'NETWORK', response.status);
  }
  const first = body.errors?.[0];
  if (first)
    throw new ApiError(first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), response.status, first.extensions);
  if (!body.data) throw new ApiError('Empty answer from the server', 'NETWORK', response.status);
  return body.data;
}

/** The graphql-ws client (lazy, retrying for ever) at the same path as `url`, ws: or wss: as the page. */
function openSocket(url: string, authorization: () => string | undefined): WsClient {
  const wsUrl = new URL(url, window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWsClient({
    url: wsUrl.toString(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => {
      const auth = authorization();
      return auth ? { authorization: auth } : {};
    },
  });
}

/** A plain-language sentence for an error, whatever threw it. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
