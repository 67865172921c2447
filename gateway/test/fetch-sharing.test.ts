import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDistinctRepresentations } from '../src/dedupe-entities.js';
import { InflightReads, WriteEpoch } from '../src/inflight.js';

test('each distinct representation is sent once; answers and errors fan back out', async () => {
  const ana = { __typename: 'User', id: 'a' };
  const bo = { __typename: 'User', id: 'b' };
  let sent: unknown;
  const answer = await withDistinctRepresentations(
    { representations: [ana, bo, ana, ana] },
    async (variables) => {
      sent = variables?.representations;
      return {
        data: { _entities: [{ name: 'Ana' }, null] },
        errors: [{ message: 'gone', path: ['_entities', 1, 'name'] }, { message: 'general' }],
      };
    },
  );
  assert.deepEqual(sent, [ana, bo]);
  assert.deepEqual(answer.data?._entities, [
    { name: 'Ana' },
    null,
    { name: 'Ana' },
    { name: 'Ana' },
  ]);
  assert.deepEqual(
    answer.errors?.map((e) => e.path),
    [['_entities', 1, 'name'], undefined],
  );

  const twice = await withDistinctRepresentations({ representations: [ana, ana] }, async () => ({
    errors: [{ message: 'down', path: ['_entities', 0] }],
  }));
  assert.deepEqual(
    twice.errors?.map((e) => e.path),
    [
      ['_entities', 0],
      ['_entities', 1],
    ],
    'an error of a shared entity is reported at every occurrence',
  );
});

test('identical reads in flight share one fetch, each caller with its own copy', async () => {
  let fetches = 0;
  const writes = new WriteEpoch();
  const reads = new InflightReads<{ data: { n: number[] } }>((a) => structuredClone(a), writes);
  // Each fetch stays in flight until the test lets it finish: every read of a round is
  // started while the others are still running, whatever the machine's speed.
  let release = () => {};
  let held = Promise.resolve();
  const hold = () => (held = new Promise<void>((resolve) => (release = resolve)));
  const fetch = async () => {
    fetches++;
    await held;
    return { data: { n: [1] } };
  };
  hold();
  const round = Promise.all([
    reads.run('k', fetch),
    reads.run('k', fetch),
    reads.run('other', fetch),
  ]);
  release();
  const [a, b, c] = await round;
  assert.equal(fetches, 2);
  assert.deepEqual(a, b);
  assert.notEqual(a, b, 'copies, so merging into one answer cannot change another');
  assert.deepEqual(c, { data: { n: [1] } });
  hold();
  const unkeyed = Promise.all([reads.run(undefined, fetch), reads.run(undefined, fetch)]);
  release();
  await unkeyed;
  assert.equal(fetches, 4, 'no key (a mutation): never shared');
  await reads.run('k', fetch);
  assert.equal(fetches, 5, 'finished reads are not cached');
  // A read that starts after a write completed never joins one that started before it.
  hold();
  const before = reads.run('k', fetch);
  writes.advance();
  const after = reads.run('k', fetch);
  const alongside = reads.run('k', fetch);
  release();
  await Promise.all([before, after, alongside]);
  assert.equal(fetches, 7, 'one read from before the write, one shared by the two after it');
});
