import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphql, signUp, useTestStack } from '@mindscape/test-kit';
import mongoose from 'mongoose';

const GRANT =
  'mutation($s: ConsentScope!, $e: String!) { grantConsent(scope: $s, granteeEmail: $e) { id } }';
const CHECK_IN = 'mutation { recordCheckIn(mood: 4, energy: 3) { id } }';
const DASHBOARD = `query Dashboard($from: DateTime!, $to: DateTime!) {
  me {
    consentsReceived {
      scope
      owner {
        displayName
        currentState { heartRate }
        checkIns(from: $from, to: $to) { mood }
        emotionReadings(from: $from, to: $to) { text }
      }
    }
  }
}`;
/** The week around now: the check-ins below are recorded now, whatever the year. */
const THIS_WEEK = {
  from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
};

const stack = useTestStack({}, async () => {
  mongoose.set('debug', false);
});

/** Database operations (every collection call of every subgraph in this process) during `run`. */
async function countOperations(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  mongoose.set('debug', () => void count++);
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return count;
}

/** A watcher who N people granted every scope, each with a check-in. */
async function watcherOf(people: number) {
  const watcher = await signUp(stack.gatewayUrl, 'Watcher');
  for (let i = 0; i < people; i++) {
    const person = await signUp(stack.gatewayUrl, `Person${i}`);
    for (const scope of ['LIVE_STATE', 'HISTORY', 'JOURNAL'])
      await graphql(
        stack.gatewayUrl,
        GRANT,
        { s: scope, e: watcher.email },
        { token: person.accessToken },
      );
    await graphql(stack.gatewayUrl, CHECK_IN, {}, { token: person.accessToken });
  }
  return watcher;
}

test('a dashboard over N people costs the same database round-trips for N = 2 and N = 7', async () => {
  const counts: number[] = [];
  for (const people of [2, 7]) {
    const watcher = await watcherOf(people);
    // Each check-in schedules its person's state update (reads of its own): let them run
    // before counting, or the last ones land inside the count by chance.
    await stack.emotions.services.engine.settle();
    let answer: Awaited<ReturnType<typeof graphql>> | undefined;
    counts.push(
      await countOperations(async () => {
        answer = await graphql(stack.gatewayUrl, DASHBOARD, THIS_WEEK, {
          token: watcher.accessToken,
        });
      }),
    );
    assert.equal(answer?.errors, undefined, JSON.stringify(answer?.errors));
    const received = (
      answer?.data as { me: { consentsReceived: Array<{ owner: { checkIns: unknown[] } }> } }
    ).me.consentsReceived;
    assert.equal(received.length, people * 3);
    assert.ok(
      received.every((c) => c.owner.checkIns.length === 1),
      'each person’s own check-in',
    );
  }
  assert.ok(counts[0]! > 3, `the counter sees the queries (${counts[0]})`);
  assert.equal(counts[1], counts[0], `round-trips for 2 and 7 people: ${counts.join(' vs ')}`);
});
