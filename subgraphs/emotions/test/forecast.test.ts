import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const FORECAST =
  'query($id: ID!) { user(id: $id) { moodForecast { date mood energy method trainingDays } } }';
type Forecast = {
  user: {
    moodForecast: { date: string; mood: number; method: string; trainingDays: number } | null;
  };
};

describe('moodForecast through the gateway', () => {
  const stack = useTestStack();

  test('null before check-ins, last value at first, a model after weeks of check-ins', async () => {
    const ana = await signUp(stack.gatewayUrl);
    const ask = () =>
      graphql<Forecast>(stack.gatewayUrl, FORECAST, { id: ana.userId }, { token: ana.accessToken });
    assert.equal((await ask()).data?.user.moodForecast, null);

    await graphql(
      stack.gatewayUrl,
      'mutation { recordCheckIn(mood: 4, energy: 3, note: "ok") { id } }',
      {},
      { token: ana.accessToken },
    );
    const first = (await ask()).data!.user.moodForecast!;
    assert.deepEqual([first.method, first.mood], ['last-value', 4]);
    assert.equal(new Date(first.date).getTime() % 86_400_000, 0, 'a UTC day');

    // Three weeks of earlier check-ins, as if recorded on those days.
    const now = Date.now();
    await stack.emotions.services.models.checkIns.insertMany(
      Array.from({ length: 21 }, (_, i) => ({
        userId: ana.userId,
        mood: 2 + (i % 3),
        energy: 3,
        createdAt: new Date(now - (i + 1) * 86_400_000),
      })),
    );
    const fitted = (await ask()).data!.user.moodForecast!;
    assert.equal(fitted.method, 'model');
    assert.ok(fitted.trainingDays >= 14 && fitted.mood >= 1 && fitted.mood <= 5);
  });

  test('check-in bounds are enforced, and another person’s forecast is FORBIDDEN', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const ben = await signUp(stack.gatewayUrl, 'Ben');
    const bad = await graphql(
      stack.gatewayUrl,
      'mutation { recordCheckIn(mood: 9, energy: 3) { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.equal(bad.errors![0]!.extensions!.field, 'mood');
    const peek = await graphql(
      stack.gatewayUrl,
      FORECAST,
      { id: ana.userId },
      { token: ben.accessToken },
    );
    assert.deepEqual(errorCodes(peek), ['FORBIDDEN']);
  });
});
