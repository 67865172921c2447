import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RECORD_BIOMETRICS,
  SCENARIOS,
  samplesFromBeats,
  sampleInputs,
  simulateHeart,
} from '@mindscape/biosignals';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const SAVE = `mutation($input: ListeningSessionInput!) { recordListeningSession(input: $input) {
  id program durationSeconds exposureSeconds adjustments heartRateStart heartRateEnd rmssdStart rmssdEnd stressStart stressEnd user { displayName } } }`;
const LIST = `query($id: ID!, $from: DateTime!, $to: DateTime!) { user(id: $id) { listeningSessions(from: $from, to: $to) { id program } } }`;

type Saved = {
  recordListeningSession: {
    id: string;
    program: string;
    durationSeconds: number;
    heartRateStart: number | null;
    heartRateEnd: number | null;
    rmssdStart: number | null;
    rmssdEnd: number | null;
    user: { displayName: string };
  };
};

const stack = useTestStack({ engine: { minIntervalMs: 0 } });

test('a session is saved with the body change read from stored states, once per client id', async () => {
  const ana = await signUp(stack.gatewayUrl, 'Ana');
  // Ten minutes of "stress" (rest, then stress), ending now.
  const seconds = SCENARIOS.stress.reduce((sum, p) => sum + p.seconds, 0);
  const start = Date.now() - seconds * 1000;
  const samples = sampleInputs(samplesFromBeats(simulateHeart(SCENARIOS.stress, { start })));
  for (let i = 0; i < samples.length; i += 10) {
    await graphql(
      stack.gatewayUrl,
      RECORD_BIOMETRICS,
      { input: { samples: samples.slice(i, i + 10) } },
      { token: ana.accessToken },
    );
    await stack.emotions.services.engine.update(ana.userId);
  }
  const input = {
    clientId: 'session-1',
    program: 'relax',
    startedAt: new Date(start + 60_000).toISOString(),
    endedAt: new Date(start + seconds * 1000 - 1000).toISOString(),
    exposureSeconds: 500,
    adjustments: 7,
  };
  const saved = await graphql<Saved>(stack.gatewayUrl, SAVE, { input }, { token: ana.accessToken });
  const session = saved.data!.recordListeningSession;
  assert.equal(session.program, 'relax');
  assert.equal(session.user.displayName, 'Ana');
  assert.equal(session.durationSeconds, seconds - 61);
  // Rest at the start, stress at the end: the heart sped up and its variability fell.
  assert.ok(session.heartRateStart! < session.heartRateEnd! - 10, JSON.stringify(session));
  assert.ok(session.rmssdStart! > session.rmssdEnd!, JSON.stringify(session));

  const again = await graphql<Saved>(stack.gatewayUrl, SAVE, { input }, { token: ana.accessToken });
  assert.equal(again.data!.recordListeningSession.id, session.id);

  const range = {
    id: ana.userId,
    from: new Date(start).toISOString(),
    to: new Date().toISOString(),
  };
  const listed = await graphql<{ user: { listeningSessions: Array<{ id: string }> } }>(
    stack.gatewayUrl,
    LIST,
    range,
    { token: ana.accessToken },
  );
  assert.deepEqual(
    listed.data!.user.listeningSessions.map((s) => s.id),
    [session.id],
  );

  // Someone without consent sees nothing of it.
  const ben = await signUp(stack.gatewayUrl, 'Ben');
  const refused = await graphql(stack.gatewayUrl, LIST, range, { token: ben.accessToken });
  assert.deepEqual(errorCodes(refused), ['FORBIDDEN']);
});

test('impossible sessions are refused, naming the field; nothing is stored', async () => {
  const ana = await signUp(stack.gatewayUrl, 'Ana');
  const now = Date.now();
  const good = {
    clientId: 'ok',
    program: 'focus',
    startedAt: new Date(now - 600_000).toISOString(),
    endedAt: new Date(now).toISOString(),
    exposureSeconds: 600,
    adjustments: 0,
  };
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ clientId: '../../etc' }, 'input.clientId'],
    [{ program: '' }, 'input.program'],
    [{ program: 'x'.repeat(65) }, 'input.program'],
    [{ program: 'relax\u0000' }, 'input.program'],
    [{ endedAt: new Date(now - 700_000).toISOString() }, 'input.endedAt'],
    [{ startedAt: new Date(now - 13 * 3600_000).toISOString() }, 'input.endedAt'],
    [{ endedAt: new Date(now + 3600_000).toISOString() }, 'input.endedAt'],
    [{ exposureSeconds: 601 * 2 }, 'input.exposureSeconds'],
    [{ exposureSeconds: -1 }, 'input.exposureSeconds'],
    [{ adjustments: 10_001 }, 'input.adjustments'],
  ];
  for (const [change, field] of cases) {
    const response = await graphql(
      stack.gatewayUrl,
      SAVE,
      { input: { ...good, ...change } },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT'], JSON.stringify(change));
    assert.equal(response.errors![0]!.extensions!.field, field);
    assert.ok(response.errors![0]!.extensions!.allowed);
  }
  const unauthenticated = await graphql(stack.gatewayUrl, SAVE, { input: good });
  assert.deepEqual(errorCodes(unauthenticated), ['UNAUTHENTICATED']);
  assert.equal(
    await stack.emotions.services.models.listeningSessions.countDocuments({ userId: ana.userId }),
    0,
  );
});
