import { describe, expect, it } from 'vitest';
import { SlidingQueue } from '../../src/realtime/sliding-queue';

async function drain<T>(queue: SlidingQueue<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) values.push((await queue.next()).value as T);
  return values;
}

describe('SlidingQueue', () => {
  it('hands values to a waiting reader, and queues them in order for a busy one', async () => {
    const queue = new SlidingQueue<number>(10);
    const waiting = queue.next();
    expect(queue.idle).toBe(true);
    queue.push(1);
    expect(queue.idle).toBe(false);
    expect(await waiting).toEqual({ value: 1, done: false });
    queue.push(2);
    queue.push(3);
    expect(await drain(queue, 2)).toEqual([2, 3]);
  });

  it('keeps a slow reader’s newest values, dropping the oldest', async () => {
    const queue = new SlidingQueue<number>(3);
    for (let n = 1; n <= 2_000; n++) queue.push(n);
    expect(await drain(queue, 3)).toEqual([1_998, 1_999, 2_000]);
    queue.push(2_001);
    expect(await queue.next()).toEqual({ value: 2_001, done: false });
  });

  it('ends after what is queued, and fails after what is queued', async () => {
    const ended = new SlidingQueue<number>(10);
    ended.push(1);
    ended.end();
    ended.push(2); // after the end: ignored
    expect(await ended.next()).toEqual({ value: 1, done: false });
    expect(await ended.next()).toEqual({ value: undefined, done: true });

    const failed = new SlidingQueue<number>(10);
    failed.push(1);
    failed.fail(new Error('source broke'));
    expect(await failed.next()).toEqual({ value: 1, done: false });
    await expect(failed.next()).rejects.toThrow('source broke');
    expect(await failed.next()).toEqual({ value: undefined, done: true });
  });

  it('settles a waiting reader when it ends or fails', async () => {
    const ended = new SlidingQueue<number>(10);
    const waiting = ended.next();
    ended.end();
    expect(await waiting).toEqual({ value: undefined, done: true });

    const failed = new SlidingQueue<number>(10);
    const failing = failed.next();
    failed.fail(new Error('source broke'));
    await expect(failing).rejects.toThrow('source broke');
  });

  it('runs onEnd once when the reader returns, dropping what is queued', async () => {
    let ends = 0;
    const queue = new SlidingQueue<number>(10, () => ends++);
    queue.push(1);
    const waitingAfterReturn = (async () => {
      await queue.return();
      return queue.next();
    })();
    expect(await waitingAfterReturn).toEqual({ value: undefined, done: true });
    queue.end();
    await queue.return();
    expect(ends).toBe(1);
  });
});
