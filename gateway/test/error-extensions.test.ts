import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, startSubgraphService, type RunningService } from '@mindscape/platform';
import {
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  untilHeard,
  useTestStack,
  type EventLog,
} from '@mindscape/test-kit';
import { GraphQLError, parse } from 'graphql';
import { clientExtensions, errorForClient, fromSubgraph } from '../src/client-errors.js';
import type { RunningGateway } from '../src/index.js';

/**
 * What a misconfigured or compromised subgraph might put beside the extensions clients may
 * read: a stack trace (Apollo Server's `stacktrace`, older servers' `exception`), an internal
 * address, an object where a string belongs.
 */
const INTERNALS = {
  stacktrace: ['Error: stale', '    at updateStory (/srv/leaky/src/store.ts:41:11)'],
  exception: { stacktrace: ['Error: stale'], host: '10.0.0.7', query: 'MATCH (s:Story) …' },
  detail: 'http://10.0.0.7:4001 did not answer (connect ECONNREFUSED)',
};
const LEGITIMATE_CONFLICT = {
  code: 'CONFLICT',
  field: 'expectedVersion',
  allowed: 'the current version',
  currentVersion: 3,
};
const conflict = () =>
  new GraphQLError('The story changed.', {
    extensions: { ...LEGITIMATE_CONFLICT, ...INTERNALS },
  });
const busy = () =>
  new GraphQLError('Busy; try again shortly.', {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 5,
      // Allowed names with values of the wrong type go too.
      field: { sql: 'SELECT * FROM people' },
      allowed: ['10.0.0.7'],
      ...INTERNALS,
    },
  });

/**
 * A deliberately misbehaving extra subgraph behind the real gateway, served by the platform's
 * subgraph service (so it checks the gateway's assertions as MindScape's subgraphs do): every
 * error it raises carries internals beside its legitimate extensions, over HTTP and over
 * graphql-ws, at the root, on a person (an entity fetch in the query plan) and in events.
 */
function startLeaky(secret: string): Promise<RunningService> {
  return startSubgraphService({
    name: 'leaky',
    schema: buildSubgraphSchema({
      typeDefs:
        parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { leak: String }
        type Subscription { leaks: Leak }
        type Leak { n: Int! note: String }
        type User @key(fields: "id") { id: ID! leakyNote: String }`),
      resolvers: {
        Query: {
          leak: () => {
            throw conflict();
          },
        },
        Subscription: {
          leaks: {
            subscribe: async function* () {
              yield { leaks: { n: 1 } };
              yield { leaks: { n: 2 } };
            },
          },
        },
        Leak: {
          note: ({ n }: { n: number }) => {
            if (n === 1) throw conflict();
            // An error no one gave a code: graphql-ws sends its raw message on.
            throw new Error('connect ECONNREFUSED 10.0.0.7:27017 (users_db)');
          },
        },
        User: {
          __resolveReference: (reference: { id: string }) => reference,
          leakyNote: () => {
            throw busy();
          },
        },
      },
    }),
    assertionSecret: secret,
    context: () => ({}),
    logger: createLogger('leaky', 'silent'),
    port: 0,
    subscriptions: true,
  });
}

interface Failed {
  message: string;
  path?: unknown[];
  extensions?: Record<string, unknown>;
}

describe('errors from a subgraph that sends internals', () => {
  const stack = useTestStack();
  let leaky: RunningService;
  let gateway: RunningGateway;
  before(async () => {
    leaky = await startLeaky(stack.secret);
    gateway = await stack.addGateway(
      `users=${stack.users.url},emotions=${stack.emotions.url},leaky=${leaky.url}`,
    );
  });
  after(async () => {
    await leaky?.close();
  });

  test('over HTTP, clients get the allow-listed extensions only, at the root and nested', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const root = await graphql(gateway.url, '{ leak }');
    assert.equal(root.status, 200);
    assert.deepEqual(root.errors as Failed[], [
      {
        message: 'The story changed.',
        path: ['leak'],
        extensions: { ...LEGITIMATE_CONFLICT, serviceName: 'leaky' },
      },
    ]);

    const nested = await graphql<{ me: { displayName: string; leakyNote: null } }>(
      gateway.url,
      '{ me { displayName leakyNote } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(nested.data, { me: { displayName: 'Ana', leakyNote: null } });
    assert.deepEqual(nested.errors as Failed[], [
      {
        message: 'Busy; try again shortly.',
        path: ['me', 'leakyNote'],
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5, serviceName: 'leaky' },
      },
    ]);
  });

  test('over WebSocket, events’ errors are formatted as HTTP’s, from the source and from the plan', async (t) => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const client = graphqlWsClient(gateway.url, { authorization: `Bearer ${ana.accessToken}` });
    t.after(() => client.dispose());

    // Errors in the events of the leaky subgraph's own subscription.
    const leaks = recordEvents(client, 'subscription { leaks { n note } }');
    await leaks.until(2);
    assert.deepEqual(
      leaks.results.map((r) => [r.data, r.errors]),
      [
        [
          { leaks: { n: 1, note: null } },
          [
            {
              message: 'The story changed.',
              path: ['leaks', 'note'],
              extensions: LEGITIMATE_CONFLICT,
            },
          ],
        ],
        [
          { leaks: { n: 2, note: null } },
          [
            {
              // Unexpected (no code): masked, as HTTP masks a subgraph's unexpected errors.
              message: 'Internal server error; it has been logged.',
              path: ['leaks', 'note'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        ],
      ],
    );

    // An error of a field the plan fetches from the leaky subgraph for each emotions event.
    const readings: EventLog<unknown> = recordEvents(
      client,
      'subscription { emotionRecorded { text user { leakyNote } } }',
    );
    let round = 0;
    await untilHeard([readings], async () => {
      const text = `a calm morning ${++round}`;
      await graphql(
        gateway.url,
        'mutation($t: String!) { recordEmotion(text: $t) { id } }',
        { t: text },
        { token: ana.accessToken },
      );
      return text;
    });
    const heard = readings.results.at(-1)!;
    assert.deepEqual(heard.data, {
      emotionRecorded: { text: `a calm morning ${round}`, user: { leakyNote: null } },
    });
    assert.deepEqual(heard.errors as Failed[], [
      {
        message: 'Busy; try again shortly.',
        path: ['emotionRecorded', 'user', 'leakyNote'],
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5, serviceName: 'leaky' },
      },
    ]);
  });
});

describe('the extensions clients may see (pure)', () => {
  test('the allow-listed ones of their type; an http status never steers the gateway', () => {
    const clean = { code: 'BAD_USER_INPUT', field: 'text', allowed: '1–5,000 characters' };
    assert.equal(clientExtensions(clean), clean, 'nothing to strip: the same object');
    assert.deepEqual(
      fromSubgraph({
        message: 'refused',
        path: ['a'],
        extensions: {
          code: 'TOO_MANY_REQUESTS',
          retryAfterSeconds: 5,
          currentVersion: Number.NaN,
          http: { status: 500 },
          serviceName: 7,
          ...INTERNALS,
        },
      }),
      {
        message: 'refused',
        path: ['a'],
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 5 },
      },
    );
  });

  test('over WebSocket an uncoded error is internal, as Apollo makes it over HTTP', () => {
    const heard: unknown[] = [];
    const raw = new GraphQLError('connect ECONNREFUSED 10.0.0.7:27017');
    const sent = errorForClient(raw, (error) => heard.push(error));
    assert.equal(sent.extensions.code, 'INTERNAL_SERVER_ERROR');
    assert.doesNotMatch(sent.message, /ECONNREFUSED|10\.0\.0\.7/);
    assert.deepEqual(heard, [raw], 'the original is logged');
    const coded = new GraphQLError('Too long.', {
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
    assert.equal(errorForClient(coded), coded, 'a coded, clean error goes as it is');
  });
});
