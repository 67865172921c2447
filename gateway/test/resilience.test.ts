import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { graphql, signUp, until, useTestStack } from '@mindscape/test-kit';

const DEEP = `query($from: DateTime!, $to: DateTime!) {
  me {
    displayName
    currentState { heartRate }
    checkIns(from: $from, to: $to) { id }
  }
}`;
const THIS_WEEK = {
  from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
};

interface Answer {
  data?: {
    me: { displayName: string; currentState: unknown; checkIns: unknown[] | null } | null;
  } | null;
}

describe('a subgraph that goes away and comes back', () => {
  const stack = useTestStack({
    gateway: { CIRCUIT_HALF_OPEN_AFTER_MS: '300', CIRCUIT_BREAK_AFTER: '3' },
  });

  test('answers with the other subgraphs’ data and error paths, then heals by itself', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const ask = () =>
      graphql<NonNullable<Answer['data']>>(stack.gatewayUrl, DEEP, THIS_WEEK, {
        token: ana.accessToken,
      });

    const healthy = await ask();
    assert.equal(healthy.errors, undefined);
    assert.equal(healthy.data?.me?.displayName, 'Ana');

    await stack.stopEmotions();
    // Enough requests to open the circuit: the later ones fail fast, with the same shape.
    for (let i = 0; i < 5; i++) {
      const partial = await ask();
      assert.equal(partial.data?.me?.displayName, 'Ana', 'the users subgraph still answers');
      assert.equal(partial.data?.me?.currentState, null);
      assert.equal(partial.data?.me?.checkIns, null);
      const paths = (partial.errors ?? []).map((e) => e.path?.join('.')).sort();
      assert.deepEqual(paths, ['me.checkIns', 'me.currentState']);
      assert.ok(partial.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'));
    }

    const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    assert.match(metrics, /gateway_circuit_open\{[^}]*subgraph="emotions"[^}]*\} 1/);

    await stack.startEmotions();
    const healed = await until(
      'the gateway to answer fully again within 10 s of the subgraph’s return',
      async () => {
        const answer = await ask();
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        return answer;
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    assert.deepEqual(healed.data?.me?.checkIns, []);
    const after = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    assert.match(after, /gateway_circuit_open\{[^}]*subgraph="emotions"[^}]*\} 0/);
  });

  test('a root field of the missing subgraph is null with its path; the rest answers', async () => {
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    await stack.stopEmotions();
    try {
      const answer = await graphql(
        stack.gatewayUrl,
        'mutation { recordCheckIn(mood: 3, energy: 3) { id } }',
        {},
        { token: bo.accessToken },
      );
      assert.deepEqual(answer.errors?.[0]?.path, ['recordCheckIn']);
      assert.equal(answer.errors?.[0]?.extensions?.code, 'SERVICE_UNAVAILABLE');
    } finally {
      await stack.startEmotions();
    }
  });
});
