import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { RECORD_BIOMETRICS, type RecordBiometricsAnswer } from '@mindscape/biosignals';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const CURRENT = '{ me { currentState { heartRate } } }';
const iso = (ms: number) => new Date(ms).toISOString();
/** One sample a second over `seconds`, ending `endAgoMs` before now. */
const steady = (heartRate: number, seconds: number, endAgoMs: number, now: number) =>
  Array.from({ length: seconds }, (_, i) => ({
    timestamp: iso(now - endAgoMs - (seconds - 1 - i) * 1000),
    heartRate,
  }));

describe('issue 13, finding 8: replayed batches and device tokens', () => {
  const stack = useTestStack({ engine: { minIntervalMs: 0 } });
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('a replayed batch with other values, or an older one, never replaces the live state', async () => {
    const ana = await signUp(url);
    const now = Date.now();
    const live = steady(60, 20, 0, now);
    const record = async (samples: unknown[]) => {
      const answer = await graphql<RecordBiometricsAnswer>(
        url,
        RECORD_BIOMETRICS,
        { input: { samples } },
        { token: ana.accessToken },
      );
      await stack.emotions.services.engine.settle();
      return answer.data?.recordBiometrics;
    };
    const heartRate = async () =>
      (
        await graphql<{ me: { currentState: { heartRate: number } } }>(
          url,
          CURRENT,
          {},
          { token: ana.accessToken },
        )
      ).data?.me.currentState.heartRate;

    assert.deepEqual(await record(live), { accepted: 20, duplicates: 0, rejected: [] });
    assert.equal(await heartRate(), 60);
    // The same instants again, with values an attacker (or a confused device) chose.
    const replayed = live.map((s) => ({ ...s, heartRate: 180 }));
    assert.deepEqual(await record(replayed), { accepted: 0, duplicates: 20, rejected: [] });
    assert.equal(await heartRate(), 60);
    // A batch from before the live window's newest sample.
    assert.deepEqual(await record(steady(180, 10, 30_000, now)), {
      accepted: 10,
      duplicates: 0,
      rejected: [],
    });
    assert.equal(await heartRate(), 60);
    const stored = await stack.emotions.services.models.states
      .find({ userId: ana.userId, heartRate: 180 })
      .lean();
    assert.deepEqual(stored, [], 'no state ever read 180');
  });

  test('a device token ingests and reads its owner’s current state, and nothing else', async () => {
    const ana = await signUp(url);
    const registered = await graphql<{ registerDevice: { token: string } }>(
      url,
      'mutation { registerDevice(kind: WEARABLE, name: "strap") { token } }',
      {},
      { token: ana.accessToken },
    );
    const token = registered.data!.registerDevice.token;
    const samples = steady(64, 5, 0, Date.now());
    const ingest = await graphql(url, RECORD_BIOMETRICS, { input: { samples } }, { token });
    assert.deepEqual(errorCodes(ingest), []);
    await stack.emotions.services.engine.settle();
    const current = await graphql<{ me: { currentState: { heartRate: number } } }>(
      url,
      CURRENT,
      {},
      { token },
    );
    assert.equal(current.data?.me.currentState.heartRate, 64);

    const range = `from: "${iso(Date.now() - 3600_000)}", to: "${iso(Date.now())}"`;
    for (const query of [
      '{ me { email } }',
      '{ me { consents { id } } }',
      '{ me { consentsReceived { id } } }',
      '{ me { consentAudit { at } } }',
      '{ me { devices { id } } }',
      `{ me { emotionReadings(${range}) { text } } }`,
      `{ me { checkIns(${range}) { mood } } }`,
      `{ me { stateHistory(${range}) { heartRate } } }`,
      `{ me { listeningSessions(${range}) { id } } }`,
      'mutation { recordEmotion(text: "written by a strap") { id } }',
      'mutation { recordCheckIn(mood: 3, energy: 3) { id } }',
    ]) {
      assert.deepEqual(errorCodes(await graphql(url, query, {}, { token })), ['FORBIDDEN'], query);
    }
  });
});
