import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HEART_PHASES, samplesFromBeats, simulateHeart, sampleInputs } from '@mindscape/biosignals';
import {
  asPerson,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';

const RECORD =
  'mutation($input: BiometricBatchInput!) { recordBiometrics(input: $input) { accepted } }';

/** A graphql-ws client to the subgraph itself, carrying an assertion as the gateway will. */
const STATE = { query: 'subscription { stateChanged { heartRate label user { id } } }' };

describe('stateChanged on the emotions subgraph (graphql-ws)', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ engine: { minIntervalMs: 50 } });
  });
  after(() => stack.close());

  test('the person receives their state as samples arrive', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const client = graphqlWsClient(
      stack.emotions.url,
      await gatewayAssertion(stack.secret, 'emotions', STATE, asPerson(ana.userId)),
    );
    const events: Array<{ heartRate: number; user: { id: string } }> = [];
    const received = new Promise<void>((resolve, reject) => {
      client.subscribe<{ stateChanged: { heartRate: number; user: { id: string } } }>(STATE, {
        next: ({ data }) => {
          events.push(data!.stateChanged);
          if (events.length >= 2) resolve();
        },
        error: reject,
        complete: () => {},
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const beats = simulateHeart(
      [
        { ...HEART_PHASES.rest, seconds: 90 },
        { ...HEART_PHASES.stress, seconds: 60 },
      ],
      { start: Date.now() - 160_000, seed: 4 },
    );
    const samples = sampleInputs(samplesFromBeats(beats));
    for (let i = 0; i < samples.length; i += 30) {
      await graphql(
        stack.gatewayUrl,
        RECORD,
        { input: { samples: samples.slice(i, i + 30) } },
        { token: ana.accessToken },
      );
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    await received;
    await client.dispose();
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
