interface Waiting<Item, Answer> {
  items: Item[];
  resolve: (answers: Answer[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. A thousand wearables each sending a sample a second are thousands of small
 * writes a second (the samples, then each person's state), and an engine that commits each on
 * its own (FerretDB on SQLite: one writer at a time) queues them until ingest takes seconds.
 * Here a write goes out at once when none is in flight; items submitted meanwhile wait for it
 * and then go together in one write. Nothing waits on a timer, so a lone wearable's write is
 * as fast as before, and each submitter is answered only when the write carrying its items
 * has been acknowledged (or has failed: then every submitter in it hears the error).
 */
export class GroupCommit<Item, Answer> {
  private readonly waiting: Array<Waiting<Item, Answer>> = [];
  private writing = false;
  /** Writes made and submissions they carried, for tests and benchmarks. */
  readonly counts = { writes: 0, submissions: 0 };

  /**
   * @param write writes the items of several submissions at once and answers one value per
   * item, in order; it throws when the write as a whole failed.
   * @param maxItems most items one write carries; a single larger submission still goes whole.
   */
  constructor(
    private readonly write: (items: Item[]) => Promise<Answer[]>,
    private readonly maxItems = 20_000,
  ) {}

  /** Resolves with one answer per item once the write carrying them was acknowledged. */
  submit(items: Item[]): Promise<Answer[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.commit(this.nextGroup());
    } finally {
      this.writing = false;
    }
  }

  private nextGroup(): Array<Waiting<Item, Answer>> {
    const group = [this.waiting.shift()!];
    let items = group[0]!.items.length;
    while (this.waiting.length > 0 && items + this.waiting[0]!.items.length <= this.maxItems) {
      const next = this.waiting.shift()!;
      items += next.items.length;
      group.push(next);
    }
    return group;
  }

  private async commit(group: Array<Waiting<Item, Answer>>): Promise<void> {
    this.counts.writes++;
    this.counts.submissions += group.length;
    let answers: Answer[];
    try {
      answers = await this.write(group.flatMap((w) => w.items));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    let offset = 0;
    for (const waiting of group) {
      waiting.resolve(answers.slice(offset, offset + waiting.items.length));
      offset += waiting.items.length;
    }
  }
}
