/**
 * The gateway's memory of verified access tokens: only the exact text counts, never past the
 * token's expiry or the cache's age cap, and bounded in size.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VerifiedTokens } from '../src/verified-tokens.js';

describe('verified access tokens', () => {
  const identity = { userId: 'u1', via: 'session' as const, sessionId: 's1' };

  test('answers for the exact token only, until it expires', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens(10, 60_000, () => now);
    tokens.set('header.payload.sig', identity, now + 5_000);
    assert.deepEqual(tokens.get('header.payload.sig')?.identity, identity);
    assert.equal(tokens.get('header.payload.sif'), undefined, 'a different signature');
    assert.equal(tokens.get('header.payload.sig '), undefined);
    now += 5_000;
    assert.equal(
      tokens.get('header.payload.sig'),
      undefined,
      'expired: verified again (and refused)',
    );
    assert.equal(tokens.size, 0);
  });

  test('forgets a token after the age cap even when it expires later', () => {
    let now = 0;
    const tokens = new VerifiedTokens(10, 60_000, () => now);
    tokens.set('t', identity, now + 15 * 60_000);
    now += 59_999;
    assert.ok(tokens.get('t'));
    now += 1;
    assert.equal(tokens.get('t'), undefined);
  });

  test('an already expired token is not kept, and the oldest goes beyond capacity', () => {
    const now = 10_000;
    const tokens = new VerifiedTokens(2, 60_000, () => now);
    tokens.set('old', identity, now);
    assert.equal(tokens.size, 0);
    for (const token of ['a', 'b', 'c']) tokens.set(token, identity, now + 1_000);
    assert.equal(tokens.size, 2);
    assert.equal(tokens.get('a'), undefined);
    assert.ok(tokens.get('c'));
  });

  test('hands out copies: a caller changing its identity changes nobody else’s', () => {
    const tokens = new VerifiedTokens();
    tokens.set('t', identity, Date.now() + 60_000);
    const first = tokens.get('t')!.identity as { userId: string };
    first.userId = 'someone-else';
    assert.equal(tokens.get('t')!.identity.userId, 'u1');
  });
});
