/**
 * Tells workers in other processes that deliveries were queued: PostgreSQL `NOTIFY` on a
 * channel named after the schema, `LISTEN`ed to by every worker. It only shortens the wait:
 * a missed signal costs at most one poll interval, never a delivery.
 */
export interface QueueSignal {
  /** Signals that deliveries were queued (coalesced: one NOTIFY per turn of the event loop). */
  notify(): void;
  /** Calls `onWake` on every signal until closed; reconnects with backoff when the connection drops. */
  listen(onWake: () => void): void;
  /** False while the listening connection is down (reported on /readyz). */
  healthy(): boolean;
  close(): Promise<void>;
}

/** A signal that goes nowhere: SQLite runs one process, whose worker is woken directly. */
export const localQueueSignal: QueueSignal = {
  notify: () => {},
  listen: () => {},
  healthy: () => true,
  close: async () => {},
};

