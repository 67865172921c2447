import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Types } from 'mongoose';
import { hashPassword, verifyPassword } from '../src/accounts/passwords.js';
import { formatToken, newSecret, parseToken, secretMatches } from '../src/accounts/opaque-token.js';

test('opaque tokens round-trip and only their own secret matches', () => {
  const id = new Types.ObjectId();
  const { secret, secretHash } = newSecret();
  const parsed = parseToken('rt', formatToken('rt', id, secret));
  assert.ok(parsed);
  assert.equal(parsed.id.toHexString(), id.toHexString());
  assert.ok(secretMatches(parsed.secret, secretHash));
  assert.ok(!secretMatches(newSecret().secret, secretHash));
});

test('malformed tokens and other prefixes do not parse', () => {
  const token = formatToken('dt', new Types.ObjectId(), newSecret().secret);
  assert.equal(parseToken('rt', token), undefined);
  for (const bad of [
    '',
    'rt_',
    'rt_zz.abc',
    `${token}x`,
    token.replace('.', ''),
    'rt_' + 'a'.repeat(24) + '.' + "'; drop",
  ]) {
    assert.equal(parseToken('dt', bad), undefined, bad);
  }
});

test('passwords are argon2id hashes that verify only the right password', async () => {
  const hash = await hashPassword('lavender-morning-42');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.ok(await verifyPassword(hash, 'lavender-morning-42'));
  assert.ok(!(await verifyPassword(hash, 'lavender-morning-43')));
  assert.ok(!(await verifyPassword(undefined, 'lavender-morning-42')));
  assert.ok(!(await verifyPassword('not a hash', 'x')));
});
