/**
 * Loads one value per key, gathering the keys asked for in the same turn of the event loop
 * into one call of `loadMany` (DataLoader's batching, without its cache). graphql-js resolves
 * the items of a list one after another in a single synchronous pass, so the field of every
 * node on a page lands in one batch: one statement per page instead of one per node.
 *
 * Nothing is cached beyond the batch in flight, so a loader may live as long as its context
 * does (a subscription's, for hours) without serving stale rows.
 */
export type BatchLoader<K, V> = (key: K) => Promise<V>;

/** At most this many keys go into one call: a bound on the statement's `IN (…)` list. */
export const MAX_BATCH_KEYS = 500;

/**
 * Creates a {@link BatchLoader}. `loadMany` receives distinct keys and returns a value for
 * each key it found; a key it left out gets `missing(key)`.
 */
export function createBatchLoader<K, V>(
  loadMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>,
  missing: (key: K) => V,
): BatchLoader<K, V> {
  let pending: Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>> | null = null;

  const dispatch = (batch: NonNullable<typeof pending>) => {
    const keys = [...batch.keys()];
    for (let start = 0; start < keys.length; start += MAX_BATCH_KEYS) {
      const chunk = keys.slice(start, start + MAX_BATCH_KEYS);
      loadMany(chunk).then(
        (values) => {
          for (const key of chunk) for (const waiter of batch.get(key)!) waiter.resolve(values.has(key) ? values.get(key)! : missing(key));
        },
        (error: unknown) => {
          for (const key of chunk) for (const waiter of batch.get(key)!) waiter.reject(error);
        },
      );
    }
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (!pending) {
        const batch = new Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>>();
        pending = batch;
        // After the promise jobs already queued (the rest of this pass over a list), as DataLoader does.
        void Promise.resolve().then(() =>
          process.nextTick(() => {
            pending = null;
            dispatch(batch);
          }),
        );
      }
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
    });
}
