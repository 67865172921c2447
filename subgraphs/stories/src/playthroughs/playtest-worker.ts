import { parentPort } from 'node:worker_threads';
import { GraphQLError } from 'graphql';
import type { StoryState } from '../model.js';
import { playtest, type PlaytestOptions } from './playtest.js';

/** One playtest asked of a worker thread (see PlaytestPool). */
export interface PlaytestTask {
  id: number;
  state: StoryState;
  options: PlaytestOptions;
}

export type PlaytestAnswer =
  | { id: number; report: ReturnType<typeof playtest> }
  | { id: number; error: { message: string; extensions: Record<string, unknown> } };

parentPort!.on('message', (task: PlaytestTask) => {
  let answer: PlaytestAnswer;
  try {
    answer = { id: task.id, report: playtest(task.state, task.options) };
  } catch (error) {
    // A rule that does not compile comes back as the GraphQL error it was.
    answer = {
      id: task.id,
      error: {
        message: (error as Error).message,
        extensions: error instanceof GraphQLError ? { ...error.extensions } : {},
      },
    };
  }
  parentPort!.postMessage(answer);
});
