import { BiometricUplink, samplesFromBeats, type Beat } from '@mindscape/biosignals';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphError, type GraphClient } from './graph-client.js';

export interface StreamOptions {
  /** Seconds of data per batch. @default 5 */
  batchSeconds?: number;
  /** 1 = real time, 10 = ten times faster, 0 = as fast as the graph takes it. @default 1 */
  speed?: number;
  onBatch?: (report: {
    sent: number;
    of: number;
    accepted: number;
    duplicates: number;
    rejected: number;
  }) => void;
  signal?: AbortSignal;
  /** Called once for each distinct reason the graph gives for rejecting samples. */
  onRejected?: (reason: string) => void;
  /** Called as each batch's request leaves, with its samples (epoch-ms timestamps). */
  onSend?: (batch: ReadonlyArray<{ timestamp: number }>) => void;
}

/**
 * Sends beats as one-second samples in batches, paced by their own timestamps, through the
 * shared uplink: a batch that fails on the network is sent again with backoff (ingest is
 * idempotent, so a retry never duplicates a sample), and so is one the graph cannot take just
 * now (SERVICE_UNAVAILABLE, TOO_MANY_REQUESTS); one the graph refuses stops the stream.
 */
export async function streamBeats(
  client: GraphClient,
  beats: readonly Beat[],
  options: StreamOptions = {},
) {
  const { batchSeconds = 5, speed = 1, onBatch, onSend, onRejected, signal } = options;
  const samples = samplesFromBeats(beats);
  const uplink = new BiometricUplink((query, variables) => client.request(query, variables), {
    batchSize: batchSeconds,
    // The graph said no (bad token, bad input): retrying would not change its mind. But "not
    // now" (a subgraph or its database down, a rate limit) is worth another try.
    retryable: (error) =>
      !(error instanceof GraphError) ||
      error.code === 'SERVICE_UNAVAILABLE' ||
      error.code === 'TOO_MANY_REQUESTS',
    ...(signal ? { signal } : {}),
    ...(onSend ? { onSend } : {}),
  });
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const reasons = new Set<string>();
  const began = Date.now();
  const firstTimestamp = samples[0]?.timestamp ?? 0;
  for (let i = 0; i < samples.length && !signal?.aborted; i += batchSeconds) {
    const batch = samples.slice(i, i + batchSeconds);
    if (speed > 0) {
      const due = began + (batch.at(-1)!.timestamp - firstTimestamp) / speed;
      if (due > Date.now())
        await sleep(due - Date.now(), undefined, { signal }).catch(() => undefined);
    }
    uplink.enqueue(batch);
    const { accepted, duplicates, rejected } = await uplink.flush();
    totals.accepted += accepted;
    totals.duplicates += duplicates;
    totals.rejected += rejected.length;
    for (const { reason } of rejected) {
      if (reasons.has(reason)) continue;
      reasons.add(reason);
      onRejected?.(reason);
    }
    onBatch?.({ sent: Math.min(i + batchSeconds, samples.length), of: samples.length, ...totals });
  }
  return totals;
}

/** A rejection reason from the graph, with what a person can do about it. */
export function explainRejection(reason: string): string {
  if (/in the future/.test(reason))
    return `${reason}: the graph takes samples up to 5 minutes ahead of its clock. Check this computer's clock against the server's.`;
  if (/days old/.test(reason))
    return `${reason}: the graph keeps the last 30 days. Replay a more recent recording.`;
  return reason;
}
