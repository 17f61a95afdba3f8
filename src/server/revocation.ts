import type { HookwirePubSub } from '../realtime/pubsub';

/** What a WebSocket connection authenticated with a revoked key is closed with. */
export const KEY_REVOKED_CLOSE = { code: 4403, reason: 'API key revoked' } as const;

// Revoked ids are remembered so that a connection whose key check raced the revocation is
// still refused; a revoked key stays revoked, so forgetting the oldest only matters for one
// whose check is older than this many later revocations.
const REMEMBERED_REVOCATIONS = 10_000;

/** The part of a `ws` socket the watch needs. */
export interface RevocableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** Tracks which key each open WebSocket connection was authenticated with. */
export interface RevocationWatch {
  /**
   * Registers `socket` as opened with key `keyId`, to be closed when that key is revoked.
   * False, and nothing registered, when the key was revoked already (the key check raced the
   * revocation): refuse the connection.
   */
  admit(keyId: string, socket: RevocableSocket): boolean;
  /** Stops listening for revocations. */
  dispose(): Promise<void>;
}

/**
 * Listens for KEY_REVOKED on the live pub/sub (in-process, or Redis across every api
 * process): for each revoked key it calls `forget` (so caches drop the key) and closes every
 * connection opened with it with {@link KEY_REVOKED_CLOSE}, which ends its subscriptions.
 */
export function watchRevocations(pubSub: HookwirePubSub, forget: (keyId: string) => void): RevocationWatch {
  const sockets = new Map<string, Set<RevocableSocket>>();
  const revoked = new Set<string>();
  const revoke = (keyId: string) => {
    forget(keyId);
    revoked.delete(keyId);
    revoked.add(keyId);
    if (revoked.size > REMEMBERED_REVOCATIONS) revoked.delete(revoked.values().next().value as string);
    const open = sockets.get(keyId);
    sockets.delete(keyId);
    for (const socket of open ?? []) socket.close(KEY_REVOKED_CLOSE.code, KEY_REVOKED_CLOSE.reason);
  };
  const messages = pubSub.subscribe('KEY_REVOKED');
  // Started now rather than on the first connection: the subscription must be live before any.
  const reading = (async () => {
    for (;;) {
      const next = await messages.next();
      if (next.done) return;
      revoke(next.value.keyId);
    }
  })();
  return {
    admit(keyId, socket) {
      if (revoked.has(keyId)) return false;
      let open = sockets.get(keyId);
      if (!open) sockets.set(keyId, (open = new Set()));
      open.add(socket);
      socket.once('close', () => {
        const current = sockets.get(keyId);
        current?.delete(socket);
        if (current?.size === 0) sockets.delete(keyId);
      });
      return true;
    },
    async dispose() {
      await messages.return?.();
      await reading;
    },
  };
}
