/**
 * The Bluetooth SIG Heart Rate Measurement characteristic (0x2A37), little-endian:
 *   byte 0  flags: bit 0 HR is uint16 (else uint8); bits 1-2 sensor contact
 *           (bit 2 = feature supported, bit 1 = contact detected); bit 3 energy expended
 *           present (uint16, kJ); bit 4 RR intervals present (uint16 each, 1/1024 s)
 *   then    heart rate, [energy expended], [RR intervals… to the end]
 */
export interface HeartRateMeasurement {
  /** Beats per minute, as the sensor reported it. */
  heartRate: number;
  sensorContact: 'unsupported' | 'detected' | 'not-detected';
  /** Kilojoules since the sensor's counter was last reset, when present. */
  energyExpended?: number;
  /** RR intervals in milliseconds (converted from 1/1024 s, not rounded). */
  rrIntervals: number[];
}

const HR_UINT16 = 0x01;
const CONTACT_DETECTED = 0x02;
const CONTACT_SUPPORTED = 0x04;
const ENERGY_PRESENT = 0x08;
const RR_PRESENT = 0x10;

export class MalformedMeasurementError extends Error {
  override name = 'MalformedMeasurementError';
}

/** Parses one notification value; throws MalformedMeasurementError on a truncated payload. */
export function parseHeartRateMeasurement(value: DataView | Uint8Array): HeartRateMeasurement {
  const view =
    value instanceof DataView
      ? value
      : new DataView(value.buffer, value.byteOffset, value.byteLength);
  const need = (offset: number, bytes: number, what: string) => {
    if (offset + bytes > view.byteLength) {
      throw new MalformedMeasurementError(
        `0x2A37 payload of ${view.byteLength} bytes ends before its ${what}`,
      );
    }
  };
  need(0, 1, 'flags');
  const flags = view.getUint8(0);
  let offset = 1;
  const wide = (flags & HR_UINT16) !== 0;
  need(offset, wide ? 2 : 1, 'heart rate');
  const heartRate = wide ? view.getUint16(offset, true) : view.getUint8(offset);
  offset += wide ? 2 : 1;

  const sensorContact =
    (flags & CONTACT_SUPPORTED) === 0
      ? 'unsupported'
      : (flags & CONTACT_DETECTED) !== 0
        ? 'detected'
        : 'not-detected';
  const measurement: HeartRateMeasurement = { heartRate, sensorContact, rrIntervals: [] };
  if (flags & ENERGY_PRESENT) {
    need(offset, 2, 'energy expended');
    measurement.energyExpended = view.getUint16(offset, true);
    offset += 2;
  }
  if (flags & RR_PRESENT) {
    if ((view.byteLength - offset) % 2 !== 0)
      throw new MalformedMeasurementError('0x2A37 RR intervals are not whole uint16 values');
    for (; offset < view.byteLength; offset += 2)
      measurement.rrIntervals.push((view.getUint16(offset, true) * 1000) / 1024);
  }
  return measurement;
}

/** The inverse, for simulators and tests: RR intervals are rounded to 1/1024 s. */
export function encodeHeartRateMeasurement(
  m: HeartRateMeasurement,
  { wide = m.heartRate > 255 } = {},
): Uint8Array {
  const rr = m.rrIntervals.map((ms) => Math.round((ms * 1024) / 1000));
  const bytes = 1 + (wide ? 2 : 1) + (m.energyExpended !== undefined ? 2 : 0) + rr.length * 2;
  const view = new DataView(new ArrayBuffer(bytes));
  let flags = wide ? HR_UINT16 : 0;
  if (m.sensorContact !== 'unsupported')
    flags |= CONTACT_SUPPORTED | (m.sensorContact === 'detected' ? CONTACT_DETECTED : 0);
  if (m.energyExpended !== undefined) flags |= ENERGY_PRESENT;
  if (rr.length > 0) flags |= RR_PRESENT;
  view.setUint8(0, flags);
  let offset = 1;
  if (wide) view.setUint16(offset, m.heartRate, true);
  else view.setUint8(offset, m.heartRate);
  offset += wide ? 2 : 1;
  if (m.energyExpended !== undefined) {
    view.setUint16(offset, m.energyExpended, true);
    offset += 2;
  }
  for (const value of rr) {
    view.setUint16(offset, value, true);
    offset += 2;
  }
  return new Uint8Array(view.buffer);
}
