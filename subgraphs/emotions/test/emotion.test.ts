import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  asPerson,
  gatewayAssertion,
  errorCodes,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  untilHeard,
  useTestStack,
} from '@mindscape/test-kit';

const RECORD =
  'mutation($t: String!) { recordEmotion(text: $t) { id language valence arousal labels { label score } user { displayName } } }';
type Reading = {
  recordEmotion: {
    id: string;
    language: string;
    valence: number;
    labels: Array<{ label: string; score: number }>;
    user: { displayName: string };
  };
};

describe('recordEmotion and emotionRecorded', () => {
  const stack = useTestStack({ engine: { minIntervalMs: 0 } });

  test('a journal line is read, stored, and spans subgraphs', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const response = await graphql<Reading>(
      stack.gatewayUrl,
      RECORD,
      { t: 'Thank you, I feel so much better today!' },
      { token: ana.accessToken },
    );
    const reading = response.data!.recordEmotion;
    assert.equal(reading.language, 'en');
    assert.equal(reading.labels[0]!.label, 'gratitude');
    assert.equal(reading.user.displayName, 'Ana');
    const stored = await graphql<{ me: { emotionReadings: Array<{ text: string }> } }>(
      stack.gatewayUrl,
      'query($from: DateTime!, $to: DateTime!) { me { emotionReadings(from: $from, to: $to) { text } } }',
      {
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
      { token: ana.accessToken },
    );
    assert.deepEqual(stored.data?.me.emotionReadings, [
      { text: 'Thank you, I feel so much better today!' },
    ]);
  });

  test('empty, 100 KB, control characters and broken UTF-16 are refused; nothing is stored', async () => {
    const ana = await signUp(stack.gatewayUrl);
    for (const t of [
      '   ',
      'x'.repeat(100_000),
      'bell\u0007',
      'half \ud83d surrogate',
      'decoded \ufffd garbage',
    ]) {
      const response = await graphql(stack.gatewayUrl, RECORD, { t }, { token: ana.accessToken });
      assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT'], JSON.stringify(t.slice(0, 20)));
      assert.equal(response.errors![0]!.extensions!.field, 'text');
    }
    assert.equal(
      await stack.emotions.services.models.emotionReadings.countDocuments({ userId: ana.userId }),
      0,
    );
  });

  test('readings reach the person live; a stranger is FORBIDDEN', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const ben = await signUp(stack.gatewayUrl, 'Ben');
    const recorded = { query: 'subscription { emotionRecorded { language labels { label } } }' };
    const client = graphqlWsClient(
      stack.emotions.url,
      await gatewayAssertion(stack.secret, 'emotions', recorded, asPerson(ana.userId)),
    );
    const log = recordEvents<{ emotionRecorded: { language: string } }>(client, recorded.query);
    // The subscription is live once a reading reaches it: the line is written until one does.
    await untilHeard([log], async () => {
      await graphql(
        stack.gatewayUrl,
        RECORD,
        { t: '오늘 정말 행복해요!' },
        { token: ana.accessToken },
      );
    });
    assert.equal(log.results[0]?.data?.emotionRecorded.language, 'ko');
    await client.dispose();

    const peek = await graphql(
      stack.gatewayUrl,
      'query($id: ID!, $from: DateTime!, $to: DateTime!) { user(id: $id) { emotionReadings(from: $from, to: $to) { text } } }',
      {
        id: ana.userId,
        from: new Date(Date.now() - 60_000).toISOString(),
        to: new Date().toISOString(),
      },
      { token: ben.accessToken },
    );
    assert.deepEqual(errorCodes(peek), ['FORBIDDEN']);
  });
});
