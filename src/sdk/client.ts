import { createClient, type Client as WsClient } from 'graphql-ws/client';
import { getSdk, type Requester } from './generated.js';
import { lazyWebSocket, type WebSocketClass } from './websocket.js';

/** One GraphQL error as the server sent it. */
export interface HookwireGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** Codes that mean nothing was done and the same request may be sent again later. */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(['SERVICE_UNAVAILABLE']);

/**
 * A failed operation: the server's errors, with their `extensions.code`s at hand, and
 * whether sending it again later may succeed (`retryable`, after `retryAfter` seconds).
 */
export class HookwireRequestError extends Error {
  readonly codes: string[];
  /** The first error's code. */
  readonly code: string;
  /** True when the server could not take the request now (its database is unavailable): nothing was done, send it again. */
  readonly retryable: boolean;
  /** Seconds to wait before retrying, as the server asked (`Retry-After`), when retryable. */
  readonly retryAfter: number | undefined;

  constructor(
    readonly errors: HookwireGraphQLError[],
    readonly status: number,
    retryAfterHeader?: string,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; ') || `HTTP ${status}`);
    this.name = 'HookwireRequestError';
    this.codes = errors.map((error) => error.extensions?.code ?? 'UNKNOWN');
    this.code = this.codes[0] ?? 'UNKNOWN';
    this.retryable = status === 503 || this.codes.some((code) => RETRYABLE_CODES.has(code));
    // Over HTTP the header says it; over graphql-ws (no headers) the error's extensions do.
    const fromExtensions = errors.map((error) => error.extensions?.retryAfter).find((value) => typeof value === 'number');
    const seconds = retryAfterHeader !== undefined && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : fromExtensions;
    this.retryAfter = this.retryable ? (seconds as number | undefined) : undefined;
  }
}

/** Where and as whom the SDK connects. */
export interface HookwireClientOptions {
  /** The server's base URL, e.g. `http://localhost:4000`; GraphQL is at `/graphql`. */
  url: string;
  /** An API key; sent as `Authorization: Bearer <key>` and in the WebSocket's connectionParams. */
  apiKey?: string;
  /**
   * The `fetch` queries and mutations go through. Default: the global `fetch` (Node ≥ 18,
   * browsers); pass one bound to your own dispatcher to pool or proxy connections.
   */
  fetch?: typeof globalThis.fetch;
  /**
   * The WebSocket class subscriptions use. Default: the global `WebSocket` where there is one
   * (browsers, Node ≥ 22), else the `ws` package, loaded on the first subscription.
   */
  webSocketImpl?: WebSocketClass;
}

/** The typed SDK plus what it holds open. */
export type HookwireClient = ReturnType<typeof getSdk> & {
  /** The graphql-ws client subscriptions use (created on first subscription). */
  readonly ws: WsClient;
  close(): Promise<void>;
};

/**
 * Creates the typed SDK: every query, mutation and subscription in `operations/*.graphql`
 * as a method. Queries and mutations go over `fetch`; subscriptions over graphql-ws
 * and come back as async iterables. A response with errors throws HookwireRequestError.
 */
export function createHookwireClient(options: HookwireClientOptions): HookwireClient {
  const endpoint = new URL('/graphql', options.url).toString();
  const authorization = options.apiKey ? `Bearer ${options.apiKey}` : undefined;
  const fetcher = options.fetch ?? globalThis.fetch;
  let ws: WsClient | undefined;
  const connect = () => {
    const socket = options.webSocketImpl ? { impl: options.webSocketImpl, ready: async () => {} } : lazyWebSocket();
    return createClient({
      // graphql-ws awaits the URL before it opens a socket: the moment to load `ws` if needed.
      url: async () => (await socket.ready(), endpoint.replace(/^http/, 'ws')),
      webSocketImpl: socket.impl,
      connectionParams: authorization ? { authorization } : {},
      lazy: true,
      retryAttempts: 0,
    });
  };
  const wsClient = () => (ws ??= connect());

  const requester: Requester = <R, V>(document: string, variables?: V) => {
    if (/^\s*subscription\b/.test(document)) return subscribe<R>(wsClient(), document, variables);
    return post<R>(fetcher, endpoint, authorization, document, variables);
  };

  return Object.assign(getSdk(requester), {
    get ws() {
      return wsClient();
    },
    async close() {
      await ws?.dispose();
    },
  });
}

async function post<R>(fetcher: typeof globalThis.fetch, endpoint: string, authorization: string | undefined, query: string, variables: unknown): Promise<R> {
  const response = await fetcher(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const retryAfterHeader = response.headers.get('retry-after') ?? undefined;
  let result: { data?: R | null; errors?: HookwireGraphQLError[] };
  try {
    result = JSON.parse(text);
  } catch {
    throw new HookwireRequestError([{ message: text.slice(0, 200), extensions: { code: 'BAD_RESPONSE' } }], response.status, retryAfterHeader);
  }
  if (result.errors?.length) throw new HookwireRequestError(result.errors, response.status, retryAfterHeader);
  return result.data as R;
}

/**
 * Maps graphql-ws results to their data. Written by hand rather than as an async generator:
 * a generator queues `return()` behind a pending `next()`, so a quiet subscription could
 * never be closed; this one passes `return()` straight to graphql-ws, which ends it at once.
 */
function subscribe<R>(client: WsClient, query: string, variables: unknown): AsyncIterableIterator<R> {
  const results = client.iterate({ query, variables: variables as Record<string, unknown> | undefined });
  const iterator: AsyncIterableIterator<R> = {
    async next() {
      let next: IteratorResult<{ data?: unknown; errors?: ReadonlyArray<unknown> }>;
      try {
        next = await results.next();
      } catch (error) {
        // graphql-ws rejects with the server's error list when it refuses an operation outright.
        if (Array.isArray(error)) throw new HookwireRequestError(error as HookwireGraphQLError[], 200);
        throw error;
      }
      if (next.done) return { done: true, value: undefined };
      if (next.value.errors?.length) {
        await results.return?.();
        throw new HookwireRequestError(next.value.errors as HookwireGraphQLError[], 200);
      }
      return { done: false, value: next.value.data as R };
    },
    async return() {
      await results.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
