/**
 * An author adding scenes one after another, as the story editor does: each edit names the
 * version it was made against, and an edit whose answer never came is settled by reading the
 * story, so a scenario can compare the story with the edits that were acknowledged.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql, signUp, type SignedUp } from '@mindscape/test-kit';

const CREATE = 'mutation($t: String!) { createStory(title: $t) { id version } }';
const ADD = `mutation($s: ID!, $v: Int!, $n: String!, $x: String) {
  addScene(storyId: $s, expectedVersion: $v, name: $n, text: $x) { version }
}`;
const READ = 'query($id: ID!) { story(id: $id) { version scenes { name text } } }';

/**
 * An author adding scenes one after another, each against the version it last saw. After a
 * failure it cannot know whether the edit landed, so it reads the story and decides, as an
 * editor would: there, it moves on; not there, it sends the edit again.
 */
export class StoryAuthor {
  readonly acknowledged: string[] = [];
  /** Edits found in the story though their answer never came (landed, answer lost). */
  readonly landedUnanswered: string[] = [];
  failures = 0;
  lastAckAt = 0;
  private version = 0;
  private running = true;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly gatewayUrl: string,
    readonly author: SignedUp,
    readonly storyId: string,
    readonly startVersion: number,
  ) {
    this.version = startVersion;
  }

  static async create(gatewayUrl: string): Promise<StoryAuthor> {
    const author = await signUp(gatewayUrl, 'Author');
    const answer = await graphql<{ createStory: { id: string; version: number } }>(
      gatewayUrl,
      CREATE,
      { t: 'Edits under faults' },
      { token: author.accessToken },
    );
    const story = answer.data?.createStory;
    if (!story) throw new Error(`createStory failed: ${JSON.stringify(answer.errors)}`);
    return new StoryAuthor(gatewayUrl, author, story.id, story.version);
  }

  /** Starts editing: an edit every `paceMs` at most (0: as fast as the graph answers). */
  start(paceMs = 0): void {
    this.loop = this.run(paceMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  read() {
    return graphql<{
      story: { version: number; scenes: Array<{ name: string; text: string }> } | null;
    }>(this.gatewayUrl, READ, { id: this.storyId }, { token: this.author.accessToken });
  }

  private async run(paceMs: number): Promise<void> {
    let n = 0;
    while (this.running) {
      if (paceMs > 0 && this.lastAckAt > 0) {
        const due = this.lastAckAt + paceMs - Date.now();
        if (due > 0) await sleep(due);
      }
      const name = `scene-${n}`;
      const answer = await graphql<{ addScene: { version: number } }>(
        this.gatewayUrl,
        ADD,
        { s: this.storyId, v: this.version, n: name, x: textOf(name) },
        { token: this.author.accessToken },
      ).catch(() => undefined);
      if (answer?.data?.addScene) {
        this.acknowledged.push(name);
        this.version = answer.data.addScene.version;
        this.lastAckAt = Date.now();
        n++;
        continue;
      }
      this.failures++;
      // Unknown outcome: read the story (when it can be read) and go on from what it says.
      for (;;) {
        const story = (await this.read().catch(() => undefined))?.data?.story;
        if (story) {
          this.version = story.version;
          if (story.scenes.some((s) => s.name === name)) {
            this.landedUnanswered.push(name);
            n++;
          }
          break;
        }
        if (!this.running) return;
        await sleep(100);
      }
    }
  }
}

export const textOf = (name: string) => `The text of ${name}, written whole or not at all.`;
