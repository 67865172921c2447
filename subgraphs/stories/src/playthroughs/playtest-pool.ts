import { Worker } from 'node:worker_threads';
import { badUserInput, tooManyRequests } from '@mindscape/platform';
import { GraphQLError } from 'graphql';
import type { StoryState } from '../model.js';
import type { PlaytestOptions, PlaytestReport } from './playtest.js';
import type { PlaytestAnswer, PlaytestTask } from './playtest-worker.js';

export interface PlaytestPoolOptions {
  /** Worker threads playtests run on. @default 1 */
  threads?: number;
  /** Playtests one person may have running or waiting at once. @default 1 */
  perPerson?: number;
  /** Playtests waiting for a thread, everyone's together. @default 8 */
  queue?: number;
  /** A playtest still running after this is stopped (its thread ended). @default 30_000 */
  timeoutMs?: number;
}

interface Job {
  task: PlaytestTask;
  resolve(report: PlaytestReport): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/**
 * Playtests walk a story thousands of times: they run on worker threads, not on the event
 * loop every other request shares. A person has at most `perPerson` of them at once and the
 * queue is bounded; past either, TOO_MANY_REQUESTS. Threads start on first use and stay
 * (a thread loads the TypeScript once, about a second), unreferenced so they never hold the
 * process open.
 */
export class PlaytestPool {
  private readonly threads: Thread[] = [];
  private readonly waiting: Job[] = [];
  private readonly perPersonCount = new Map<string, number>();
  private readonly options: Required<PlaytestPoolOptions>;
  private nextId = 1;
  private closed = false;

  constructor(options: PlaytestPoolOptions = {}) {
    this.options = { threads: 1, perPerson: 1, queue: 8, timeoutMs: 30_000, ...options };
  }

  /**
   * Runs a playtest for `personId`. The slot is taken before anything is awaited, so the
   * aliases of one request count against the limit like separate requests.
   */
  run(personId: string, state: () => Promise<StoryState>, options: PlaytestOptions) {
    const mine = this.perPersonCount.get(personId) ?? 0;
    if (mine >= this.options.perPerson)
      throw tooManyRequests(
        `At most ${this.options.perPerson} playtest at once per person; wait for the one running.`,
        1,
      );
    if (this.waiting.length >= this.options.queue)
      throw tooManyRequests('The playtester is busy; try again in a few seconds.', 5);
    this.perPersonCount.set(personId, mine + 1);
    const release = () => {
      const left = (this.perPersonCount.get(personId) ?? 1) - 1;
      if (left > 0) this.perPersonCount.set(personId, left);
      else this.perPersonCount.delete(personId);
    };
    return (async () => {
      try {
        const story = await state();
        return await new Promise<PlaytestReport>((resolve, reject) => {
          this.waiting.push({
            task: { id: this.nextId++, state: story, options },
            resolve,
            reject,
          });
          this.dispatch();
        });
      } finally {
        release();
      }
    })();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('The service is stopping.'));
    await Promise.all(this.threads.splice(0).map((thread) => this.end(thread)));
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.waiting.length > 0) {
      let thread = this.threads.find((t) => !t.job);
      if (!thread && this.threads.length < this.options.threads) thread = this.start();
      if (!thread) return;
      const job = this.waiting.shift()!;
      thread.job = job;
      thread.timer = setTimeout(() => {
        thread!.job = undefined;
        job.reject(
          badUserInput(
            'runs',
            `The playtest took longer than ${this.options.timeoutMs / 1000} s; ask for fewer runs or steps.`,
            'fewer runs or steps',
          ),
        );
        void this.end(thread!);
        this.dispatch();
      }, this.options.timeoutMs);
      thread.worker.postMessage(job.task);
    }
  }

  private start(): Thread {
    const worker = new Worker(new URL('./playtest-thread.mjs', import.meta.url));
    worker.unref();
    const thread: Thread = { worker };
    worker.on('message', (answer: PlaytestAnswer) => {
      const job = thread.job;
      if (!job || job.task.id !== answer.id) return;
      clearTimeout(thread.timer);
      thread.job = undefined;
      if ('report' in answer) job.resolve(answer.report);
      else
        job.reject(new GraphQLError(answer.error.message, { extensions: answer.error.extensions }));
      this.dispatch();
    });
    // A thread that fails (or exits) fails its job; the next job starts a new one.
    const lost = (error: Error) => {
      clearTimeout(thread.timer);
      thread.job?.reject(error);
      thread.job = undefined;
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The playtest thread stopped (exit ${code}).`)));
    this.threads.push(thread);
    return thread;
  }

  private async end(thread: Thread): Promise<void> {
    clearTimeout(thread.timer);
    const at = this.threads.indexOf(thread);
    if (at >= 0) this.threads.splice(at, 1);
    await thread.worker.terminate();
  }
}
