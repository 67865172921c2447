import { parseHeartRateMeasurement, type Beat } from '@mindscape/biosignals';

/**
 * A recording, one line per value: either an RR interval in ms ("812.5", at most four integer
 * digits) or a raw Heart Rate Measurement payload in hex ("10 48 5c 03", "0x10485c03" or
 * "10485c03"), as a BLE sniffer logs them. Bytes separated by spaces, or a 0x prefix, keep a
 * payload that happens to be all digits from reading as a number.
 * Blank lines and lines starting with # are skipped. Beats are laid out back to back, ending
 * at `end`.
 */
export function beatsFromRecording(text: string, end = Date.now()): Beat[] {
  const intervals: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (/^\d{1,4}(\.\d+)?$/.test(line)) {
      intervals.push(Number(line));
      return;
    }
    const hex = line.replace(/^0x/i, '').replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})+$/.test(hex))
      throw new Error(
        `line ${index + 1}: neither an RR interval (ms) nor a hex 0x2A37 payload: "${line.slice(0, 40)}"`,
      );
    const bytes = Uint8Array.from(hex.match(/../g)!.map((byte) => parseInt(byte, 16)));
    try {
      intervals.push(...parseHeartRateMeasurement(bytes).rrIntervals);
    } catch (error) {
      throw new Error(`line ${index + 1}: ${(error as Error).message}`);
    }
  });
  const total = intervals.reduce((a, b) => a + b, 0);
  let time = end - total;
  return intervals.map((rr) => ({ time: Math.round((time += rr)), rr }));
}
