/**
 * A client whose socket dropped (its gateway ended, the network went) reconnects saying it
 * resumes (`resumed: true` in connection_init, as the web client does): each of its streams
 * starts with EVENTS_MAY_HAVE_BEEN_MISSED, so it re-reads what it shows. A first connection
 * gets no such notice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  untilHeard,
  useTestStack,
  type EventLog,
} from '@mindscape/test-kit';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WATCH = 'subscription { emotionRecorded { text } }';
type Log = EventLog<{ emotionRecorded: { text: string } | null }>;
const codes = (log: Log) =>
  log.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

describe('a resumed connection hears of the gap first', () => {
  const stack = useTestStack();

  test('resumed: the notice, then events; first connection: events only', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const authorization = `Bearer ${ana.accessToken}`;
    const resumed = graphqlWsClient(stack.gatewayUrl, { authorization, resumed: true });
    const fresh = graphqlWsClient(stack.gatewayUrl, { authorization });
    try {
      const afterDrop = recordEvents(resumed, WATCH) as Log;
      const first = recordEvents(fresh, WATCH) as Log;
      let line = 0;
      await untilHeard([afterDrop, first], async () => {
        const text = `line ${++line}`;
        await graphql(stack.gatewayUrl, RECORD, { t: text }, { token: ana.accessToken });
        return text;
      });
      assert.deepEqual(codes(afterDrop), ['EVENTS_MAY_HAVE_BEEN_MISSED']);
      assert.ok(afterDrop.results[0]!.errors, 'the notice comes first');
      assert.deepEqual(codes(first), []);
    } finally {
      await resumed.dispose();
      await fresh.dispose();
    }
  });
});
