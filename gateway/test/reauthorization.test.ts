/**
 * A revoked consent makes the gateway open the grantee's shared upstreams again, so each is
 * authorized afresh (decision 0022). A stream that is still allowed carries on, and since
 * events could pass between the old upstream's end and the new one's start, its client is
 * told so (EVENTS_MAY_HAVE_BEEN_MISSED) before the next event, once. Before, the gap passed
 * without notice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  untilHeard,
  useTestStack,
  type EventLog,
} from '@mindscape/test-kit';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const GRANT = 'mutation($e: String!) { grantConsent(scope: JOURNAL, granteeEmail: $e) { id } }';
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id) { id } }';
const WATCH = 'subscription($id: ID) { emotionRecorded(userId: $id) { text } }';

type Log = EventLog<{ emotionRecorded: { text: string } | null }>;
const codes = (log: Log) =>
  log.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

describe('a stream still allowed after a re-authorization hears of the gap', () => {
  const stack = useTestStack();

  test('another person’s revoked consent re-opens the coach’s upstreams; Ana’s stream carries on, told of the gap once', async () => {
    const url = stack.gatewayUrl;
    const ana = await signUp(url, 'Ana');
    const ben = await signUp(url, 'Ben');
    const coach = await signUp(url, 'Coach');
    const anas = await graphql(url, GRANT, { e: coach.email }, { token: ana.accessToken });
    assert.equal(anas.errors, undefined, JSON.stringify(anas.errors));
    const bensConsent = await graphql<{ grantConsent: { id: string } }>(
      url,
      GRANT,
      { e: coach.email },
      { token: ben.accessToken },
    );
    const coachClient = graphqlWsClient(url, { authorization: `Bearer ${coach.accessToken}` });
    try {
      const watched = recordEvents(coachClient, WATCH, { id: ana.userId }) as Log;
      let line = 0;
      const write = async () => {
        const text = `line ${++line}`;
        await graphql(url, RECORD, { t: text }, { token: ana.accessToken });
        return text;
      };
      await untilHeard([watched], write);

      await graphql(
        url,
        REVOKE,
        { id: bensConsent.data!.grantConsent.id },
        { token: ben.accessToken },
      );
      // The gateway hears of the revocation by its held-open follow request; Ana writes until
      // the re-opened upstream delivers, preceded by the notice.
      await until('the gap notice', async () => {
        await write();
        return codes(watched).includes('EVENTS_MAY_HAVE_BEEN_MISSED');
      });
      const last = await write();
      await until('Ana’s next line after the notice', () =>
        watched.results.some((r) => r.data?.emotionRecorded?.text === last),
      );
      assert.deepEqual(codes(watched), ['EVENTS_MAY_HAVE_BEEN_MISSED']);
      const notice = watched.results.findIndex((r) => r.errors);
      assert.ok(
        watched.results.slice(notice + 1).some((r) => r.data?.emotionRecorded?.text === last),
        'the stream carries on after the notice',
      );
    } finally {
      await coachClient.dispose();
    }
  });
});
