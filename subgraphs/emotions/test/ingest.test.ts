import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  type RecordBiometricsAnswer,
  HEART_PHASES,
  samplesFromBeats,
  simulateHeart,
  sampleInputs,
} from '@mindscape/biosignals';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

type IngestResult = RecordBiometricsAnswer;

const iso = (ms: number) => new Date(ms).toISOString();

describe('recordBiometrics through the gateway', () => {
  const stack = useTestStack();
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('valid samples are kept, each invalid one is reported by index; a retry changes no count', async () => {
    const ana = await signUp(url);
    const now = Date.now();
    const samples = [
      { timestamp: iso(now - 3000), heartRate: 64, rrIntervals: [930, 940] },
      { timestamp: iso(now - 2000), heartRate: 300 },
      { timestamp: iso(now - 1000), rrIntervals: [900, 120] },
      { timestamp: iso(now + 10 * 60_000), heartRate: 70 },
      { timestamp: iso(now - 31 * 24 * 3600_000), heartRate: 70 },
      { timestamp: iso(now - 500) },
      {
        timestamp: iso(now),
        heartRate: 66,
        spo2: 97,
        respirationRate: 12,
        skinTemperature: 33.1,
        steps: 3,
      },
    ];
    const first = await graphql<IngestResult>(
      url,
      RECORD_BIOMETRICS,
      { input: { samples } },
      { token: ana.accessToken },
    );
    assert.equal(first.data?.recordBiometrics.accepted, 2, JSON.stringify(first));
    assert.equal(first.data?.recordBiometrics.duplicates, 0);
    const reasons = Object.fromEntries(
      first.data!.recordBiometrics.rejected.map((r) => [r.index, r.reason]),
    );
    assert.deepEqual(Object.keys(reasons).map(Number), [1, 2, 3, 4, 5]);
    assert.match(reasons[1]!, /heartRate 300 is outside 25–250/);
    assert.match(reasons[2]!, /rrIntervals\[1\]/);
    assert.match(reasons[3]!, /future/);
    assert.match(reasons[4]!, /30 days/);
    assert.match(reasons[5]!, /no measurement/);

    const retry = await graphql<IngestResult>(
      url,
      RECORD_BIOMETRICS,
      { input: { samples } },
      { token: ana.accessToken },
    );
    assert.deepEqual(
      {
        accepted: retry.data?.recordBiometrics.accepted,
        duplicates: retry.data?.recordBiometrics.duplicates,
      },
      { accepted: 0, duplicates: 2 },
    );
    assert.equal(
      await stack.emotions.services.models.samples.countDocuments({ userId: ana.userId }),
      2,
    );
  });

  test('non-numbers and malformed timestamps are refused as a whole, writing nothing', async () => {
    const ana = await signUp(url);
    for (const sample of [
      { timestamp: iso(Date.now()), heartRate: 'fast' },
      { timestamp: '2026-01-01 10:00', heartRate: 70 },
      { timestamp: iso(Date.now()), rrIntervals: [900, null] },
    ]) {
      const response = await graphql(
        url,
        RECORD_BIOMETRICS,
        { input: { samples: [sample] } },
        { token: ana.accessToken },
      );
      assert.deepEqual(
        [...new Set(errorCodes(response))],
        ['BAD_USER_INPUT'],
        JSON.stringify(sample),
      );
    }
    // JSON cannot carry NaN; a number too large for a double parses as Infinity and is refused.
    const infinite = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.accessToken}` },
      body: `{"query": ${JSON.stringify(RECORD_BIOMETRICS)}, "variables": {"input": {"samples": [{"timestamp": "${iso(Date.now())}", "heartRate": 1e999}]}}}`,
    });
    assert.equal(infinite.status, 400);
    assert.equal(
      await stack.emotions.services.models.samples.countDocuments({ userId: ana.userId }),
      0,
    );
  });

  test('a batch over 10,000 samples is refused whole', async () => {
    const ana = await signUp(url);
    const start = Date.now() - 20_000_000;
    const samples = Array.from({ length: 10_001 }, (_, i) => ({
      timestamp: iso(start + i * 1000),
      heartRate: 60,
    }));
    const response = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { samples } },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT']);
    assert.equal(response.errors![0]!.extensions!.field, 'input.samples');
    assert.equal(
      await stack.emotions.services.models.samples.countDocuments({ userId: ana.userId }),
      0,
    );
  });

  test('devices write only for themselves and their owner; a revoked device is refused', async () => {
    const ana = await signUp(url, 'Ana');
    const ben = await signUp(url, 'Ben');
    const register =
      'mutation { registerDevice(kind: WEARABLE, name: "strap") { token device { id } } }';
    const anaDevice = (
      await graphql<{ registerDevice: { token: string; device: { id: string } } }>(
        url,
        register,
        {},
        { token: ana.accessToken },
      )
    ).data!.registerDevice;
    const benDevice = (
      await graphql<{ registerDevice: { token: string; device: { id: string } } }>(
        url,
        register,
        {},
        { token: ben.accessToken },
      )
    ).data!.registerDevice;
    const sample = { timestamp: iso(Date.now()), heartRate: 70 };

    const own = await graphql<IngestResult>(
      url,
      RECORD_BIOMETRICS,
      { input: { samples: [sample] } },
      { token: anaDevice.token },
    );
    assert.equal(own.data?.recordBiometrics.accepted, 1);
    const foreignBySession = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { deviceId: benDevice.device.id, samples: [sample] } },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(foreignBySession), ['FORBIDDEN']);
    const foreignByDevice = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { deviceId: benDevice.device.id, samples: [sample] } },
      { token: anaDevice.token },
    );
    assert.deepEqual(errorCodes(foreignByDevice), ['FORBIDDEN']);
    const ownBySession = await graphql<IngestResult>(
      url,
      RECORD_BIOMETRICS,
      { input: { deviceId: anaDevice.device.id, samples: [{ ...sample, heartRate: 71 }] } },
      { token: ana.accessToken },
    );
    assert.equal(
      ownBySession.data?.recordBiometrics.duplicates,
      1,
      'same device, same instant: already stored',
    );

    await graphql(
      url,
      'mutation($id: ID!) { revokeDevice(id: $id) { id } }',
      { id: anaDevice.device.id },
      { token: ana.accessToken },
    );
    const revoked = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { samples: [sample] } },
      { token: anaDevice.token },
    );
    assert.deepEqual(errorCodes(revoked), ['UNAUTHENTICATED']);
    const revokedBySession = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { deviceId: anaDevice.device.id, samples: [sample] } },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(revokedBySession), ['FORBIDDEN']);
  });

  test('anonymous ingest is UNAUTHENTICATED', async () => {
    const response = await graphql(url, RECORD_BIOMETRICS, {
      input: { samples: [{ timestamp: iso(Date.now()), heartRate: 70 }] },
    });
    assert.deepEqual(errorCodes(response), ['UNAUTHENTICATED']);
  });

  test('state spans subgraphs, is private, and opens to consent by scope', async () => {
    const ana = await signUp(url, 'Ana');
    const coach = await signUp(url, 'Coach');
    const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 90 }], {
      start: Date.now() - 100_000,
      seed: 5,
    });
    const samples = sampleInputs(samplesFromBeats(beats));
    await graphql(url, RECORD_BIOMETRICS, { input: { samples } }, { token: ana.accessToken });
    await stack.emotions.services.engine.settle();

    const mine = await graphql<{
      me: {
        displayName: string;
        currentState: { heartRate: number; label: string; user: { displayName: string } };
      };
    }>(
      url,
      '{ me { displayName currentState { heartRate label stress hrv { rmssd sdnn } user { displayName } } } }',
      {},
      { token: ana.accessToken },
    );
    assert.equal(mine.data?.me.currentState.user.displayName, 'Ana', JSON.stringify(mine));
    assert.ok(
      mine.data!.me.currentState.heartRate > 50 && mine.data!.me.currentState.heartRate < 90,
    );

    const peek = 'query($id: ID!) { user(id: $id) { displayName currentState { stress } } }';
    const refused = await graphql(url, peek, { id: ana.userId }, { token: coach.accessToken });
    assert.deepEqual(errorCodes(refused), ['FORBIDDEN']);
    assert.deepEqual(refused.errors![0]!.path, ['user', 'currentState']);

    await graphql(
      url,
      'mutation($e: String!) { grantConsent(scope: LIVE_STATE, granteeEmail: $e) { id } }',
      { e: coach.email },
      { token: ana.accessToken },
    );
    const allowed = await graphql<{ user: { currentState: { stress: number } } }>(
      url,
      peek,
      { id: ana.userId },
      { token: coach.accessToken },
    );
    assert.equal(allowed.errors, undefined, JSON.stringify(allowed.errors));
    assert.equal(typeof allowed.data?.user.currentState.stress, 'number');

    const history = await graphql(
      url,
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { user(id: $id) { stateHistory(from: $from, to: $to) { stress } } }',
      { id: ana.userId, from: iso(Date.now() - 3600_000), to: iso(Date.now()) },
      { token: coach.accessToken },
    );
    assert.deepEqual(
      errorCodes(history),
      ['FORBIDDEN'],
      'LIVE_STATE consent does not open history',
    );
  });

  test('hrv over a range equals the features of the stored beats; history is downsampled', async () => {
    const ana = await signUp(url);
    const start = Date.now() - 400_000;
    const beats = simulateHeart([{ ...HEART_PHASES.rest, seconds: 300 }], { start, seed: 8 });
    const samples = sampleInputs(samplesFromBeats(beats));
    for (let i = 0; i < samples.length; i += 30) {
      await graphql(
        url,
        RECORD_BIOMETRICS,
        { input: { samples: samples.slice(i, i + 30) } },
        { token: ana.accessToken },
      );
      await stack.emotions.services.engine.update(ana.userId);
    }
    const { hrvFeatures } = await import('@mindscape/biosignals');
    const expected = hrvFeatures(beats);
    const response = await graphql<{
      me: { hrv: { rmssd: number; sdnn: number; beats: number }; stateHistory: unknown[] };
    }>(
      url,
      'query($from: DateTime!, $to: DateTime!) { me { hrv(from: $from, to: $to) { rmssd sdnn beats } stateHistory(from: $from, to: $to, resolution: 5) { stress updatedAt } } }',
      { from: iso(start - 1000), to: iso(Date.now()) },
      { token: ana.accessToken },
    );
    const hrv = response.data!.me.hrv;
    assert.equal(hrv.beats, beats.length);
    assert.ok(
      Math.abs(hrv.rmssd - expected.rmssd!) < 1e-6 && Math.abs(hrv.sdnn - expected.sdnn!) < 1e-6,
    );
    assert.ok(
      response.data!.me.stateHistory.length <= 5 && response.data!.me.stateHistory.length >= 3,
    );

    const bad = await graphql(
      url,
      'query($from: DateTime!, $to: DateTime!) { me { hrv(from: $from, to: $to) { rmssd } } }',
      { from: iso(Date.now()), to: iso(Date.now() - 1000) },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
  });
});
