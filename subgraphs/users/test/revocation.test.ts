import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { RECORD_BIOMETRICS } from '@mindscape/biosignals';
import { CloseCode } from '@mindscape/gateway';
import { REVOCATIONS_EXTENSION, type Revocation } from '@mindscape/platform';
import { SignJWT, decodeJwt, importJWK, type JWK } from 'jose';
import {
  errorCodes,
  gatewayAssertion,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  until,
  useTestStack,
  type EventLog,
  type SignedUp,
  type TestStack,
} from '@mindscape/test-kit';

const RECORD = 'mutation($t: String!) { recordEmotion(text: $t) { id } }';
const WATCH = 'subscription { emotionRecorded { text } }';
const REFRESH =
  'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken } }';
const REGISTER =
  'mutation { registerDevice(kind: WEARABLE, name: "strap") { token device { id } } }';
const beat = (heartRate: number) => [{ timestamp: new Date().toISOString(), heartRate }];

/** Writes journal lines until the log has one: subscriptions are set up asynchronously. */
async function warmUp(stack: TestStack, person: SignedUp, log: EventLog<unknown>) {
  for (let attempt = 0; attempt < 40; attempt++) {
    await graphql(stack.gatewayUrl, RECORD, { t: 'warming up' }, { token: person.accessToken });
    if (
      await log.until(1, 250).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error('the subscription never received an event');
}

/** Resolves with the close code once the stream fails (a closed socket). */
const closeCode = (log: EventLog<unknown>, seen: number) =>
  log.until(seen + 1, 10_000).then(
    () => 'no close, an event arrived',
    (error: Error) => error.message,
  );

describe('revocation bites on the next request and on open sockets (issue 13, finding 5)', () => {
  const stack = useTestStack();
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('signOut: the access token is refused at once and its socket closes', async () => {
    const ana = await signUp(url);
    const client = graphqlWsClient(url, { authorization: `Bearer ${ana.accessToken}` });
    try {
      const log = recordEvents(client, WATCH);
      await warmUp(stack, ana, log);
      const seen = log.results.length;
      assert.deepEqual(
        (await graphql(url, 'mutation { signOut }', {}, { token: ana.accessToken })).data,
        { signOut: true },
      );
      const refused = await graphql(url, '{ me { id } }', {}, { token: ana.accessToken });
      assert.equal(refused.status, 401);
      assert.deepEqual(errorCodes(refused), ['UNAUTHENTICATED']);
      const write = await graphql(url, RECORD, { t: 'still me?' }, { token: ana.accessToken });
      assert.deepEqual(errorCodes(write), ['UNAUTHENTICATED']);
      assert.equal(await closeCode(log, seen), `socket closed with ${CloseCode.AccessRevoked}`);
    } finally {
      await client.dispose();
    }
  });

  test('a revoking answer carries its revocations to the gateway that asked, and no further', async () => {
    const ana = await signUp(url);
    // Straight to the users subgraph, as the gateway would ask it.
    const sessionId = decodeJwt(ana.accessToken).sid as string;
    const signOut = 'mutation { signOut }';
    const direct = await graphql(
      stack.users.url,
      signOut,
      {},
      {
        headers: await gatewayAssertion(
          stack.secret,
          'users',
          { query: signOut, variables: {} },
          { identity: { userId: ana.userId, via: 'session', sessionId } },
        ),
      },
    );
    assert.deepEqual(direct.data, { signOut: true });
    const [revocation, ...more] = direct.extensions?.[REVOCATIONS_EXTENSION] as Revocation[];
    assert.deepEqual(more, []);
    assert.equal(revocation!.kind, 'session');
    assert.equal((revocation as { id: string }).id, sessionId);
    // Through the gateway the client sees its answer, not the gateway's internals.
    const bo = await signUp(url);
    const answered = await graphql(url, signOut, {}, { token: bo.accessToken });
    assert.deepEqual(answered, { status: 200, data: { signOut: true } });
  });

  test('a socket lives no longer than the access token that opened it', async () => {
    const ana = await signUp(url);
    // The users subgraph's own kind of token, as it would issue it, valid for three seconds.
    const key = JSON.parse(stack.signingKey) as JWK;
    const shortLived = await new SignJWT({ sid: 'a-short-session' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid! })
      .setSubject(ana.userId)
      .setIssuer('mindscape-users')
      .setAudience('mindscape')
      .setIssuedAt()
      .setExpirationTime('3s')
      .sign(await importJWK(key, 'ES256'));
    const client = graphqlWsClient(url, { authorization: `Bearer ${shortLived}` });
    try {
      const log = recordEvents(client, WATCH);
      await warmUp(stack, ana, log);
      assert.equal(
        await closeCode(log, log.results.length),
        `socket closed with ${CloseCode.AccessExpired}`,
      );
    } finally {
      await client.dispose();
    }
  });

  test('a reused refresh token ends the session’s access tokens too; other sessions carry on', async () => {
    const ana = await signUp(url);
    const other = await graphql<{ signIn: { accessToken: string } }>(
      url,
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      { e: ana.email, p: ana.password },
    );
    const rotated = await graphql<{ refreshSession: { accessToken: string } }>(url, REFRESH, {
      r: ana.refreshToken,
    });
    const fresh = rotated.data!.refreshSession.accessToken;
    assert.deepEqual(errorCodes(await graphql(url, REFRESH, { r: ana.refreshToken })), [
      'UNAUTHENTICATED',
    ]);
    for (const token of [ana.accessToken, fresh]) {
      assert.deepEqual(errorCodes(await graphql(url, '{ me { id } }', {}, { token })), [
        'UNAUTHENTICATED',
      ]);
    }
    const still = await graphql(
      url,
      '{ me { id } }',
      {},
      { token: other.data!.signIn.accessToken },
    );
    assert.deepEqual(still.data, { me: { id: ana.userId } });
  });

  test('a revoked device: refused at once, through the gateway’s device-token cache', async () => {
    const ana = await signUp(url);
    // A gateway that trusts a verified device token for a minute, as deployments may.
    const cached = await stack.addGateway(
      `users=${stack.users.url},emotions=${stack.emotions.url},stories=${stack.stories.url}`,
      { DEVICE_TOKEN_CACHE_MS: '60000' },
    );
    const registered = await graphql<{
      registerDevice: { token: string; device: { id: string } };
    }>(url, REGISTER, {}, { token: ana.accessToken });
    const { token, device } = registered.data!.registerDevice;
    assert.deepEqual(
      (await graphql(cached.url, RECORD_BIOMETRICS, { input: { samples: beat(61) } }, { token }))
        .data,
      {
        recordBiometrics: { accepted: 1, duplicates: 0, rejected: [] },
      },
    );
    await graphql(
      url,
      'mutation($id: ID!) { revokeDevice(id: $id) { id } }',
      { id: device.id },
      { token: ana.accessToken },
    );
    // The gateway that carried the revocation refuses the next request; another one hears of
    // it through its follow of the list, a round trip later, whatever its device-token cache.
    const refused = await graphql(
      url,
      RECORD_BIOMETRICS,
      { input: { samples: beat(62) } },
      { token },
    );
    assert.deepEqual(errorCodes(refused), ['UNAUTHENTICATED']);
    await until(
      'the other gateway refuses the revoked device',
      async () => {
        const answer = await graphql(
          cached.url,
          RECORD_BIOMETRICS,
          { input: { samples: beat(62) } },
          { token },
        );
        return errorCodes(answer)[0] === 'UNAUTHENTICATED';
      },
      { timeoutMs: 5_000 },
    );
  });
});
