import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HEART_PHASES, samplesFromBeats, simulateHeart, sampleInputs } from '@mindscape/biosignals';
import {
  graphql,
  graphqlWsClient,
  signUp,
  startTestStack,
  type TestStack,
} from '@mindscape/test-kit';

const RECORD =
  'mutation($input: BiometricBatchInput!) { recordBiometrics(input: $input) { accepted } }';

/** The first outcome of a subscription: its first event, its errors, or how the socket closed. */
function firstOutcome(
  client: ReturnType<typeof graphqlWsClient>,
  query: string,
  variables: Record<string, unknown> = {},
) {
  return new Promise<{ data?: unknown; errors?: unknown; close?: number }>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) =>
          resolve(result.errors ? { errors: result.errors } : { data: result.data }),
        error: (error) =>
          resolve(
            Array.isArray(error)
              ? { errors: error }
              : { close: (error as { code?: number }).code ?? -1 },
          ),
        complete: () => resolve({}),
      },
    );
  });
}

const codes = (errors: unknown) =>
  (errors as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code);

describe('federated subscriptions through the gateway (graphql-ws)', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ engine: { minIntervalMs: 50 } });
  });
  after(() => stack.close());

  test('a subscription selecting fields of two subgraphs delivers merged events', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const client = graphqlWsClient(stack.gatewayUrl, {
      authorization: `Bearer ${ana.accessToken}`,
    });
    const events: Array<{
      heartRate: number;
      label: string;
      user: { id: string; displayName: string };
    }> = [];
    const two = new Promise<void>((resolve, reject) => {
      client.subscribe<{ stateChanged: (typeof events)[number] }>(
        { query: 'subscription { stateChanged { heartRate label user { id displayName } } }' },
        {
          next: ({ data, errors }) => {
            if (errors) return reject(new Error(JSON.stringify(errors)));
            events.push(data!.stateChanged);
            if (events.length === 2) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const samples = samplesFromBeats(
      simulateHeart([{ ...HEART_PHASES.rest, seconds: 90 }], {
        start: Date.now() - 100_000,
        seed: 21,
      }),
    );
    for (let i = 0; i < samples.length; i += 30) {
      const batch = sampleInputs(samples.slice(i, i + 30));
      await graphql(
        stack.gatewayUrl,
        RECORD,
        { input: { samples: batch } },
        { token: ana.accessToken },
      );
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await two;
    await client.dispose();
    for (const event of events) {
      assert.deepEqual(
        event.user,
        { id: ana.userId, displayName: 'Ana' },
        'the users subgraph filled in the name',
      );
      assert.equal(typeof event.heartRate, 'number');
    }
  });

  test("an invalid token closes the socket with 4403; another person's state is FORBIDDEN; anonymous is UNAUTHENTICATED", async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const ben = await signUp(stack.gatewayUrl, 'Ben');
    const forged = graphqlWsClient(stack.gatewayUrl, { authorization: 'Bearer not.a.token' });
    assert.deepEqual(await firstOutcome(forged, 'subscription { stateChanged { stress } }'), {
      close: 4403,
    });
    await forged.dispose();

    const asBen = graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${ben.accessToken}` });
    const peek = await firstOutcome(
      asBen,
      'subscription($id: ID) { stateChanged(userId: $id) { stress } }',
      { id: ana.userId },
    );
    assert.deepEqual(codes(peek.errors), ['FORBIDDEN']);
    const invalid = await firstOutcome(asBen, 'subscription { stateChanged { noSuchField } }');
    assert.ok(invalid.errors, 'an invalid document is refused before any upstream connection');
    const query = await firstOutcome(asBen, '{ me { id } }');
    assert.match(JSON.stringify(query.errors), /HTTP/);
    await asBen.dispose();

    const anonymous = graphqlWsClient(stack.gatewayUrl, {});
    assert.deepEqual(
      codes((await firstOutcome(anonymous, 'subscription { stateChanged { stress } }')).errors),
      ['UNAUTHENTICATED'],
    );
    await anonymous.dispose();
    assert.equal(
      (await fetch(new URL('/health', stack.gatewayUrl))).status,
      200,
      'the gateway stays up',
    );
  });
});
