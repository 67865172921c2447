import { beatsFromSamples, hrvFeatures } from '@mindscape/biosignals';
import {
  isDuplicateKey,
  isEngineUnavailable,
  type EventBus,
  type Logger,
} from '@mindscape/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmotionsModels, PhysioStateDoc, SampleDoc } from '../models/index.js';
import { LiveMemory, type PersonMemory } from './live-memory.js';
import { appendToWindow, mergeWindow, readWindow, windowSample } from './recent-window.js';
import { stateWrites, type StateWrites } from './state-writes.js';
import { emptyBaseline, estimate, labelOf, markersOf, updateBaseline } from './stress-model.js';

export interface StateEngineOptions {
  /** Length of the analysis window, in sample time. @default 64000 */
  windowMs: number;
  /**
   * At most one state update per person per this many ms of wall time. @default 250: a strap
   * sending a sample about every second gets each one computed at once (a 1 s floor made a
   * strap's jitter, up to ~150 ms, wait on the timer), while a burst of batches still makes at
   * most four updates a second.
   */
  minIntervalMs: number;
  /** The baseline learns from at most one window per this much sample time. @default 60000 */
  baselineEveryMs: number;
  /**
   * The day's valence is read again after this long (check-ins and journal entries made on
   * this instance refresh it at once; ones made on another instance within this). @default 30000
   */
  valenceTtlMs: number;
  /**
   * A person's window document is written at most once per this many ms of wall time while
   * they stream, and once more this long after their last update. @default 10000: rewriting
   * the whole window (~80 samples) every second was most of the database's work at 100 people;
   * the samples themselves are stored before each batch is acknowledged, so the document only
   * ever lags (a takeover instance's window lacks at most this much, until it refills).
   */
  windowSaveIntervalMs: number;
}

const defaults: StateEngineOptions = {
  windowMs: 64_000,
  minIntervalMs: 250,
  baselineEveryMs: 60_000,
  valenceTtlMs: 30_000,
  windowSaveIntervalMs: 10_000,
};
export const stateTopic = (userId: string) => `state:${userId}`;

/** Clears the person's timer in `timers`, if one is set. */
function cancel(timers: Map<string, NodeJS.Timeout>, userId: string): void {
  clearTimeout(timers.get(userId));
  timers.delete(userId);
}

/**
 * Turns a person's newest samples into their physiological state. Called after each accepted
 * batch; work per person is coalesced so a burst of batches makes at most four computations a second.
 * What an update needs is kept in memory (LiveMemory), so it reads nothing from the database
 * once warm; it publishes the state, then writes it and the window document (decision 0027).
 */
export class StateEngine {
  private readonly options: StateEngineOptions;
  private readonly lastRun = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Trailing window writes of people whose newest samples wait for the save interval. */
  private readonly windowSaves = new Map<string, NodeJS.Timeout>();
  /** Closing: windows are written at once, never deferred to a timer that may not fire. */
  private closing = false;
  /** The tail of each person's chain of updates; it never rejects. */
  private readonly running = new Map<string, Promise<void>>();
  private readonly memory = new LiveMemory();
  /** The writes after publishing, grouped across people (state-writes.ts). */
  private readonly writes: StateWrites;

  constructor(
    private readonly models: EmotionsModels,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    options: Partial<StateEngineOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
    this.writes = stateWrites(models);
  }

  /**
   * Keeps accepted (already stored) samples for the person's next update (before `notify`);
   * the update writes them to the window document after it has published.
   */
  record(userId: string, samples: SampleDoc[]): void {
    this.memory.of(userId).unsaved.push(...samples.map(windowSample));
  }

  /** A check-in or journal entry changed the person's valence: read it again, update soon. */
  moodChanged(userId: string): void {
    this.memory.of(userId).valence = undefined;
    this.notify(userId);
  }

  /** New samples arrived for this person: update soon, at most once per interval. */
  notify(userId: string): void {
    if (this.pending.has(userId)) return;
    const wait = Math.max(
      0,
      (this.lastRun.get(userId) ?? 0) + this.options.minIntervalMs - Date.now(),
    );
    const timer = setTimeout(() => {
      this.pending.delete(userId);
      this.update(userId).catch((error: unknown) =>
        this.logger.error({ err: error, userId }, 'state update failed'),
      );
    }, wait);
    this.pending.set(userId, timer);
  }

  /**
   * People's newest states: from memory where this instance computed them (so a read right
   * after a stateChanged event sees that state, though its write may still be on the way),
   * else as stored.
   */
  async currentStates(userIds: readonly string[]): Promise<Array<PhysioStateDoc | null>> {
    const known = userIds.map((id) => this.memory.peek(id)?.previous);
    const missing = userIds.filter((_, i) => known[i] === undefined);
    const stored =
      missing.length === 0
        ? []
        : await this.models.latestStates
            .find({ _id: { $in: missing } })
            .lean()
            .exec();
    const byId = new Map(stored.map((d) => [d._id, d.state]));
    return userIds.map((id, i) => known[i] ?? byId.get(id) ?? null);
  }

  /** Waits for every scheduled update (tests, shutdown); deferred window writes stay deferred. */
  async settle(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      await Promise.all([
        ...this.running.values(),
        new Promise((resolve) => setTimeout(resolve, 20)),
      ]);
    }
  }

  /** Drops what is scheduled for this person and waits out a running update (account deletion). */
  async forget(userId: string): Promise<void> {
    cancel(this.pending, userId);
    cancel(this.windowSaves, userId);
    await this.running.get(userId);
    this.lastRun.delete(userId);
    this.memory.forget(userId);
  }

  /**
   * Stops scheduling, waits out running updates and writes every window that waits, so a
   * graceful shutdown leaves the documents whole for the instance that takes the streams over.
   * Call after the service stops taking samples.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const timers of [this.pending, this.windowSaves]) {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    }
    while (this.running.size > 0) await Promise.all(this.running.values());
    await Promise.allSettled(this.memory.withUnsaved().map((userId) => this.flushWindow(userId)));
  }

  /**
   * Computes, stores and publishes the person's state if it changed. Updates of one person
   * run one after another, so two never race on the same rows.
   */
  update(userId: string): Promise<PhysioStateDoc | undefined> {
    return this.inTurn(userId, () => this.compute(userId));
  }

  /** Writes the person's window document now if samples wait for it (in turn with updates). */
  flushWindow(userId: string): Promise<void> {
    cancel(this.windowSaves, userId);
    return this.inTurn(userId, () => this.saveWindow(userId, this.memory.of(userId)));
  }

  /** Runs `work` after the person's running update, so two never race on the same rows. */
  private inTurn<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.running.get(userId) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(userId, tail);
    void tail.then(() => {
      if (this.running.get(userId) === tail) this.running.delete(userId);
    });
    return run;
  }

  private async compute(userId: string): Promise<PhysioStateDoc | undefined> {
    this.lastRun.set(userId, Date.now());
    const memory = this.memory.of(userId);
    await this.recall(userId, memory);
    const recent = mergeWindow(memory.stored?.samples ?? [], memory.unsaved, this.options.windowMs);
    const saving = this.saveWindowWhenDue(userId, memory);
    // Awaited below, after the state is assessed; a failure meanwhile must not count as
    // unhandled (Node would end the process).
    saving.catch(() => undefined);
    const newest = recent.at(-1);
    if (!newest) {
      await saving;
      return undefined;
    }
    const since = newest.t.getTime() - this.options.windowMs;
    // One device's beats: two straps worn at once would interleave into a nonsense rhythm.
    const window = recent.filter((s) => s.deviceId === newest.deviceId && s.t.getTime() > since);

    const hrv = hrvFeatures(
      beatsFromSamples(window.map((s) => ({ timestamp: s.t.getTime(), rrIntervals: s.rr }))),
    );
    const heartRate =
      [...window].reverse().find((s) => s.heartRate !== undefined)?.heartRate ?? hrv.meanHr;
    const measuredBreathing = [...window]
      .reverse()
      .find((s) => s.respirationRate !== undefined)?.respirationRate;
    const state = await this.assess(
      userId,
      memory,
      newest.t,
      hrv,
      heartRate,
      measuredBreathing ?? hrv.breathingRate,
    );

    const previous = memory.previous;
    // One state per instant: samples that arrive late (a retried batch behind newer ones) or a
    // check-in without a newer sample refine the next state, not the one already out.
    const notNewer = previous && state.at.getTime() <= new Date(previous.at).getTime();
    if (previous && (notNewer || sameReading(previous, state))) {
      await Promise.all([saving, this.storeState(memory)]);
      return undefined;
    }
    memory.previous = state;
    // The event goes out first; the state and the window are written while it travels.
    // Updates of one person still run one after another.
    await Promise.all([
      this.bus.publish(stateTopic(userId), state),
      this.storeState(memory, state),
      retryWhileBusy(() => retryOnDuplicate(() => this.writes.latest.submit([state]))),
      saving,
    ]);
    return state;
  }

  /**
   * Stores a published state in the person's history, with any earlier one whose write failed
   * (the database busy past the retries): every state a subscriber heard ends up stored, in
   * order, unless the process itself ends first.
   */
  private async storeState(memory: PersonMemory, state?: PhysioStateDoc): Promise<void> {
    const due = state ? [...memory.unstoredStates, state] : memory.unstoredStates;
    if (due.length === 0) return;
    memory.unstoredStates = [];
    try {
      await retryWhileBusy(() => this.writes.states.submit(due));
    } catch (error) {
      memory.unstoredStates = [...due, ...memory.unstoredStates];
      throw error;
    }
  }

  /** Reads what memory lacks (a new person, or one this instance has not served yet). */
  private async recall(userId: string, memory: PersonMemory): Promise<void> {
    const [stored, latest, baseline] = await Promise.all([
      memory.stored === undefined ? readWindow(this.models, userId) : memory.stored,
      memory.previous === undefined
        ? this.models.latestStates.findById(userId).lean().exec()
        : undefined,
      memory.baseline === undefined
        ? this.models.baselines.findById(userId).lean().exec()
        : undefined,
    ]);
    memory.stored = stored;
    if (memory.previous === undefined) memory.previous = latest?.state ?? null;
    if (memory.baseline === undefined) memory.baseline = baseline ?? null;
  }

  /**
   * Writes the window document when the person's last write is an interval old (or there was
   * none); otherwise makes sure a trailing write comes an interval from now, in case the
   * stream stops here.
   */
  private saveWindowWhenDue(userId: string, memory: PersonMemory): Promise<void> {
    const interval = this.options.windowSaveIntervalMs;
    const due = (memory.windowSavedAt ?? -Infinity) + interval - Date.now();
    if (due <= 0 || !memory.stored || this.closing) {
      cancel(this.windowSaves, userId);
      return this.saveWindow(userId, memory);
    }
    if (memory.unsaved.length > 0 && !this.windowSaves.has(userId)) {
      const timer = setTimeout(() => {
        this.flushWindow(userId).catch((error: unknown) =>
          this.logger.error({ err: error, userId }, 'window write failed'),
        );
      }, due);
      timer.unref();
      this.windowSaves.set(userId, timer);
    }
    return Promise.resolve();
  }

  /**
   * Writes the samples accepted since the last update to the window document. They are in
   * the samples collection already (stored before the batch was acknowledged), so a crash
   * before this write costs the next instance at most a second of window, never a sample.
   */
  private async saveWindow(userId: string, memory: PersonMemory): Promise<void> {
    const unsaved = memory.unsaved;
    if (unsaved.length === 0) return;
    memory.unsaved = [];
    memory.windowSavedAt = Date.now();
    try {
      const known = memory.stored;
      memory.stored = await retryWhileBusy(() =>
        appendToWindow(this.models, userId, unsaved, this.options.windowMs, known, async (w) => {
          const [matched] = await this.writes.windows.submit([w]);
          return matched!;
        }),
      );
    } catch (error) {
      // Kept for the next update, which reads the document again first.
      memory.unsaved = [...unsaved, ...memory.unsaved];
      memory.stored = undefined;
      throw error;
    }
  }

  private async assess(
    userId: string,
    memory: PersonMemory,
    at: Date,
    hrv: ReturnType<typeof hrvFeatures>,
    heartRate: number | null,
    breathingRate: number | null,
  ): Promise<PhysioStateDoc> {
    const stored = memory.baseline;
    const valence = await this.valence(userId, memory, at);
    const baseline = stored?.baseline ?? emptyBaseline();
    const markers = markersOf(hrv, heartRate);
    const coverage = Math.min(1, hrv.durationSeconds / (this.options.windowMs / 1000));
    const cleanShare = hrv.beats > 0 ? 1 - hrv.artefacts / hrv.beats : 0;

    if (!markers) {
      return {
        userId,
        at,
        heartRate,
        hrv: hrv.beats > 0 ? hrv : null,
        stress: null,
        arousal: null,
        valence,
        coherence: hrv.coherence,
        breathingRate,
        label: 'settling',
        confidence: 0,
      };
    }
    const { stress, arousal, baselineMaturity } = estimate(markers, baseline);
    const due =
      !stored ||
      at.getTime() - new Date(stored.lastUpdateAt).getTime() >= this.options.baselineEveryMs;
    if (due && coverage > 0.8 && cleanShare > 0.9) {
      const learned = { baseline: updateBaseline(baseline, markers), lastUpdateAt: at };
      await retryWhileBusy(() =>
        retryOnDuplicate(() =>
          this.models.baselines.updateOne({ _id: userId }, { $set: learned }, { upsert: true }),
        ),
      );
      memory.baseline = learned;
    }
    return {
      userId,
      at,
      heartRate,
      hrv,
      stress,
      arousal,
      valence,
      coherence: hrv.coherence,
      breathingRate,
      label: labelOf(stress, arousal, valence),
      confidence: round(
        coverage * Math.max(0, cleanShare * 2 - 1) * (0.5 + 0.5 * baselineMaturity),
        3,
      ),
    };
  }

  /**
   * Valence over the last day: check-ins (mood 1..5 mapped to −1..1) and journal readings,
   * each counting once; 0 when there are none. Kept in memory for valenceTtlMs, or until a
   * check-in or journal entry on this instance (moodChanged).
   */
  private async valence(userId: string, memory: PersonMemory, at: Date): Promise<number> {
    const now = Date.now();
    if (memory.valence && memory.valence.until > now) return memory.valence.value;
    const since = { $gte: new Date(at.getTime() - 24 * 3600_000) };
    const [checkIns, readings] = await Promise.all([
      this.models.checkIns.find({ userId, createdAt: since }, { mood: 1 }).lean().exec(),
      this.models.emotionReadings.find({ userId, createdAt: since }, { valence: 1 }).lean().exec(),
    ]);
    const values = [...checkIns.map((c) => (c.mood - 3) / 2), ...readings.map((r) => r.valence)];
    const value =
      values.length === 0 ? 0 : round(values.reduce((sum, v) => sum + v, 0) / values.length, 3);
    memory.valence = { value, until: now + this.options.valenceTtlMs };
    return value;
  }
}

/**
 * Two upserts of a missing row can both try to insert it (another instance of this subgraph,
 * say); the loser's retry finds the row and updates it.
 */
async function retryOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return write();
  }
}

/**
 * A write the database refused for the moment (FerretDB's SQLite busy under concurrent
 * writers, a failover) is tried again a few times, for about a second in all: the state has
 * gone out already, and its record should not be lost to a passing lock.
 */
async function retryWhileBusy<T>(write: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isEngineUnavailable(error)) throw error;
      await sleep(25 * 2 ** attempt * (0.5 + Math.random() / 2));
    }
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Two states read the same to a person if nothing they would see changed. */
function sameReading(a: PhysioStateDoc, b: PhysioStateDoc): boolean {
  const r = (x: number | null | undefined, d: number) =>
    x === null || x === undefined ? null : round(x, d);
  return (
    r(a.heartRate, 0) === r(b.heartRate, 0) &&
    r(a.stress, 2) === r(b.stress, 2) &&
    r(a.arousal, 2) === r(b.arousal, 2) &&
    r(a.hrv?.rmssd, 0) === r(b.hrv?.rmssd, 0) &&
    r(a.coherence, 1) === r(b.coherence, 1) &&
    r(a.breathingRate, 0) === r(b.breathingRate, 0) &&
    a.label === b.label
  );
}
