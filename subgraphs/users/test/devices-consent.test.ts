import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { errorCodes, graphql, signUp, useTestStack } from '@mindscape/test-kit';

const REGISTER =
  'mutation($k: DeviceKind!, $n: String!) { registerDevice(kind: $k, name: $n) { token device { id kind name } } }';

describe('devices and consent', () => {
  const stack = useTestStack();
  let url: string;
  before(() => {
    url = stack.gatewayUrl;
  });

  test('a device token acts for its owner until revoked; it cannot manage the account', async () => {
    const ana = await signUp(url);
    const registered = await graphql<{
      registerDevice: { token: string; device: { id: string; kind: string } };
    }>(url, REGISTER, { k: 'WEARABLE', n: 'Polar H10' }, { token: ana.accessToken });
    const { token, device } = registered.data!.registerDevice;
    assert.equal(device.kind, 'WEARABLE');

    const me = await graphql<{ me: { id: string } }>(url, '{ me { id } }', {}, { token });
    assert.equal(me.data?.me.id, ana.userId);
    const devices = await graphql<{
      me: { devices: Array<{ id: string; lastSeenAt: string | null }> };
    }>(url, '{ me { devices { id lastSeenAt } } }', {}, { token: ana.accessToken });
    assert.equal(devices.data?.me.devices[0]?.id, device.id);
    assert.ok(devices.data?.me.devices[0]?.lastSeenAt, 'using the token marks the device as seen');

    for (const mutation of [
      'mutation { registerDevice(kind: PHONE, name: "x") { token } }',
      'mutation { updateProfile(displayName: "Mallory") { id } }',
      'mutation { deleteAccount(password: "lavender-morning-42") }',
      'mutation { grantConsent(scope: LIVE_STATE, granteeEmail: "x@example.com") { id } }',
    ]) {
      assert.deepEqual(
        errorCodes(await graphql(url, mutation, {}, { token })),
        ['FORBIDDEN'],
        mutation,
      );
    }

    const revoked = await graphql(
      url,
      'mutation($id: ID!) { revokeDevice(id: $id) { id } }',
      { id: device.id },
      { token: ana.accessToken },
    );
    assert.deepEqual(revoked.data, { revokeDevice: { id: device.id } });
    const after = await graphql(url, '{ me { id } }', {}, { token });
    assert.equal(after.status, 401);
    assert.deepEqual(errorCodes(after), ['UNAUTHENTICATED']);
  });

  test("someone else's device cannot be revoked or seen", async () => {
    const ana = await signUp(url, 'Ana');
    const ben = await signUp(url, 'Ben');
    const { data } = await graphql<{ registerDevice: { device: { id: string } } }>(
      url,
      REGISTER,
      { k: 'PHONE', n: 'Ana phone' },
      { token: ana.accessToken },
    );
    const id = data!.registerDevice.device.id;
    const attempt = await graphql(
      url,
      'mutation($id: ID!) { revokeDevice(id: $id) { id } }',
      { id },
      { token: ben.accessToken },
    );
    assert.deepEqual(errorCodes(attempt), ['NOT_FOUND']);
    const peek = await graphql(
      url,
      'query($id: ID!) { user(id: $id) { devices { id } } }',
      { id: ana.userId },
      { token: ben.accessToken },
    );
    assert.deepEqual(errorCodes(peek), ['FORBIDDEN']);
  });

  test('device names are validated; a forged device token is UNAUTHENTICATED', async () => {
    const ana = await signUp(url);
    const bad = await graphql(
      url,
      REGISTER,
      { k: 'WEARABLE', n: 'x'.repeat(61) },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.equal(bad.errors![0]!.extensions!.field, 'name');
    const wrongKind = await graphql(
      url,
      REGISTER,
      { k: 'TOASTER', n: 'x' },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(wrongKind), ['BAD_USER_INPUT']);
    const forged = await graphql(
      url,
      '{ me { id } }',
      {},
      { token: `dt_0123456789abcdef01234567.${'A'.repeat(43)}` },
    );
    assert.deepEqual(errorCodes(forged), ['UNAUTHENTICATED']);
  });

  test('consent: grant, see it from both sides, revoke; the audit trail keeps both', async () => {
    const ana = await signUp(url, 'Ana');
    const coach = await signUp(url, 'Coach');
    const grant =
      'mutation($e: String!) { grantConsent(scope: LIVE_STATE, granteeEmail: $e) { id scope grantee { id displayName } owner { id } } }';
    const granted = await graphql<{
      grantConsent: { id: string; grantee: { id: string; displayName: string } };
    }>(url, grant, { e: coach.email }, { token: ana.accessToken });
    assert.equal(granted.data?.grantConsent.grantee.id, coach.userId);
    const again = await graphql<{ grantConsent: { id: string } }>(
      url,
      grant,
      { e: coach.email },
      { token: ana.accessToken },
    );
    assert.equal(
      again.data?.grantConsent.id,
      granted.data?.grantConsent.id,
      'granting twice is idempotent',
    );

    const received = await graphql<{
      me: { consentsReceived: Array<{ owner: { id: string }; scope: string }> };
    }>(url, '{ me { consentsReceived { scope owner { id } } } }', {}, { token: coach.accessToken });
    assert.deepEqual(
      received.data?.me.consentsReceived,
      [{ scope: 'LIVE_STATE', owner: { id: ana.userId } }],
      JSON.stringify(received.errors),
    );

    const id = granted.data!.grantConsent.id;
    const byCoach = await graphql(
      url,
      'mutation($id: ID!) { revokeConsent(id: $id) { id } }',
      { id },
      { token: coach.accessToken },
    );
    assert.deepEqual(errorCodes(byCoach), ['NOT_FOUND'], 'only the owner revokes');
    await graphql(
      url,
      'mutation($id: ID!) { revokeConsent(id: $id) { id } }',
      { id },
      { token: ana.accessToken },
    );

    const state = await graphql<{
      me: { consents: unknown[]; consentAudit: Array<{ action: string; granteeId: string }> };
    }>(
      url,
      '{ me { consents { id } consentAudit { action granteeId scope at } } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(state.data?.me.consents, []);
    assert.deepEqual(
      state.data?.me.consentAudit.map((e) => [e.action, e.granteeId]),
      [
        ['GRANTED', coach.userId],
        ['REVOKED', coach.userId],
      ],
    );
  });

  test('consent to an unknown email or to oneself is refused', async () => {
    const ana = await signUp(url);
    const grant = 'mutation($e: String!) { grantConsent(scope: HISTORY, granteeEmail: $e) { id } }';
    for (const e of ['nobody@example.com', ana.email]) {
      const response = await graphql(url, grant, { e }, { token: ana.accessToken });
      assert.deepEqual(errorCodes(response), ['BAD_USER_INPUT']);
      assert.equal(response.errors![0]!.extensions!.field, 'granteeEmail');
    }
  });
});
