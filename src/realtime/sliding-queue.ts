/**
 * One reader's queue of pushed values, read as an async iterator. Pushing never waits: when
 * the reader is `capacity` values behind, the oldest is dropped (the semantics of Repeater's
 * `SlidingBuffer`, without a Repeater's promises per push: a push to a waiting reader settles
 * one promise, a push to a busy reader settles none).
 */
export class SlidingQueue<T> implements AsyncIterableIterator<T> {
  private values: T[] = [];
  private head = 0;
  private waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void } | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;

  /** `onEnd` runs once, when the reader returns or the queue is ended or failed. */
  constructor(
    private readonly capacity: number,
    private readonly onEnd: () => void = () => {},
  ) {}

  /**
   * True while the reader waits in `next()` with nothing queued: it has taken (and, for
   * graphql-ws, sent) everything pushed so far, so a value handed to it another way now
   * cannot overtake one in the queue.
   */
  get idle(): boolean {
    return this.waiting !== undefined;
  }

  /** Hands `value` to the waiting reader, or queues it, dropping the oldest when full. */
  push(value: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ value, done: false });
      return;
    }
    this.values.push(value);
    if (this.values.length - this.head > this.capacity) this.values[this.head++] = undefined as T;
    // Compact now and then, rather than shifting up to `capacity` values on every drop.
    if (this.head > 1024 && this.head * 2 > this.values.length) {
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
  }

  /** The reader gets what is queued, then `done`. */
  end(): void {
    this.finish(undefined);
  }

  /** The reader gets what is queued, then `error` from `next()`. */
  fail(error: unknown): void {
    this.finish({ error });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.values.length) {
      const value = this.values[this.head];
      this.values[this.head++] = undefined as T;
      if (this.head === this.values.length) {
        this.values.length = 0;
        this.head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** The reader is done: what is queued is dropped, and `onEnd` runs. */
  return(): Promise<IteratorResult<T>> {
    this.values.length = 0;
    this.head = 0;
    this.finish(undefined);
    this.failure = undefined;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(failure: { error: unknown } | undefined): void {
    if (this.ended) return;
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    // A waiting reader has nothing queued: it gets the end (or the error) at once.
    if (waiting && failure) waiting.reject(failure.error);
    else if (waiting) waiting.resolve({ value: undefined, done: true });
    else this.failure = failure;
    this.onEnd();
  }
}
