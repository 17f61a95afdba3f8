import { eventually } from './wait';

/** A subscription being read in the background into `values`. */
export interface LiveFeed<T> {
  values: T[];
  /** Resolves once `count` values have arrived that pass `where`. */
  waitFor(count: number, where?: (value: T) => boolean, timeoutMs?: number): Promise<T[]>;
  /**
   * Subscriptions carry no acknowledgement: calls `probe` (which should make the server
   * publish something this feed selects) until a value arrives, so later assertions know
   * the subscription is live. Probe values stay in `values`; filter them out by `where`.
   */
  prime(probe: () => Promise<unknown>, isProbe: (value: T) => boolean): Promise<void>;
  close(): Promise<void>;
  /** The error the subscription ended with, if any. */
  error: unknown;
}

/** Starts reading an SDK subscription. */
export function liveFeed<T>(iterable: AsyncIterable<T>): LiveFeed<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  const feed: LiveFeed<T> = {
    values: [],
    error: undefined,
    async waitFor(count, where = () => true, timeoutMs = 10_000) {
      return eventually(() => {
        if (feed.error) throw feed.error;
        const matching = feed.values.filter(where);
        return matching.length >= count ? matching : undefined;
      }, timeoutMs, 10);
    },
    async prime(probe, isProbe) {
      await eventually(async () => {
        if (feed.error) throw feed.error;
        if (feed.values.some(isProbe)) return true;
        await probe();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return feed.values.some(isProbe);
      }, 10_000, 0);
    },
    async close() {
      await iterator.return?.();
    },
  };
  void (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        feed.values.push(next.value);
      }
    } catch (error) {
      feed.error = error;
    }
  })();
  return feed;
}
