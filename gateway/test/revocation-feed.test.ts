import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InternalClient, type Identity } from '@mindscape/platform';
import { RevocationFeed } from '../src/revocation.js';

const soon = () => new Date(Date.now() + 60_000).toISOString();
const session = (sessionId: string): Identity => ({ userId: 'u1', via: 'session', sessionId });

// Never asked: `hear` applies what an answer carried without a round trip to the users subgraph.
const feed = () => new RevocationFeed(new InternalClient('http://127.0.0.1:9', 'unused'));

describe('revocations an answer carries (docs/decisions/0022)', () => {
  test('are applied at once, each once, and heard by listeners', () => {
    const revocations = feed();
    const heard: string[] = [];
    revocations.onRevocation((r) => heard.push(r.kind));
    const signedOut = { kind: 'session', id: 's1', until: soon() };
    revocations.hear([signedOut, signedOut]);
    assert.equal(revocations.revokes(session('s1')), true);
    assert.equal(revocations.revokes(session('s2')), false);
    assert.deepEqual(heard, ['session']);
  });

  test('anything not shaped as a revocation is ignored, never applied', () => {
    const revocations = feed();
    revocations.hear('session:s1');
    revocations.hear({ kind: 'session', id: 's1', until: soon() });
    revocations.hear([
      null,
      { kind: 'everyone', id: 'u1', until: soon() },
      { kind: 'user', id: 'u1' },
      { kind: 'user', id: 'u1', until: 'tomorrow' },
      { kind: 'user', id: { $ne: null }, until: soon() },
      { kind: 'user', id: 'u1\n', until: soon() },
      { kind: 'session', id: 's1', until: new Date(Date.now() - 1_000).toISOString() },
    ]);
    assert.equal(revocations.revokes(session('s1')), false);
  });
});
