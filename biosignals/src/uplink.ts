/**
 * The biometric uplink: how heart samples reach the graph, for every client that sends them
 * (the wearable streamer, the web app's browser and Bluetooth sources, the tests and the
 * benchmarks). The operation text, the sample → input mapping and a batching, retrying sender,
 * in plain TypeScript over whatever `post` the client has (its fetch-based graph client), so
 * the browser and Node share it. Ingest is idempotent (a sample already stored counts as a
 * duplicate, by person, device and timestamp), so sending a batch again never stores twice.
 */

/** The mutation every uplink sends. */
export const RECORD_BIOMETRICS = `mutation RecordBiometrics($input: BiometricBatchInput!) {
  recordBiometrics(input: $input) { accepted duplicates rejected { index reason } }
}`;

/** One sample as a client holds it: epoch milliseconds, and what the sensor measured. */
export interface HeartSample {
  timestamp: number;
  /** Beats per minute. */
  heartRate?: number;
  /** RR intervals ended by `timestamp`, oldest first, ms. */
  rrIntervals?: readonly number[];
  /** Breaths per minute. */
  respirationRate?: number;
  /** Blood oxygen saturation, %. */
  spo2?: number;
  /** °C. */
  skinTemperature?: number;
  /** Steps since the previous sample. */
  steps?: number;
}

/** The graph's BiometricSampleInput. */
export interface BiometricSampleInput {
  /** RFC 3339. */
  timestamp: string;
  heartRate?: number;
  rrIntervals?: number[];
  respirationRate?: number;
  spo2?: number;
  skinTemperature?: number;
  steps?: number;
}

/** The graph's BiometricBatchInput. */
export interface BiometricBatchInput {
  /** The recording device; a device token may leave it out (it is its own). */
  deviceId?: string;
  samples: BiometricSampleInput[];
}

/** What the graph answers for one batch (IngestResult). */
export interface IngestReport {
  /** Samples stored by this call. */
  accepted: number;
  /** Samples already stored (a batch sent again): not stored twice. */
  duplicates: number;
  /** Samples refused, by index into the batch, with the reason. */
  rejected: Array<{ index: number; reason: string }>;
}

/** The variables and answer of RECORD_BIOMETRICS, for clients that type their operations. */
export interface RecordBiometricsVariables {
  input: BiometricBatchInput;
}
export interface RecordBiometricsAnswer {
  recordBiometrics: IngestReport;
}

/** A sample as the graph takes it: the timestamp as RFC 3339, nothing unmeasured. */
export function sampleInput(sample: HeartSample): BiometricSampleInput {
  const { timestamp, rrIntervals, ...measured } = sample;
  const input: BiometricSampleInput = { timestamp: new Date(timestamp).toISOString() };
  for (const [key, value] of Object.entries(measured) as Array<[keyof typeof measured, number]>)
    if (value !== undefined) input[key] = value;
  if (rrIntervals?.length) input.rrIntervals = [...rrIntervals];
  return input;
}

/** Samples as the graph's BiometricSampleInput takes them. */
export function sampleInputs(samples: readonly HeartSample[]): BiometricSampleInput[] {
  return samples.map(sampleInput);
}

/**
 * Sends one operation and answers its data; throws when it did not get through (the network,
 * or the graph's errors). Each client's own graph client is one.
 */
export type PostOperation = (
  query: string,
  variables: RecordBiometricsVariables,
) => Promise<RecordBiometricsAnswer>;

export interface RetryOptions {
  /** Tries per batch before the failure is reported. @default 7 */
  attempts?: number;
  /** The first pause between tries, doubled after each. @default 250 */
  firstPauseMs?: number;
  /** The longest pause. @default 10000 */
  longestPauseMs?: number;
  /** Whether a failure may pass if tried again (not a refusal by the graph). @default always */
  retryable?: (error: unknown) => boolean;
  /** Ends the pauses between tries: a failing batch is not tried again once it aborts. */
  signal?: AbortSignal;
}

/** Sends one batch, again with backoff while it fails in a way that may pass. */
export async function sendBatch(
  post: PostOperation,
  input: BiometricBatchInput,
  {
    attempts = 7,
    firstPauseMs = 250,
    longestPauseMs = 10_000,
    retryable = () => true,
    signal,
  }: RetryOptions = {},
): Promise<IngestReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await post(RECORD_BIOMETRICS, { input })).recordBiometrics;
    } catch (error) {
      if (attempt >= attempts || signal?.aborted || !retryable(error)) throw error;
      await pause(Math.min(firstPauseMs * 2 ** (attempt - 1), longestPauseMs), signal);
      if (signal?.aborted) throw error;
    }
  }
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

export interface UplinkOptions extends RetryOptions {
  /** Sent with every batch (a signed-in person's device); a device token omits it. */
  deviceId?: string;
  /** Samples per request. @default 600 */
  batchSize?: number;
  /** Samples kept while they cannot be sent, the oldest dropped first. @default unbounded */
  keep?: number;
  /** Called as each request leaves (each try), with its samples. */
  onSend?: (samples: readonly HeartSample[]) => void;
}

/**
 * A queue of samples on their way to the graph: `flush` sends what is queued in order, batch
 * by batch, each batch retried with backoff. A batch that still fails stays queued (the next
 * flush sends it again) and its failure is thrown; one flush runs at a time.
 */
export class BiometricUplink {
  private queue: HeartSample[] = [];
  private running: Promise<IngestReport> | undefined;
  /** Samples the graph has answered for (stored, duplicate or rejected). */
  sent = 0;

  constructor(
    private readonly post: PostOperation,
    private readonly options: UplinkOptions = {},
  ) {}

  /** Samples waiting to be sent. */
  get queued(): number {
    return this.queue.length;
  }

  enqueue(samples: readonly HeartSample[]): void {
    this.queue.push(...samples);
    // While a batch is on its way it stays first in the queue: trimmed after, if it fails.
    if (!this.running) this.trim();
  }

  private trim(): void {
    const keep = this.options.keep ?? Infinity;
    if (this.queue.length > keep) this.queue.splice(0, this.queue.length - keep);
  }

  /** Sends everything queued; answers the totals of this flush (rejected indexes are per batch). */
  flush(): Promise<IngestReport> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  private async drain(): Promise<IngestReport> {
    const { batchSize = 600, deviceId, onSend, ...retry } = this.options;
    const totals: IngestReport = { accepted: 0, duplicates: 0, rejected: [] };
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, batchSize);
      const input: BiometricBatchInput = {
        ...(deviceId !== undefined ? { deviceId } : {}),
        samples: sampleInputs(batch),
      };
      let report: IngestReport;
      try {
        report = await sendBatch(
          (query, variables) => {
            onSend?.(batch);
            return this.post(query, variables);
          },
          input,
          retry,
        );
      } catch (error) {
        this.trim();
        throw error;
      }
      // Only now: a batch that failed is still first in the queue.
      this.queue.splice(0, batch.length);
      this.sent += batch.length;
      totals.accepted += report.accepted;
      totals.duplicates += report.duplicates;
      totals.rejected.push(...report.rejected);
    }
    return totals;
  }
}
