import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MalformedMeasurementError,
  encodeHeartRateMeasurement,
  parseHeartRateMeasurement,
  type HeartRateMeasurement,
} from '../src/index.js';

test('a real strap notification: flags 0x10, 72 bpm, one RR of 860/1024 s', () => {
  const m = parseHeartRateMeasurement(new Uint8Array([0x10, 0x48, 0x5c, 0x03]));
  assert.deepEqual(m, {
    heartRate: 72,
    sensorContact: 'unsupported',
    rrIntervals: [(0x035c * 1000) / 1024],
  });
});

test('uint16 heart rate, contact detected, energy expended and two RR intervals', () => {
  const bytes = new Uint8Array([0x1f, 0x2c, 0x01, 0x10, 0x27, 0x00, 0x04, 0x00, 0x02]);
  assert.deepEqual(parseHeartRateMeasurement(bytes), {
    heartRate: 300,
    sensorContact: 'detected',
    energyExpended: 10_000,
    rrIntervals: [1000, 500],
  });
});

test('every flag combination round-trips exactly', () => {
  let combinations = 0;
  for (const wide of [false, true])
    for (const sensorContact of ['unsupported', 'detected', 'not-detected'] as const)
      for (const energyExpended of [undefined, 0, 65_535])
        for (const rrIntervals of [[], [1000], [500, 1000, 1500]]) {
          const m: HeartRateMeasurement = {
            heartRate: wide ? 300 : 61,
            sensorContact,
            rrIntervals,
          };
          if (energyExpended !== undefined) m.energyExpended = energyExpended;
          const bytes = encodeHeartRateMeasurement(m, { wide });
          assert.equal(bytes[0]! & 0x01, wide ? 1 : 0);
          assert.deepEqual(parseHeartRateMeasurement(bytes), m);
          combinations++;
        }
  assert.equal(combinations, 54);
});

test('a DataView over part of a buffer is read at its own offset', () => {
  const buffer = new Uint8Array([0xff, 0xff, 0x00, 0x3c, 0xee]).buffer;
  assert.equal(parseHeartRateMeasurement(new DataView(buffer, 2, 2)).heartRate, 60);
});

test('truncated or odd-length payloads are refused, not misread', () => {
  for (const bytes of [
    [],
    [0x01, 0x3c],
    [0x08, 0x3c, 0x01],
    [0x10, 0x3c, 0x00],
    [0x18, 0x3c, 0x00, 0x00, 0x01],
  ]) {
    assert.throws(
      () => parseHeartRateMeasurement(new Uint8Array(bytes)),
      MalformedMeasurementError,
      JSON.stringify(bytes),
    );
  }
});
