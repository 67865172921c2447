/**
 * Simulated wearables that behave as a real strap does under faults: each numbers its samples
 * (sequence n is at `startAt + n` seconds), sends them in batches, one request at a time,
 * and sends the same batch again until the graph acknowledges it. What was acknowledged is
 * kept by sequence number, so a scenario can compare it with what the database holds.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql, signUp, type SignedUp } from '@mindscape/test-kit';
import { ErrorCode } from '@mindscape/platform';

const RECORD = `mutation($input: BiometricBatchInput!) {
  recordBiometrics(input: $input) { accepted duplicates rejected { index reason } }
}`;
const REGISTER = 'mutation($n: String!) { registerDevice(kind: WEARABLE, name: $n) { token } }';

export interface Wearer extends SignedUp {
  deviceToken: string;
}

/** Signs a person up through the gateway and registers a strap for them. */
export async function newWearer(gatewayUrl: string, name: string): Promise<Wearer> {
  const person = await signUp(gatewayUrl, name);
  const answer = await graphql<{ registerDevice: { token: string } }>(
    gatewayUrl,
    REGISTER,
    { n: `${name}'s strap` },
    { token: person.accessToken },
  );
  const token = answer.data?.registerDevice.token;
  if (!token) throw new Error(`registerDevice failed: ${JSON.stringify(answer.errors)}`);
  return { ...person, deviceToken: token };
}

/**
 * Answers that say "not now", not "no": the strap keeps the batch and tries again. Ingest is
 * idempotent, so anything but a refusal of the request itself (bad input, bad token,
 * forbidden) is worth another attempt, an internal error included: a database outage
 * surfaces as INTERNAL_SERVER_ERROR today (see the engine-restart scenario).
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof GraphAnswerError)) return true; // network: refused, reset, timed out
  const final = [ErrorCode.BAD_USER_INPUT, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN];
  return !error.codes.some((c) => c !== undefined && (final as string[]).includes(c));
}

export class GraphAnswerError extends Error {
  constructor(
    readonly status: number,
    readonly codes: Array<string | undefined>,
    message: string,
  ) {
    super(message);
  }
}

export interface WearableCounters {
  attempts: number;
  /** Attempts that failed and were retried, by reason. */
  failures: Map<string, number>;
  batchesAcked: number;
  samplesAcked: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Longest time one batch waited for its acknowledgement, retries included (ms). */
  longestAckMs: number;
}

export class SimulatedWearable {
  /** Sequence numbers the graph acknowledged (accepted, or already stored). */
  readonly acked = new Set<number>();
  readonly counters: WearableCounters = {
    attempts: 0,
    failures: new Map(),
    batchesAcked: 0,
    samplesAcked: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    longestAckMs: 0,
  };
  /** True while a request is on its way (a kill now is a kill mid-ingest). */
  inFlight = false;
  private next = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly wearer: Wearer,
    readonly gatewayUrl: string,
    /** Epoch ms of sequence 0; sample n is `n` seconds later. */
    readonly startAt: number,
    private readonly batchSize: number,
    /** Batches a second this strap sends at most (it may fall behind, never run ahead). */
    private readonly batchesPerSecond: number,
  ) {}

  get failedAttempts(): number {
    return [...this.counters.failures.values()].reduce((a, b) => a + b, 0);
  }

  get sent(): number {
    return this.next;
  }

  /** Called after every attempt (acknowledged or not): scenarios wait on it, not on time. */
  onAttempt(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Set when the graph refused a batch for good (a bad token, bad input): the strap stopped. */
  error: unknown;

  start(): void {
    this.loop ??= this.run().catch((error: unknown) => {
      this.error = error;
      this.emit();
    });
  }

  /** Stops after the batch in flight is acknowledged (so nothing is left half-sent). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  timestampOf(seq: number): number {
    return this.startAt + seq * 1000;
  }

  private async run(): Promise<void> {
    const began = Date.now();
    let batches = 0;
    while (!this.stopped) {
      const due = began + (batches * 1000) / this.batchesPerSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      const from = this.next;
      const seqs = Array.from({ length: this.batchSize }, (_, i) => from + i);
      await this.sendUntilAcked(seqs);
      this.next += this.batchSize;
      batches++;
    }
  }

  private async sendUntilAcked(seqs: number[]): Promise<void> {
    const input = { samples: seqs.map((seq) => this.sample(seq)) };
    const first = Date.now();
    for (let attempt = 0; ; attempt++) {
      this.counters.attempts++;
      this.inFlight = true;
      this.emit();
      try {
        const result = await this.send(input).finally(() => (this.inFlight = false));
        this.counters.batchesAcked++;
        this.counters.samplesAcked += seqs.length;
        this.counters.accepted += result.accepted;
        this.counters.duplicates += result.duplicates;
        this.counters.rejected += result.rejected.length;
        const rejected = new Set(result.rejected.map((r) => r.index));
        seqs.forEach((seq, i) => {
          if (!rejected.has(i)) this.acked.add(seq);
        });
        this.counters.longestAckMs = Math.max(this.counters.longestAckMs, Date.now() - first);
        this.emit();
        return;
      } catch (error) {
        if (!isRetryable(error)) throw error;
        const reason =
          error instanceof GraphAnswerError
            ? String(error.codes[0] ?? `HTTP ${error.status}`)
            : ((error as { cause?: { code?: string } }).cause?.code ?? 'network');
        this.counters.failures.set(reason, (this.counters.failures.get(reason) ?? 0) + 1);
        this.emit();
        // Jittered backoff, as the wearable CLI does; capped low so recovery is measured, not waited.
        await sleep(Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
      }
    }
  }

  private async send(input: { samples: unknown[] }) {
    const response = await graphql<{
      recordBiometrics: {
        accepted: number;
        duplicates: number;
        rejected: Array<{ index: number; reason: string }>;
      };
    }>(this.gatewayUrl, RECORD, { input }, { token: this.wearer.deviceToken });
    if (response.errors?.length || !response.data?.recordBiometrics) {
      throw new GraphAnswerError(
        response.status,
        (response.errors ?? []).map((e) => e.extensions?.code as string | undefined),
        JSON.stringify(response.errors).slice(0, 300),
      );
    }
    return response.data.recordBiometrics;
  }

  /** A heart that speeds up and slows down, so the live state keeps changing. */
  private sample(seq: number) {
    const heartRate = 70 + 15 * Math.sin(seq / 7) + 5 * Math.sin(seq / 2.3);
    const rr = 60_000 / heartRate;
    return {
      timestamp: new Date(this.timestampOf(seq)).toISOString(),
      heartRate: Math.round(heartRate * 10) / 10,
      rrIntervals: [Math.round(rr), Math.round(rr * (1 + 0.04 * Math.sin(seq)))],
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A fleet of straps sharing one pace: `samplesPerSecond` across all of them. */
export class WearableFleet {
  constructor(readonly wearables: SimulatedWearable[]) {}

  /** Straps are spread over `gateways` in turn (one gateway URL, or several). */
  static async create(
    gateways: string | string[],
    {
      count,
      samplesPerSecond,
      batchSize,
      seconds,
      prefix = 'Wearer',
    }: {
      count: number;
      samplesPerSecond: number;
      batchSize: number;
      /** How long the fleet may stream: sample times are laid out to end near now. */
      seconds: number;
      prefix?: string;
    },
  ): Promise<WearableFleet> {
    const urls = typeof gateways === 'string' ? [gateways] : gateways;
    const perStrap = samplesPerSecond / count;
    // Sequence n is n seconds after startAt; straps faster than real time start in the past,
    // so the newest sample never lies in the graph's future.
    const startAt = Date.now() - Math.ceil(perStrap * seconds + 600) * 1000;
    const wearers: Wearer[] = [];
    for (let i = 0; i < count; i += 10) {
      const group = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        newWearer(urls[0]!, `${prefix}${i + j}`),
      );
      wearers.push(...(await Promise.all(group)));
    }
    return new WearableFleet(
      wearers.map(
        (w, i) =>
          new SimulatedWearable(
            w,
            urls[i % urls.length]!,
            startAt,
            batchSize,
            perStrap / batchSize,
          ),
      ),
    );
  }

  start(): void {
    for (const w of this.wearables) w.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.wearables.map((w) => w.stop()));
  }

  /** Resolves once `check` holds, re-checked after every attempt of any strap. */
  when(describe: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const offs: Array<() => void> = [];
      const done = (finish: () => void) => {
        clearTimeout(timer);
        for (const off of offs) off();
        finish();
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`waited ${timeoutMs} ms for ${describe}`))),
        timeoutMs,
      );
      const test = () => {
        if (check()) done(resolve);
      };
      for (const w of this.wearables) offs.push(w.onAttempt(test));
      test();
    });
  }

  totals() {
    const sum = (f: (c: WearableCounters) => number) =>
      this.wearables.reduce((a, w) => a + f(w.counters), 0);
    const failures = new Map<string, number>();
    for (const w of this.wearables)
      for (const [k, v] of w.counters.failures) failures.set(k, (failures.get(k) ?? 0) + v);
    return {
      attempts: sum((c) => c.attempts),
      batchesAcked: sum((c) => c.batchesAcked),
      samplesAcked: sum((c) => c.samplesAcked),
      accepted: sum((c) => c.accepted),
      duplicates: sum((c) => c.duplicates),
      rejected: sum((c) => c.rejected),
      longestAckMs: Math.max(...this.wearables.map((w) => w.counters.longestAckMs)),
      failures,
    };
  }
}
