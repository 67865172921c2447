import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECORD_BIOMETRICS } from '@mindscape/biosignals';
import { CloseCode } from '@mindscape/gateway';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  useTestStack,
  type TestStack,
} from '@mindscape/test-kit';

const DELETE = 'mutation($p: String!) { deleteAccount(password: $p) }';
const CHECK_IN = 'mutation { recordCheckIn(mood: 4, energy: 3) { id } }';
const JOURNAL = 'mutation { recordEmotion(text: "a calm morning by the sea") { id } }';
const samples = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    timestamp: new Date(Date.now() - (n - i) * 1000).toISOString(),
    heartRate: 62,
  }));

/** How many of the person's rows each emotions collection still holds. */
async function emotionsRows(stack: TestStack, userId: string) {
  const m = stack.emotions.services.models;
  return {
    samples: await m.samples.countDocuments({ userId }),
    states: await m.states.countDocuments({ userId }),
    latestStates: await m.latestStates.countDocuments({ _id: userId }),
    recentWindows: await m.recentWindows.countDocuments({ _id: userId }),
    checkIns: await m.checkIns.countDocuments({ userId }),
    emotionReadings: await m.emotionReadings.countDocuments({ userId }),
  };
}
const none = {
  samples: 0,
  states: 0,
  latestStates: 0,
  recentWindows: 0,
  checkIns: 0,
  emotionReadings: 0,
};

/** A person with data in the emotions subgraph and a wearable's token. */
async function personWithData(stack: TestStack) {
  const url = stack.gatewayUrl;
  const ana = await signUp(url);
  const device = await graphql<{ registerDevice: { token: string } }>(
    url,
    'mutation { registerDevice(kind: WEARABLE, name: "strap") { token } }',
    {},
    { token: ana.accessToken },
  );
  for (const [query, variables] of [
    [RECORD_BIOMETRICS, { input: { samples: samples(10) } }],
    [CHECK_IN, {}],
    [JOURNAL, {}],
  ] as const)
    assert.deepEqual(
      errorCodes(await graphql(url, query, variables, { token: ana.accessToken })),
      [],
    );
  await stack.emotions.services.engine.settle();
  const before = await emotionsRows(stack, ana.userId);
  assert.ok(
    Object.values(before).every((count) => count > 0),
    JSON.stringify(before),
  );
  return { ...ana, deviceToken: device.data!.registerDevice.token };
}

describe('deleteAccount reaches every subgraph (issue 13, finding 5)', () => {
  const stack = useTestStack({ engine: { minIntervalMs: 0 }, deletionRetryMs: 100 });

  test('the person’s data goes from emotions too, and no old token writes again', async () => {
    const url = stack.gatewayUrl;
    const ana = await personWithData(stack);
    // The wearable's live view: its socket is open when the account goes.
    const client = graphqlWsClient(url, { authorization: `Bearer ${ana.deviceToken}` });
    try {
      const live = recordEvents(client, 'subscription { stateChanged { heartRate } }');
      for (let attempt = 0; live.results.length === 0 && attempt < 40; attempt++) {
        // A new heart rate each time: a state event goes out only when the state changed.
        const beat = [{ timestamp: new Date().toISOString(), heartRate: 70 + attempt * 3 }];
        await graphql(
          url,
          RECORD_BIOMETRICS,
          { input: { samples: beat } },
          { token: ana.deviceToken },
        );
        await live.until(1, 250).catch(() => undefined);
      }
      assert.ok(live.results.length > 0, 'the wearable saw its state');
      assert.deepEqual(
        (await graphql(url, DELETE, { p: ana.password }, { token: ana.accessToken })).data,
        { deleteAccount: true },
      );
      assert.equal(
        await live.until(live.results.length + 1, 10_000).then(
          () => 'an event arrived',
          (error: Error) => error.message,
        ),
        `socket closed with ${CloseCode.AccessRevoked}`,
      );
    } finally {
      await client.dispose();
    }
    assert.deepEqual(await emotionsRows(stack, ana.userId), none);
    for (const [query, variables, token] of [
      [CHECK_IN, {}, ana.accessToken],
      [JOURNAL, {}, ana.accessToken],
      [RECORD_BIOMETRICS, { input: { samples: samples(1) } }, ana.deviceToken],
    ] as const) {
      assert.deepEqual(
        errorCodes(await graphql(url, query, variables, { token })),
        ['UNAUTHENTICATED'],
        query,
      );
    }
    assert.deepEqual(await emotionsRows(stack, ana.userId), none);
    // Every service of ACCOUNT_DATA_SERVICES (emotions, stories) confirmed: nothing left to retry.
    const pending = await stack.users.services.models.accountDeletions.findById(ana.userId).lean();
    assert.equal(pending, null, JSON.stringify(pending));
  });

  test('a subgraph that is down when the account goes forgets the person once it is back', async () => {
    const url = stack.gatewayUrl;
    const ana = await personWithData(stack);
    await stack.stopEmotions();
    try {
      assert.deepEqual(
        (await graphql(url, DELETE, { p: ana.password }, { token: ana.accessToken })).data,
        { deleteAccount: true },
      );
      const recorded = await stack.users.services.models.accountDeletions
        .findById(ana.userId)
        .lean();
      assert.ok(recorded?.pending.includes('emotions'), 'the deletion waits for emotions');
    } finally {
      await stack.startEmotions();
    }
    await until(
      'the deletion to be confirmed by every service',
      async () => {
        const left = await stack.users.services.models.accountDeletions.findById(ana.userId).lean();
        if (left) throw new Error(`still pending: ${JSON.stringify(left)}`);
        return true;
      },
      { timeoutMs: 15_000 },
    );
    assert.deepEqual(await emotionsRows(stack, ana.userId), none);
  });
});
