/**
 * The WebSocket the SDK's subscriptions use: the platform's own where there is one (browsers,
 * Node ≥ 22, Deno, Bun), else the `ws` package, imported only then, so that nothing else ever
 * loads it (and a browser bundle never needs it).
 */

/** What graphql-ws needs of a WebSocket class: a constructor and the ready-state constants. */
export interface WebSocketClass {
  new (url: string, protocols?: string | string[]): unknown;
  readonly CONNECTING: number;
  readonly OPEN: number;
  readonly CLOSING: number;
  readonly CLOSED: number;
}

let imported: Promise<WebSocketClass> | undefined;

/** The platform's WebSocket, if it has one. */
export function globalWebSocket(): WebSocketClass | undefined {
  return (globalThis as { WebSocket?: WebSocketClass }).WebSocket;
}

/** Loads `ws` once (Node 20 has no global WebSocket); the error says what to install. */
export function importWs(): Promise<WebSocketClass> {
  imported ??= import('ws').then(
    (module) => ((module as { default?: WebSocketClass }).default ?? (module as unknown as WebSocketClass)),
    (error: unknown) => {
      imported = undefined;
      throw new Error(`this platform has no global WebSocket and the 'ws' package could not be loaded (npm install ws): ${String(error)}`);
    },
  );
  return imported;
}

/**
 * A WebSocket class for graphql-ws that may be handed over before `ws` is loaded: graphql-ws
 * awaits the client's `url()` before it constructs a socket, so a `url()` that first awaits
 * `ready()` guarantees `ws` is there by then. The constants are the standard's, the same in
 * every implementation.
 */
export function lazyWebSocket(): { impl: WebSocketClass; ready: () => Promise<void> } {
  const native = globalWebSocket();
  if (native) return { impl: native, ready: async () => {} };
  let loaded: WebSocketClass | undefined;
  class DeferredWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    constructor(url: string, protocols?: string | string[]) {
      if (!loaded) throw new Error('the WebSocket implementation is not loaded yet');
      // A constructor may return another object: graphql-ws then holds the real socket.
      return new loaded(url, protocols) as DeferredWebSocket;
    }
  }
  return {
    impl: DeferredWebSocket,
    ready: async () => {
      loaded ??= await importWs();
    },
  };
}
