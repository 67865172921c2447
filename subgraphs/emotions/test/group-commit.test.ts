import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroupCommit } from '../src/group-commit.js';

/** A write the test finishes by hand, so what is in flight is known whatever the machine. */
function heldWrites() {
  const writes: Array<{ items: number[]; finish: (error?: Error) => void }> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) =>
      writes.push({
        items,
        finish: (error) => (error ? reject(error) : resolve(items.map((n) => `stored ${n}`))),
      }),
    );
  return { writes, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  test('the first write goes alone; what comes meanwhile goes together, each answered its own', async () => {
    const { writes, write } = heldWrites();
    const commits = new GroupCommit(write, 5);
    const first = commits.submit([1]);
    const waiting = [commits.submit([2, 3]), commits.submit([4]), commits.submit([5, 6, 7])];
    await settled();
    assert.deepEqual(
      writes.map((w) => w.items),
      [[1]],
      'one write in flight',
    );
    writes[0]!.finish();
    assert.deepEqual(await first, ['stored 1']);
    await settled();
    // At most 5 items a write: [2, 3] and [4] fit, [5, 6, 7] waits for the next.
    assert.deepEqual(
      writes.map((w) => w.items),
      [[1], [2, 3, 4]],
    );
    writes[1]!.finish();
    await settled();
    writes[2]!.finish();
    assert.deepEqual(await Promise.all(waiting), [
      ['stored 2', 'stored 3'],
      ['stored 4'],
      ['stored 5', 'stored 6', 'stored 7'],
    ]);
    assert.deepEqual(commits.counts, { writes: 3, submissions: 5 - 1 });
  });

  test('a failed write fails every submission in it, and the next write goes on', async () => {
    const { writes, write } = heldWrites();
    const commits = new GroupCommit(write);
    const first = commits.submit([1]);
    const together = [commits.submit([2]), commits.submit([3])];
    await settled();
    writes[0]!.finish();
    await first;
    await settled();
    writes[1]!.finish(new Error('busy'));
    const outcomes = await Promise.allSettled(together);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['rejected', 'rejected'],
    );
    const after = commits.submit([4]);
    await settled();
    writes[2]!.finish();
    assert.deepEqual(await after, ['stored 4']);
  });

  test('nothing to write is answered at once', async () => {
    const commits = new GroupCommit<number, string>(() => Promise.reject(new Error('no write')));
    assert.deepEqual(await commits.submit([]), []);
    assert.deepEqual(commits.counts, { writes: 0, submissions: 0 });
  });
});
