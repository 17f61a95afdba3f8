import type { HookwirePubSub } from '../realtime/pubsub';

/** What a WebSocket connection authenticated with a revoked key is closed with. */
export const KEY_REVOKED_CLOSE = { code: 4403, reason: 'API key revoked' } as const;

// Revoked ids are remembered so that a connection whose key check raced the revocation is
// still refused; a revoked key stays revoked, so forgetting the oldest only matters for one
// whose check is older than this many later revocations.
const REMEMBERED_REVOCATIONS = 10_000;

/**
 * How often the keys with open connections are looked up, should a KEY_REVOKED message have
 * been lost (the live feed drops what is published while Redis is down, and a reconnection is
 * not always seen, e.g. when only the other process lost Redis).
 */
export const REVOCATION_SWEEP_MS = 30_000;

/** Where the watch learns of revocations besides KEY_REVOKED. */
export interface RevocationSources {
  /** Which of these key ids are revoked now (from the database). */
  revokedAmong(keyIds: readonly string[]): Promise<string[]>;
  /** Calls the listener whenever the live feed is back after an outage; returns the unsubscribe. */
  onReconnect(listener: () => void): () => void;
  /** A lookup that failed (the database is down): the next sweep tries again. */
  onSweepFailed(error: unknown): void;
}

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
  /** Handles the revocation of `keyId` now, as if its KEY_REVOKED had arrived (a revocation made in this process). */
  revoke(keyId: string): void;
  /** Looks up every key with open connections and handles those revoked. */
  sweep(): Promise<void>;
  /** Stops listening for revocations. */
  dispose(): Promise<void>;
}

/**
 * Listens for KEY_REVOKED on the live pub/sub (in-process, or Redis across every api
 * process): for each revoked key it calls `forget` (so caches drop the key) and closes every
 * connection opened with it with {@link KEY_REVOKED_CLOSE}, which ends its subscriptions.
 * Since the feed loses messages while Redis is down, it also looks the keys it holds
 * connections for up in `sources` when the feed reconnects and every {@link REVOCATION_SWEEP_MS}.
 */
export function watchRevocations(pubSub: HookwirePubSub, forget: (keyId: string) => void, sources: RevocationSources): RevocationWatch {
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
  const sweep = async () => {
    // Only keys stored in the database can be revoked: the env admin key ('env') cannot.
    const held = [...sockets.keys()].filter((keyId) => keyId !== 'env');
    try {
      for (const keyId of await sources.revokedAmong(held)) revoke(keyId);
    } catch (error) {
      sources.onSweepFailed(error);
    }
  };
  const stopReconnect = sources.onReconnect(() => void sweep());
  const timer = setInterval(() => void sweep(), REVOCATION_SWEEP_MS);
  timer.unref();
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
    revoke,
    sweep,
    async dispose() {
      clearInterval(timer);
      stopReconnect();
      await messages.return?.();
      await reading;
    },
  };
}
