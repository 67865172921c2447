import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RevocationList,
  concernsIdentity,
  revokesIdentity,
  type Revocation,
} from '../src/revocation.js';

const inAMinute = () => new Date(Date.now() + 60_000).toISOString();
const ana = { userId: 'ana', via: 'session', sessionId: 's1' } as const;
const anasOtherSession = { userId: 'ana', via: 'session', sessionId: 's2' } as const;
const anasStrap = { userId: 'ana', via: 'device', deviceId: 'd1' } as const;

test('a revoked session ends that session only; a revoked person ends every identity of theirs', () => {
  const list = new RevocationList();
  list.add({ kind: 'session', id: 's1', until: inAMinute() });
  assert.equal(list.revokes(ana), true);
  assert.equal(list.revokes(anasOtherSession), false);
  assert.equal(list.revokes(anasStrap), false);
  list.add({ kind: 'device', id: 'd1', until: inAMinute() });
  assert.equal(list.revokes(anasStrap), true);
  list.add({ kind: 'user', id: 'ana', until: inAMinute() });
  assert.equal(list.revokes(anasOtherSession), true);
});

test('entries end at their `until`; consents are not identities', () => {
  const list = new RevocationList();
  list.add({ kind: 'session', id: 's1', until: new Date(Date.now() - 1).toISOString() });
  const consent: Revocation = {
    kind: 'consent',
    ownerId: 'ben',
    granteeId: 'ana',
    scope: 'JOURNAL',
    until: inAMinute(),
  };
  list.add(consent);
  assert.equal(list.size, 0);
  assert.equal(list.revokes(ana), false);
  assert.equal(revokesIdentity(consent, ana), false);
  assert.equal(concernsIdentity(consent, ana), true);
  list.add({ kind: 'user', id: 'ana', until: new Date(Date.now() + 50).toISOString() });
  list.prune(Date.now() + 100);
  assert.equal(list.size, 0);
});
