/**
 * Where a simulated or replayed recording sits in time. The graph refuses samples more than
 * 5 minutes ahead of its clock, so a stream faster than real time cannot start its recording
 * "now": ten minutes at ten times the speed would end nine minutes in the future. Instead the
 * recording ends when the stream does, and every sample has happened by the time it is sent.
 */

/** Samples are one-second slots rounded up, and a recording's last beat may pass its end. */
const SLACK_MS = 5_000;

/**
 * The start of a recording `durationMs` long, streamed from `now` at `speed` (1 = real time,
 * 10 = ten times faster, 0 = all at once), such that no sample is later than the moment it
 * is sent and the last one is sent within a few seconds of happening.
 */
export function recordingStart(durationMs: number, speed: number, now = Date.now()): number {
  // As fast as accepted: all of it is history.
  if (speed === 0) return now - durationMs - SLACK_MS;
  // Slower than real time: the stream falls further behind the recording's clock, never ahead.
  if (speed < 1) return now - SLACK_MS;
  // Faster: the recording ends when the stream does, durationMs / speed from now.
  return now + durationMs / speed - durationMs - SLACK_MS;
}
