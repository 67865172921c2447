import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  samplesFromBeats,
  simulateHeart,
  sampleInputs,
} from '@mindscape/biosignals';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  useTestStack,
} from '@mindscape/test-kit';

/** A graphql-ws client to the subgraph itself, carrying an assertion as the gateway will. */
const STATE = {
  query: 'subscription { stateChanged { updatedAt heartRate label user { id } } }',
};

describe('stateChanged on the emotions subgraph (graphql-ws)', () => {
  const stack = useTestStack({ engine: { minIntervalMs: 50 } });

  test('the person receives their state as samples arrive', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const client = graphqlWsClient(
      stack.emotions.url,
      await gatewayAssertion(stack.secret, 'emotions', STATE, asPerson(ana.userId)),
    );
    const log = recordEvents<{
      stateChanged: { updatedAt: string; heartRate: number; user: { id: string } };
    }>(client, STATE.query);
    const beats = simulateHeart(
      [
        { ...HEART_PHASES.rest, seconds: 90 },
        { ...HEART_PHASES.stress, seconds: 60 },
      ],
      { start: Date.now() - 160_000, seed: 4 },
    );
    const samples = sampleInputs(samplesFromBeats(beats));
    // Each batch's state update is waited out before the next batch, so batches make separate
    // events (at most one per 50 ms).
    const send = async (from: number) => {
      await graphql(
        stack.gatewayUrl,
        RECORD_BIOMETRICS,
        { input: { samples: samples.slice(from, from + 30) } },
        { token: ana.accessToken },
      );
      await stack.emotions.services.engine.settle();
    };
    // The subscription is live once its first event arrives: rest batches go in until then.
    let next = 0;
    for (; log.results.length === 0 && next < 90; next += 30) await send(next);
    await log.until(1);
    for (; next < samples.length; next += 30) await send(next);
    // Then every state up to the newest stored one has reached the person.
    const newest = await stack.emotions.services.models.latestStates.findById(ana.userId).lean();
    await until('the newest state to arrive', () =>
      log.results.some((r) => r.data?.stateChanged.updatedAt === newest?.state.at.toISOString()),
    );
    await client.dispose();
    const events = log.results.map((r) => r.data!.stateChanged);
    assert.ok(events.every((e) => e.user.id === ana.userId));
    assert.ok(
      events.at(-1)!.heartRate > events[0]!.heartRate,
      'the stress phase shows in the events',
    );
  });

  test("another person's state is FORBIDDEN without consent; a forged assertion cannot connect", async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const ben = await signUp(stack.gatewayUrl, 'Ben');
    const anasState = {
      query: 'subscription($id: ID) { stateChanged(userId: $id) { stress } }',
      variables: { id: ana.userId },
    };
    const asBen = graphqlWsClient(
      stack.emotions.url,
      await gatewayAssertion(stack.secret, 'emotions', anasState, asPerson(ben.userId)),
    );
    const refusal = await new Promise<unknown>((resolve) => {
      asBen.subscribe(anasState, {
        next: () => resolve('event'),
        error: resolve,
        complete: () => resolve('complete'),
      });
    });
    await asBen.dispose();
    assert.ok(Array.isArray(refusal), `expected GraphQL errors, got ${JSON.stringify(refusal)}`);
    assert.equal(
      (refusal as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code,
      'FORBIDDEN',
    );

    const stress = { query: 'subscription { stateChanged { stress } }' };
    const forged = graphqlWsClient(
      stack.emotions.url,
      await gatewayAssertion('x'.repeat(40), 'emotions', stress, asPerson(ana.userId)),
    );
    const closed = await new Promise<unknown>((resolve) => {
      forged.subscribe(stress, {
        next: () => resolve('event'),
        error: resolve,
        complete: () => resolve('complete'),
      });
    });
    await forged.dispose();
    assert.equal((closed as { code?: number }).code, 4403, 'the socket closes with 4403 Forbidden');
  });

  test('a connection runs only the operation its assertion was signed for, and only once', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const stress = { query: 'subscription { stateChanged { stress } }' };
    const params = await gatewayAssertion(stack.secret, 'emotions', stress, asPerson(ana.userId));
    const other = graphqlWsClient(stack.emotions.url, params);
    const refusal = await new Promise<unknown>((resolve) => {
      other.subscribe(
        { query: 'subscription { emotionRecorded { text } }' },
        { next: () => resolve('event'), error: resolve, complete: () => resolve('complete') },
      );
    });
    await other.dispose();
    assert.ok(Array.isArray(refusal), `expected GraphQL errors, got ${JSON.stringify(refusal)}`);
    assert.equal(
      (refusal as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code,
      'UNAUTHENTICATED',
    );

    const replayed = graphqlWsClient(stack.emotions.url, params);
    const closed = await new Promise<unknown>((resolve) => {
      replayed.subscribe(stress, {
        next: () => resolve('event'),
        error: resolve,
        complete: () => resolve('complete'),
      });
    });
    await replayed.dispose();
    assert.equal((closed as { code?: number }).code, 4403, 'a used assertion cannot connect again');
  });
});
