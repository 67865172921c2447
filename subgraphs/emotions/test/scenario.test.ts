import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  SCENARIOS,
  samplesFromBeats,
  simulateHeart,
  type HeartPhase,
  sampleInputs,
} from '@mindscape/biosignals';
import { graphql, signUp, useTestStack } from '@mindscape/test-kit';

const BATCH_SECONDS = 5;

const stack = useTestStack({ engine: { minIntervalMs: 0 } });

/** Streams a scenario in 5 s batches (as a wearable would, but faster than real time). */
async function stream(token: string, phases: HeartPhase[], userId: string) {
  const total = phases.reduce((sum, p) => sum + p.seconds, 0);
  const start = Date.now() - total * 1000;
  const samples = sampleInputs(samplesFromBeats(simulateHeart(phases, { start, seed: 11 })));
  const stress: Array<{ second: number; stress: number }> = [];
  let accepted = 0;
  for (let i = 0; i < samples.length; i += BATCH_SECONDS) {
    const batch = samples.slice(i, i + BATCH_SECONDS);
    const result = await graphql<{ recordBiometrics: { accepted: number } }>(
      stack.gatewayUrl,
      RECORD_BIOMETRICS,
      { input: { samples: batch } },
      { token },
    );
    accepted += result.data!.recordBiometrics.accepted;
    const state = await stack.emotions.services.engine.update(userId);
    const latest =
      state ?? (await stack.emotions.services.models.latestStates.findById(userId).lean())?.state;
    if (latest?.stress !== null && latest?.stress !== undefined)
      stress.push({ second: i, stress: latest.stress });
  }
  return { samples, stress, accepted };
}

const meanStress = (
  points: Array<{ second: number; stress: number }>,
  from: number,
  to: number,
) => {
  const inRange = points.filter((p) => p.second >= from && p.second < to).map((p) => p.stress);
  return inRange.reduce((a, b) => a + b, 0) / inRange.length;
};

test('stress rises in the stress scenario, falls with slow breathing; retries change no count', async () => {
  const ana = await signUp(stack.gatewayUrl);
  const stressed = await stream(ana.accessToken, SCENARIOS.stress, ana.userId);
  const rest = meanStress(stressed.stress, 100, 180);
  const peak = meanStress(stressed.stress, 360, 600);
  assert.ok(
    peak > rest + 0.25,
    `stress ${rest.toFixed(2)} at rest → ${peak.toFixed(2)} under stress`,
  );

  const ben = await signUp(stack.gatewayUrl, 'Ben');
  const calming = await stream(ben.accessToken, SCENARIOS['slow-breathing'], ben.userId);
  const tense = meanStress(calming.stress, 100, 240);
  const calm = meanStress(calming.stress, 420, 600);
  assert.ok(
    calm < tense - 0.25,
    `stress ${tense.toFixed(2)} → ${calm.toFixed(2)} with slow breathing`,
  );

  const before = await stack.emotions.services.models.samples.countDocuments({
    userId: ana.userId,
  });
  assert.equal(before, stressed.accepted);
  for (let i = 0; i < stressed.samples.length; i += 500) {
    const retry = await graphql<{ recordBiometrics: { accepted: number; duplicates: number } }>(
      stack.gatewayUrl,
      RECORD_BIOMETRICS,
      { input: { samples: stressed.samples.slice(i, i + 500) } },
      { token: ana.accessToken },
    );
    assert.equal(retry.data!.recordBiometrics.accepted, 0);
  }
  assert.equal(
    await stack.emotions.services.models.samples.countDocuments({ userId: ana.userId }),
    before,
  );
});
