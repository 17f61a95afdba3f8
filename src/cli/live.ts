/**
 * Reads a subscription until it ends or the user stops the command (Ctrl-C, SIGTERM): the
 * signal returns the iterator, which unsubscribes at once, so the command exits 0 having
 * closed its socket rather than being killed mid-frame.
 */
export async function untilStopped<T>(subscription: AsyncIterable<T>, each: (item: T) => Promise<void> | void): Promise<void> {
  const iterator = subscription[Symbol.asyncIterator]();
  const stop = () => void iterator.return?.();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      await each(next.value);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
