/**
 * Runs jobs one per turn of the event loop, in the order they were queued: each from its own
 * `setImmediate`, scheduled only once the one before it has run, so the loop polls I/O (a
 * `/healthz`, another request's socket) between any two. Immediates queued together would all
 * run in one check phase, which is why they are chained rather than queued at once.
 */
export interface TurnQueue {
  /** Resolves with what `job` returns (or rejects with what it throws), run in a turn of its own. */
  run<T>(job: () => T): Promise<T>;
}

/** Creates a {@link TurnQueue}. */
export function createTurnQueue(): TurnQueue {
  const jobs: Array<() => void> = [];
  let scheduled = false;
  const runOne = () => {
    jobs.shift()!();
    scheduled = jobs.length > 0;
    if (scheduled) setImmediate(runOne);
  };
  return {
    run: <T>(job: () => T) =>
      new Promise<T>((resolve, reject) => {
        jobs.push(() => {
          try {
            resolve(job());
          } catch (error) {
            reject(error);
          }
        });
        if (!scheduled) {
          scheduled = true;
          setImmediate(runOne);
        }
      }),
  };
}
