/** How a {@link GroupCommit} groups its writes. */
export interface GroupCommitOptions {
  /** The most items one write takes. */
  maxBatch: number;
  /**
   * How long the first item of a group waits for others before the write starts. Without it,
   * the write starts on the next turn of the event loop.
   */
  lingerMs?: number;
}

type Waiter<O> = { resolve: (value: O) => void; reject: (error: unknown) => void };

/**
 * Group commit: items submitted while a batch is being written wait and go together in the
 * next one, so under load many writes share one transaction (one fsync), and when idle a
 * single write goes after at most a short linger.
 */
export class GroupCommit<I, O> {
  // Parallel arrays: an item added without a waiter costs no object of its own.
  private items: I[] = [];
  private waiters: Array<Waiter<O> | undefined> = [];
  private scheduled: { cancel(): void } | undefined;
  private draining: Promise<void> | undefined;

  /**
   * @param write writes a batch and returns one result per item, in order. If it throws,
   *   every item of the batch submitted with {@link submit} is rejected with that error.
   */
  constructor(
    private readonly write: (items: I[]) => Promise<O[] | void>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Items waiting for a write (not those of the batch being written). */
  get waiting(): number {
    return this.items.length;
  }

  /** Queues an item; resolves with its result once its batch is written. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => this.enqueue(item, { resolve, reject }));
  }

  /**
   * Queues an item whose write reports its own failures (nothing to resolve). `urgent`
   * starts the write at once instead of after the linger: someone waits on this one.
   */
  add(item: I, urgent = false): void {
    this.enqueue(item, undefined, urgent);
  }

  /** Writes what waits now (cutting a linger short); resolves once everything added so far is written. */
  async flush(): Promise<void> {
    if (this.scheduled) this.startNow();
    while (this.draining) await this.draining;
  }

  private enqueue(item: I, waiter: Waiter<O> | undefined, urgent = false): void {
    this.items.push(item);
    this.waiters.push(waiter);
    if (this.draining) return;
    if (this.scheduled) {
      if (urgent) this.startNow();
      return;
    }
    if (urgent) return this.startNow();
    const { lingerMs } = this.options;
    if (lingerMs === undefined) {
      // The next turn of the event loop: the requests that arrived together share the first
      // write too (a synchronous driver never lets them in while one is running).
      const immediate = setImmediate(() => this.startNow());
      this.scheduled = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(() => this.startNow(), lingerMs);
      this.scheduled = { cancel: () => clearTimeout(timer) };
    }
  }

  private startNow(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
    // Never empty here, so drain awaits before its `finally` clears `draining` again.
    if (this.items.length > 0) this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.items.length > 0) {
        const batch = this.items.splice(0, this.options.maxBatch);
        const waiters = this.waiters.splice(0, batch.length);
        try {
          const results = await this.write(batch);
          waiters.forEach((waiter, index) => waiter?.resolve((results as O[])[index]));
        } catch (error) {
          for (const waiter of waiters) waiter?.reject(error);
        }
      }
    } finally {
      // In the same turn as the last look at `items`: nothing added meanwhile can be left behind.
      this.draining = undefined;
    }
  }
}
