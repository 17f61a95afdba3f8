import { describe, expect, it } from 'vitest';
import { createBatchLoader, MAX_BATCH_KEYS } from '../../src/graphql/batch-loader';

describe('batch loader', () => {
  it('loads the keys asked for in one turn in one call, each distinct key once', async () => {
    const calls: string[][] = [];
    const load = createBatchLoader(
      async (keys: readonly string[]) => {
        calls.push([...keys]);
        return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.toUpperCase()]));
      },
      () => 'missing',
    );
    expect(await Promise.all(['a', 'b', 'a', 'gone'].map(load))).toEqual(['A', 'B', 'A', 'missing']);
    expect(calls).toEqual([['a', 'b', 'gone']]);
    // A later turn is a new batch: nothing is cached.
    expect(await load('a')).toBe('A');
    expect(calls).toHaveLength(2);
  });

  it('splits a large batch and fails only the keys of the call that failed', async () => {
    const load = createBatchLoader(
      async (keys: readonly number[]) => {
        if (keys.includes(0)) throw new Error('first chunk failed');
        return new Map(keys.map((key) => [key, key * 2]));
      },
      () => -1,
    );
    const results = await Promise.allSettled(Array.from({ length: MAX_BATCH_KEYS + 1 }, (_, key) => load(key)));
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'first chunk failed' } });
    expect(results[MAX_BATCH_KEYS]).toEqual({ status: 'fulfilled', value: MAX_BATCH_KEYS * 2 });
  });
});
