import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/util/group-commit';

/** A group commit that records its batches; `fail` makes the next write throw. */
function committer(lingerMs?: number) {
  const batches: number[][] = [];
  let fail = false;
  const commit = new GroupCommit<number, number>(
    async (items) => {
      batches.push(items);
      if (fail) {
        fail = false;
        throw new Error('write failed');
      }
      return items.map((item) => item * 10);
    },
    { maxBatch: 3, lingerMs },
  );
  return { commit, batches, failNext: () => (fail = true) };
}

describe('GroupCommit', () => {
  it('writes what arrives together in one batch of at most maxBatch, and resolves each with its result', async () => {
    const { commit, batches } = committer();
    const results = await Promise.all([1, 2, 3, 4].map((item) => commit.submit(item)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects the items of a batch whose write failed, and goes on with the next', async () => {
    const { commit, failNext } = committer();
    failNext();
    await expect(commit.submit(1)).rejects.toThrow('write failed');
    await expect(commit.submit(2)).resolves.toBe(20);
  });

  it('lingers before a write unless an item is urgent; flush cuts the linger short', async () => {
    const { commit, batches } = committer(60_000);
    commit.add(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([]);
    expect(commit.waiting).toBe(1);
    commit.add(2, true);
    await commit.flush();
    expect(batches).toEqual([[1, 2]]);
    commit.add(3);
    await commit.flush();
    expect(batches).toEqual([[1, 2], [3]]);
    expect(commit.waiting).toBe(0);
  });

  it('writes an item added during a write in the next batch, without a linger', async () => {
    const { commit, batches } = committer(60_000);
    commit.add(1, true);
    commit.add(2);
    await commit.flush();
    expect(batches).toEqual([[1], [2]]);
  });
});
