import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeHeartRateMeasurement } from '@mindscape/biosignals';
import { beatsFromRecording } from '../src/index.js';

test('RR lines and raw 0x2A37 payloads both become beats ending at the given time', () => {
  const payload = Buffer.from(
    encodeHeartRateMeasurement({
      heartRate: 70,
      sensorContact: 'detected',
      rrIntervals: [1000, 500],
    }),
  ).toString('hex');
  const beats = beatsFromRecording(
    `# strap log\n850\n\n${payload}\n${payload.match(/../g)!.join(' ')}\n`,
    10_000,
  );
  assert.match(
    payload,
    /^\d+$/,
    'this payload is all digits: the case that must not read as a number',
  );
  assert.deepEqual(
    beats.map((b) => b.rr),
    [850, 1000, 500, 1000, 500],
  );
  assert.deepEqual(
    beatsFromRecording('10 48 5c 03').map((b) => b.rr),
    [(0x035c * 1000) / 1024],
  );
  assert.equal(beats.at(-1)!.time, 10_000);
  assert.equal(beats[0]!.time, 10_000 - 3000);
});

test('a bad line is named by its number', () => {
  assert.throws(() => beatsFromRecording('850\nhello\n'), /line 2/);
  assert.throws(() => beatsFromRecording('850\n10 3c 00\n'), /line 2: 0x2A37/);
});
