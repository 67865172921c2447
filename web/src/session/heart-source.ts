import {
  BiometricUplink,
  parseHeartRateMeasurement,
  samplesFromBeats,
  SCENARIOS,
  simulateHeart,
  type HeartSample,
  type ScenarioName,
} from '@mindscape/biosignals';
import type { GraphClient } from '../lib/graph/client';
import { MyDevices, RecordBiometrics, RegisterBrowserDevice } from '../lib/operations';

export type SourceKind = 'simulator' | 'bluetooth' | 'wearable';

const DEVICE_NAME = 'This browser (MindScape web)';
const SEND_EVERY_MS = 1000;
/** Samples per request, and the most kept while offline: ten minutes of a strap. */
const TEN_MINUTES = 600;

/** The browser's own device record: found among the person's devices, or registered once. */
async function browserDeviceId(graph: GraphClient): Promise<string> {
  const { me } = await graph.request(MyDevices);
  const known = me?.devices?.find((d) => d.kind === 'BROWSER' && d.name === DEVICE_NAME);
  if (known) return known.id;
  const { registerDevice } = await graph.request(RegisterBrowserDevice, { name: DEVICE_NAME });
  return registerDevice.device.id;
}

/**
 * Streams heart samples from this browser into the graph, a second at a time (what a strap
 * gives): from a Bluetooth Heart Rate strap (0x2A37, parsed by the shared parser) or from the
 * built-in simulator. A wearable that streams by itself needs none of this.
 */
export class HeartUplink {
  /** The shared uplink; no retries of its own: a failed batch waits for the next second's send. */
  private readonly outbox: BiometricUplink;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopBluetooth: (() => void) | undefined;
  lastError: string | null = null;

  private constructor(graph: GraphClient, deviceId: string) {
    this.outbox = new BiometricUplink(
      (_, variables) => graph.request(RecordBiometrics, variables),
      {
        deviceId,
        batchSize: TEN_MINUTES,
        keep: TEN_MINUTES,
        attempts: 1,
      },
    );
  }

  /** Samples the graph has taken. */
  get sent(): number {
    return this.outbox.sent;
  }

  /** The simulator: a scenario's beats, played in real time from now. */
  static async simulator(graph: GraphClient, scenario: ScenarioName, seed = Date.now() % 1e6) {
    const uplink = new HeartUplink(graph, await browserDeviceId(graph));
    const samples = samplesFromBeats(
      simulateHeart(SCENARIOS[scenario], { start: Date.now(), seed }),
    );
    let next = 0;
    uplink.timer = setInterval(() => {
      const now = Date.now();
      const due: HeartSample[] = [];
      while (next < samples.length && samples[next]!.timestamp <= now) due.push(samples[next++]!);
      uplink.outbox.enqueue(due);
      void uplink.flush();
    }, SEND_EVERY_MS);
    return uplink;
  }

  /** A Bluetooth strap. Must be called from a click: the browser asks the person to pick it. */
  static async bluetooth(graph: GraphClient) {
    if (!navigator.bluetooth)
      throw new Error(
        'This browser has no Web Bluetooth (try Chrome or Edge on a desktop or Android).',
      );
    const device = await navigator.bluetooth.requestDevice({
      filters: [{ services: ['heart_rate'] }],
    });
    const server = await device.gatt!.connect();
    const service = await server.getPrimaryService('heart_rate');
    const characteristic = await service.getCharacteristic('heart_rate_measurement');
    const uplink = new HeartUplink(graph, await browserDeviceId(graph));
    let current: { timestamp: number; heartRate?: number; rrIntervals: number[] } | null = null;
    const onValue = () => {
      try {
        const reading = parseHeartRateMeasurement(characteristic.value!);
        if (reading.sensorContact === 'not-detected') return;
        const second = Math.ceil(Date.now() / 1000) * 1000;
        if (!current || current.timestamp !== second) {
          if (current) uplink.outbox.enqueue([current]);
          current = { timestamp: second, rrIntervals: [] };
        }
        current.heartRate = reading.heartRate;
        current.rrIntervals.push(...reading.rrIntervals);
      } catch (error) {
        uplink.lastError = `The strap sent a measurement we could not read (${(error as Error).message}).`;
      }
    };
    characteristic.addEventListener('characteristicvaluechanged', onValue);
    await characteristic.startNotifications();
    uplink.timer = setInterval(() => void uplink.flush(), SEND_EVERY_MS);
    uplink.stopBluetooth = () => {
      characteristic.removeEventListener('characteristicvaluechanged', onValue);
      void characteristic.stopNotifications().catch(() => undefined);
      device.gatt?.disconnect();
    };
    return uplink;
  }

  /** Sends what is queued; what fails stays queued (ingest is idempotent, retries are safe). */
  private async flush(): Promise<void> {
    if (this.outbox.queued === 0) return;
    try {
      await this.outbox.flush();
      this.lastError = null;
    } catch (error) {
      this.lastError = (error as Error).message;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.stopBluetooth?.();
  }
}
