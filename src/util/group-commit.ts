/**
 * Group commit: items submitted while a batch is being written wait and go together in the
 * next one, so under load many writes share one transaction (one fsync), and when idle a
 * single write goes at once, with no timer adding latency.
 */
export class GroupCommit<I, O> {
  private pending: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  /**
   * @param write writes a batch and returns one result per item, in order. If it throws,
   *   every item of the batch is rejected with that error.
   * @param maxBatch the most items one write takes.
   */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly maxBatch: number,
  ) {}

  /** Queues an item; resolves with its result once its batch is written. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Start on the next turn of the event loop, so the requests that arrived together share
      // the first write too (a synchronous driver never lets them in while one is running).
      setImmediate(() => void this.drain());
    });
  }

  /** Resolves once everything submitted so far has been written (or failed). */
  async flushed(): Promise<void> {
    while (this.writing || this.pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          const results = await this.write(batch.map((entry) => entry.item));
          batch.forEach((entry, index) => entry.resolve(results[index]));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
