/**
 * The live state's memory (decision 0027): once warm, an update reads nothing from MongoDB;
 * it publishes, then writes the state and the window document; another instance taking the
 * stream over starts from that document; a check-in refreshes the valence at once.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HEART_PHASES, samplesFromBeats, simulateHeart } from '@mindscape/biosignals';
import { InProcessEventBus, createLogger } from '@mindscape/platform';
import type { EmotionsModels, SampleDoc } from '../src/models/index.js';
import { StateEngine } from '../src/state/state-engine.js';
import { useEmotionsDatabase } from './database.js';

/** Counts the reads an update makes, by model, on the real models. */
function countReads(models: EmotionsModels): Map<string, number> {
  const reads = new Map<string, number>();
  for (const [name, model] of Object.entries(models)) {
    for (const method of ['find', 'findById', 'findOne'] as const) {
      const original = (model as unknown as Record<string, (...args: unknown[]) => unknown>)[
        method
      ]!;
      (model as unknown as Record<string, unknown>)[method] = function (
        this: unknown,
        ...args: unknown[]
      ) {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return original.apply(this, args);
      };
    }
  }
  return reads;
}

const userId = 'live-memory-person';
const batches = (() => {
  const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 120 }], {
    start: Date.now() - 125_000,
    seed: 11,
  });
  const samples: SampleDoc[] = samplesFromBeats(beats).map((s) => ({
    userId,
    deviceId: 'strap',
    receivedAt: new Date(),
    t: new Date(s.timestamp),
    heartRate: s.heartRate,
    rr: s.rrIntervals,
  }));
  const chunks: SampleDoc[][] = [];
  for (let i = 0; i < samples.length; i += 20) chunks.push(samples.slice(i, i + 20));
  return chunks;
})();

describe('the live state keeps what it needs in memory', () => {
  const database = useEmotionsDatabase('live_memory');

  test('warm updates read nothing; a second instance takes over from the window document', async () => {
    const { models } = database;
    const bus = new InProcessEventBus();
    const logger = createLogger('emotions', 'silent');
    const eager = { minIntervalMs: 0, windowSaveIntervalMs: 0 };
    const first = new StateEngine(models, bus, logger, eager);
    const half = Math.floor(batches.length / 2);
    for (const batch of batches.slice(0, half)) {
      await models.samples.insertMany(batch);
      first.record(userId, batch);
      await first.update(userId);
    }
    const reads = countReads(models);
    const published: unknown[] = [];
    const stop = new AbortController();
    const live = bus.subscribe('state:' + userId, stop.signal);
    await live.ready;
    void (async () => {
      for await (const event of live) published.push(event);
    })();
    const batch = batches[half]!;
    await models.samples.insertMany(batch);
    first.record(userId, batch);
    const state = await first.update(userId);
    assert.ok(state, 'the update computed a new state');
    assert.deepEqual(
      [...reads].filter(([name]) => name !== 'checkIns' && name !== 'emotionReadings'),
      [],
      'a warm update reads no window, state or baseline',
    );
    const stored = await models.recentWindows.findById(userId).lean();
    assert.equal(
      stored!.samples.at(-1)!.t.getTime(),
      batch.at(-1)!.t.getTime(),
      'the window document holds the newest sample once the update is done',
    );
    const latest = await models.latestStates.findById(userId).lean();
    assert.equal(latest!.state.at.getTime(), state.at.getTime());

    // Another instance, cold, continues from the document: its state carries on the same window.
    const second = new StateEngine(models, bus, logger, eager);
    const next = batches[half + 1]!;
    await models.samples.insertMany(next);
    second.record(userId, next);
    const taken = await second.update(userId);
    const window = (await models.recentWindows.findById(userId).lean())!.samples;
    assert.ok(window.length > next.length, 'the window kept the first instance’s samples');
    assert.equal(
      window.at(-1)!.t.getTime(),
      next.at(-1)!.t.getTime(),
      'and added the second instance’s',
    );
    if (taken) assert.equal(taken.at.getTime(), next.at(-1)!.t.getTime());
    stop.abort();
    await first.close();
    await second.close();
  });

  test('the window document is written once an interval while streaming, and on close', async () => {
    const { models } = database;
    const logger = createLogger('emotions', 'silent');
    const engine = new StateEngine(models, new InProcessEventBus(), logger, {
      minIntervalMs: 0,
      windowSaveIntervalMs: 60_000,
    });
    const person = 'window-interval-person';
    const own = batches.map((batch) => batch.map((s) => ({ ...s, userId: person })));
    const newestStored = async () =>
      (await models.recentWindows.findById(person).lean())?.samples.at(-1)?.t.getTime();
    for (const batch of own.slice(0, 4)) {
      await models.samples.insertMany(batch);
      engine.record(person, batch);
      await engine.update(person);
    }
    assert.equal(
      await newestStored(),
      own[0]!.at(-1)!.t.getTime(),
      'the first update wrote the document; later ones within the interval left it',
    );
    // A graceful shutdown writes what waited, so a takeover instance starts from all of it.
    await engine.close();
    assert.equal(await newestStored(), own[3]!.at(-1)!.t.getTime());
    const next = new StateEngine(models, new InProcessEventBus(), logger, { minIntervalMs: 0 });
    next.record(person, own[4]!);
    const state = await next.update(person);
    assert.equal(state?.at.getTime(), own[4]!.at(-1)!.t.getTime());
    const window = new Set(
      (await models.recentWindows.findById(person).lean())!.samples.map((s) => s.t.getTime()),
    );
    for (const sample of [...own[3]!, ...own[4]!])
      assert.ok(window.has(sample.t.getTime()), 'the takeover window holds every recent sample');
    await next.close();
  });

  test('a stream that stops gets its window written an interval after its last update', async () => {
    const { models } = database;
    const engine = new StateEngine(
      models,
      new InProcessEventBus(),
      createLogger('emotions', 'silent'),
      { minIntervalMs: 0, windowSaveIntervalMs: 2_000 },
    );
    const person = 'window-trailing-person';
    const own = batches.map((batch) => batch.map((s) => ({ ...s, userId: person })));
    for (const batch of own.slice(0, 2)) {
      engine.record(person, batch);
      await engine.update(person);
    }
    const newest = own[1]!.at(-1)!.t.getTime();
    const stored = async () =>
      (await models.recentWindows.findById(person).lean())?.samples.at(-1)?.t.getTime();
    assert.notEqual(await stored(), newest, 'the second update left the write for later');
    // No more samples: the trailing write comes by itself.
    while ((await stored()) !== newest) await new Promise((resolve) => setImmediate(resolve));
    await engine.close();
  });

  test('a check-in refreshes the valence at once', async () => {
    const { models } = database;
    const bus = new InProcessEventBus();
    const engine = new StateEngine(models, bus, createLogger('emotions', 'silent'), {
      minIntervalMs: 0,
    });
    const person = 'valence-person';
    const own = batches.map((batch) => batch.map((s) => ({ ...s, userId: person })));
    for (const batch of own.slice(0, 4)) {
      engine.record(person, batch);
      await engine.update(person);
    }
    const before = await engine.update(person);
    await models.checkIns.create({ userId: person, mood: 5, energy: 3, createdAt: new Date() });
    engine.moodChanged(person);
    engine.record(person, own[4]!);
    const afterwards = await engine.update(person);
    assert.equal(before, undefined, 'nothing new without samples');
    assert.equal(afterwards?.valence, 1, 'the check-in counts in the next state');
    await engine.close();
  });
  test('a state whose write failed (the database busy past the retries) is stored with the next', async () => {
    const { models } = database;
    const bus = new InProcessEventBus();
    const engine = new StateEngine(models, bus, createLogger('emotions', 'silent'), {
      minIntervalMs: 0,
    });
    const person = 'busy-person';
    const own = batches.map((batch) => batch.map((s) => ({ ...s, userId: person })));
    for (const batch of own.slice(0, 3)) {
      engine.record(person, batch);
      await engine.update(person);
    }
    const insertMany = models.states.insertMany.bind(models.states);
    let refusals = 5;
    models.states.insertMany = ((...args: Parameters<typeof insertMany>) =>
      refusals-- > 0
        ? Promise.reject(new Error('(SQLITE_BUSY) database is locked'))
        : insertMany(...args)) as typeof models.states.insertMany;
    try {
      engine.record(person, own[3]!);
      await assert.rejects(engine.update(person), /database is locked/);
      engine.record(person, own[4]!);
      await engine.update(person);
    } finally {
      models.states.insertMany = insertMany;
    }
    const ats = (await models.states.find({ userId: person }).lean()).map((d) => d.at.getTime());
    for (const batch of [own[3]!, own[4]!])
      assert.ok(ats.includes(batch.at(-1)!.t.getTime()), 'both states are stored');
    await engine.close();
  });
});
