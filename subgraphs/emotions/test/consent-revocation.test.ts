import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  useTestStack,
  type EventLog,
  type SignedUp,
  type TestStack,
} from '@mindscape/test-kit';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const GRANT = 'mutation($e: String!) { grantConsent(scope: JOURNAL, granteeEmail: $e) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id } }';
const WATCH = 'subscription($id: ID) { emotionRecorded(userId: $id) { text } }';
const READ = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
  user(id: $id) { emotionReadings(from: $from, to: $to) { text } }
}`;

type Log = EventLog<{ emotionRecorded: { text: string } }>;
const texts = (log: Log) => log.results.map((r) => r.data?.emotionRecorded.text).filter(Boolean);
const codes = (log: Log) =>
  log.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

/** Writes journal lines until every log has one: subscriptions are set up asynchronously. */
async function warmUp(stack: TestStack, person: SignedUp, logs: Log[]) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await graphql(stack.gatewayUrl, RECORD, { t: 'warming up' }, { token: person.accessToken });
    const waiting = Promise.all(logs.map((log) => log.until(1, 250)));
    if (
      await waiting.then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error('the subscriptions never received an event');
}

describe('a revoked consent reaches live streams and reads at once (issue 13, finding 4)', () => {
  const stack = useTestStack();

  test('the grantee’s open stream ends FORBIDDEN, a new one is refused, a read is refused', async () => {
    const url = stack.gatewayUrl;
    const ana = await signUp(url, 'Ana');
    const coach = await signUp(url, 'Coach');
    const granted = await graphql<{ grantConsent: { id: string } }>(
      url,
      GRANT,
      { e: coach.email },
      { token: ana.accessToken },
    );
    const consentId = granted.data!.grantConsent.id;

    const anaClient = graphqlWsClient(url, { authorization: `Bearer ${ana.accessToken}` });
    const coachClient = graphqlWsClient(url, { authorization: `Bearer ${coach.accessToken}` });
    try {
      const own = recordEvents(anaClient, WATCH, {}) as Log;
      const watched = recordEvents(coachClient, WATCH, { id: ana.userId }) as Log;
      await warmUp(stack, ana, [own, watched]);
      const seenBefore = watched.results.length;

      await graphql(url, REVOKE, { id: consentId }, { token: ana.accessToken });

      // A plain read on the very next request.
      const read = await graphql(
        url,
        READ,
        { id: ana.userId, from: new Date(Date.now() - 3600_000), to: new Date() },
        { token: coach.accessToken },
      );
      assert.deepEqual(errorCodes(read), ['FORBIDDEN']);

      // The open stream ends with FORBIDDEN without waiting for another event.
      await watched.until(seenBefore + 1, 10_000);
      assert.deepEqual(codes(watched), ['FORBIDDEN']);

      // The same subscription again does not join a stream it may no longer see.
      const again = recordEvents(coachClient, WATCH, { id: ana.userId }) as Log;
      await again.until(1, 10_000);
      assert.deepEqual(codes(again), ['FORBIDDEN']);

      // Ana writes on; her own stream hears it (the later signal), the coach never does.
      const before = own.results.length;
      await graphql(url, RECORD, { t: 'after the revocation' }, { token: ana.accessToken });
      await own.until(before + 1);
      assert.ok(texts(own).includes('after the revocation'));
      assert.ok(!texts(watched).includes('after the revocation'));
      assert.ok(!texts(again).includes('after the revocation'));
    } finally {
      await anaClient.dispose();
      await coachClient.dispose();
    }
  });
});
