import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphql, signUp, startTestStack } from '@mindscape/test-kit';

test('accounts and sessions survive a restart of the services', async () => {
  const first = await startTestStack({ keepData: true });
  const ana = await signUp(first.gatewayUrl);
  await first.close();

  const second = await startTestStack({
    usersDb: first.usersDb,
    secret: first.secret,
    signingKey: first.signingKey,
  });
  try {
    const me = await graphql<{ me: { id: string } }>(
      second.gatewayUrl,
      '{ me { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.equal(me.data?.me.id, ana.userId, 'an access token from before the restart still works');
    const signIn = await graphql<{ signIn: { user: { id: string } } }>(
      second.gatewayUrl,
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { user { id } } }',
      { e: ana.email, p: ana.password },
    );
    assert.equal(signIn.data?.signIn.user.id, ana.userId);
  } finally {
    await second.close();
  }
});
