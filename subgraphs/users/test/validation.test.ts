import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { checkNewPassword, normalizeEmail, normalizeName } from '../src/accounts/validation.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof GraphQLError);
    assert.equal(error.extensions.code, 'BAD_USER_INPUT');
    return error.extensions.field as string;
  }
  return undefined;
}

test('emails are trimmed and lower-cased; malformed ones name the field', () => {
  assert.equal(normalizeEmail('  Ana@Example.COM '), 'ana@example.com');
  for (const bad of [
    '',
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'a b@example.com',
    'ana@@example.com',
    `${'a'.repeat(250)}@example.com`,
    'ana\u0000@example.com',
  ]) {
    assert.equal(
      fieldOf(() => normalizeEmail(bad)),
      'email',
      bad,
    );
  }
  assert.equal(
    fieldOf(() => normalizeEmail('x', 'granteeEmail')),
    'granteeEmail',
  );
});

test('passwords: at least 10 characters, bounded, not common', () => {
  assert.equal(
    fieldOf(() => checkNewPassword('lavender-morning-42')),
    undefined,
  );
  assert.equal(
    fieldOf(() => checkNewPassword('short')),
    'password',
  );
  assert.equal(
    fieldOf(() => checkNewPassword('x'.repeat(257))),
    'password',
  );
  assert.equal(
    fieldOf(() => checkNewPassword('password123')),
    'password',
  );
  assert.equal(
    fieldOf(() => checkNewPassword('QWERTYUIOP')),
    'password',
  );
});

test('names: trimmed, 1 to max characters (code points), no control characters', () => {
  assert.equal(normalizeName('  Ana  ', 'displayName', 60), 'Ana');
  assert.equal(normalizeName('🧘'.repeat(60), 'displayName', 60), '🧘'.repeat(60));
  assert.equal(
    fieldOf(() => normalizeName('   ', 'displayName', 60)),
    'displayName',
  );
  assert.equal(
    fieldOf(() => normalizeName('a'.repeat(61), 'displayName', 60)),
    'displayName',
  );
  assert.equal(
    fieldOf(() => normalizeName('a\nb', 'displayName', 60)),
    'displayName',
  );
});
