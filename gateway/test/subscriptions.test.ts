import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  HEART_PHASES,
  samplesFromBeats,
  simulateHeart,
  sampleInputs,
} from '@mindscape/biosignals';
import { graphql, graphqlWsClient, recordEvents, signUp, useTestStack } from '@mindscape/test-kit';

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
  const stack = useTestStack({ engine: { minIntervalMs: 50 } });

  test('a subscription selecting fields of two subgraphs delivers merged events', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const client = graphqlWsClient(stack.gatewayUrl, {
      authorization: `Bearer ${ana.accessToken}`,
    });
    const log = recordEvents<{
      stateChanged: { heartRate: number; label: string; user: { id: string; displayName: string } };
    }>(client, 'subscription { stateChanged { heartRate label user { id displayName } } }');
    const samples = samplesFromBeats(
      simulateHeart([{ ...HEART_PHASES.rest, seconds: 300 }], {
        start: Date.now() - 310_000,
        seed: 21,
      }),
    );
    // Batches go in until two events came through: the subscription is live only once its
    // first event arrives. Each batch's state update is waited out before the next batch, so
    // batches make separate events (at most one per 50 ms).
    for (let next = 0; log.results.length < 2 && next < samples.length; next += 30) {
      await graphql(
        stack.gatewayUrl,
        RECORD_BIOMETRICS,
        { input: { samples: sampleInputs(samples.slice(next, next + 30)) } },
        { token: ana.accessToken },
      );
      await stack.emotions.services.engine.settle();
    }
    await log.until(2);
    await client.dispose();
    assert.deepEqual(
      log.results.flatMap((r) => r.errors ?? []),
      [],
    );
    const events = log.results.map((r) => r.data!.stateChanged);
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
