import {
  RECORD_BIOMETRICS,
  samplesFromBeats,
  sampleInputs,
  simulateHeart,
  type HeartPhase,
} from '@mindscape/biosignals';
import { graphql, type SignedUp } from './client.js';
import type { TestStack } from './stack.js';

/**
 * A simulated strap through the gateway, faster than real time: the phases' beats as samples
 * in batches of `batch`, the person's live state brought up to date after each (so rules and
 * reads see it at once). Answers the person's state as the graph then reads it.
 */
export async function wearHeart(
  stack: TestStack,
  person: SignedUp,
  phases: HeartPhase[],
  seed: number,
  batch = 10,
): Promise<{ stress: number; heartRate: number }> {
  const total = phases.reduce((sum, p) => sum + p.seconds, 0);
  const samples = sampleInputs(
    samplesFromBeats(simulateHeart(phases, { start: Date.now() - total * 1000, seed })),
  );
  for (let i = 0; i < samples.length; i += batch) {
    await graphql(
      stack.gatewayUrl,
      RECORD_BIOMETRICS,
      { input: { samples: samples.slice(i, i + batch) } },
      { token: person.accessToken },
    );
    await stack.emotions.services.engine.update(person.userId);
  }
  const state = await graphql<{ me: { currentState: { stress: number; heartRate: number } } }>(
    stack.gatewayUrl,
    '{ me { currentState { stress heartRate } } }',
    {},
    { token: person.accessToken },
  );
  return state.data!.me.currentState;
}
