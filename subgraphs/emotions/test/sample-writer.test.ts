/**
 * Group commit of samples (ingest/sample-writer.ts): requests that arrive while a write is in
 * flight go together in the next one, and each still learns which of its own samples were
 * already stored.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SampleWriter } from '../src/ingest/sample-writer.js';
import type { SampleDoc } from '../src/models/index.js';
import { useEmotionsDatabase } from './database.js';

const minuteAgo = Date.now() - 60_000;
/** `count` samples of one person's strap, a second apart from `first` seconds in. */
const samples = (userId: string, first: number, count: number): SampleDoc[] =>
  Array.from({ length: count }, (_, i) => ({
    userId,
    deviceId: 'strap',
    t: new Date(minuteAgo + (first + i) * 1000),
    heartRate: 60 + i,
    receivedAt: new Date(),
  }));

describe('samples of concurrent requests are written together', () => {
  const database = useEmotionsDatabase('sample_writer');

  test('fewer writes than requests; each request hears of its own duplicates only', async () => {
    const { models } = database;
    const writer = new SampleWriter(models.samples.collection);
    await writer.insert(samples('ana', 0, 3)); // stored before: a retry will repeat them
    const requests = [
      samples('ana', 0, 5), // 0–2 already stored
      samples('bo', 0, 4),
      samples('ana', 4, 3), // 4 is also in the first request: whichever comes first stores it
      samples('cy', 0, 1),
      ...Array.from({ length: 20 }, (_, i) => samples(`p${i}`, 0, 2)),
    ];
    const answers = await Promise.all(requests.map((docs) => writer.insert(docs)));
    assert.deepEqual([...answers[0]!].sort(), [0, 1, 2]);
    assert.deepEqual([...answers[1]!], []);
    assert.deepEqual([...answers[2]!], [0], 'the sample the first request stored');
    assert.ok(answers.slice(3).every((a) => a.size === 0));
    // The first request went alone; the others waited for it and went together.
    assert.equal(writer.counts.requests, 1 + requests.length);
    assert.ok(writer.counts.writes <= 3, `${writer.counts.writes} writes`);
    assert.equal(await models.samples.countDocuments({ userId: 'ana' }), 7);
    assert.equal(await models.samples.countDocuments(), 7 + 4 + 1 + 40);
  });

  test('a write that fails for another reason fails every request in it, and nothing else', async () => {
    const { models } = database;
    const writer = new SampleWriter(models.samples.collection);
    // A field name no server stores: the write is refused, not a duplicate.
    const broken = { ...samples('dee', 20, 1)[0]!, $where: 1 } as unknown as SampleDoc;
    const outcomes = await Promise.allSettled([
      writer.insert(samples('dee', 10, 1)),
      writer.insert([broken]),
      writer.insert(samples('dee', 30, 1)),
    ]);
    assert.equal(outcomes[0]!.status, 'fulfilled', 'the first went alone');
    assert.deepEqual(
      outcomes.slice(1).map((o) => o.status),
      ['rejected', 'rejected'],
    );
    // The next write is a new group: the writer carries on.
    assert.deepEqual([...(await writer.insert(samples('dee', 40, 1)))], []);
  });
});
