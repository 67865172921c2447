import type { BaselineDoc, PhysioStateDoc, WindowSample } from '../models/index.js';

/** The person's window document as this instance last read or wrote it. */
export interface StoredWindow {
  version: number;
  samples: WindowSample[];
}

/**
 * What the live state needs of one person, kept in the instance that receives their stream
 * so a 1 Hz update reads nothing from the database: the window as stored plus the samples
 * accepted since (not yet written to it), the previous state, the baseline and the day's
 * valence. The database stays the shared copy: another instance taking the stream over reads
 * it on its first update (decision 0027).
 */
export interface PersonMemory {
  /** Undefined until read; `null` when the person has no window document yet. */
  stored?: StoredWindow | null;
  /** Accepted samples the window document does not hold yet, oldest first. */
  unsaved: WindowSample[];
  /** When (wall time) this instance last began writing the window document. */
  windowSavedAt?: number;
  /** Published states whose write to the history failed, oldest first: written next time. */
  unstoredStates: PhysioStateDoc[];
  previous?: PhysioStateDoc | null;
  baseline?: Pick<BaselineDoc, 'baseline' | 'lastUpdateAt'> | null;
  /** The day's valence and when (wall time) it must be read again. */
  valence?: { value: number; until: number };
}

/**
 * People's memories, least recently streaming evicted first beyond `capacity` (an evicted
 * person's next update reads the database again, as after a restart).
 */
export class LiveMemory {
  private readonly people = new Map<string, PersonMemory>();

  constructor(private readonly capacity = 5_000) {}

  of(userId: string): PersonMemory {
    let memory = this.people.get(userId);
    if (memory) {
      // Map keeps insertion order: re-inserting marks the person most recently used.
      this.people.delete(userId);
    } else {
      memory = { unsaved: [], unstoredStates: [] };
    }
    this.people.set(userId, memory);
    if (this.people.size > this.capacity) {
      for (const [oldest, held] of this.people) {
        // Samples and states not yet written stay until they are.
        if (held.unsaved.length > 0 || held.unstoredStates.length > 0) continue;
        this.people.delete(oldest);
        break;
      }
    }
    return memory;
  }

  /** The person's memory if kept, without marking them recently used. */
  peek(userId: string): PersonMemory | undefined {
    return this.people.get(userId);
  }

  /** People with accepted samples their window document does not hold yet. */
  withUnsaved(): string[] {
    return [...this.people].filter(([, held]) => held.unsaved.length > 0).map(([id]) => id);
  }

  forget(userId: string): void {
    this.people.delete(userId);
  }

  get size(): number {
    return this.people.size;
  }
}
