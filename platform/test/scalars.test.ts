import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTimeScalar } from '../src/index.js';

test('DateTime accepts RFC 3339 with a zone and serializes to UTC ISO', () => {
  const date = DateTimeScalar.parseValue('2026-01-31T08:00:00+02:00');
  assert.equal(DateTimeScalar.serialize(date), '2026-01-31T06:00:00.000Z');
});

test('DateTime refuses zone-less, impossible and non-string values', () => {
  for (const bad of [
    '2026-01-31T08:00:00',
    '2026-13-45T99:00:00Z',
    1738300000,
    '',
    null,
    'tomorrow',
  ]) {
    assert.throws(() => DateTimeScalar.parseValue(bad), /RFC 3339/, String(bad));
  }
});
