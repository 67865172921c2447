/**
 * Waiting for what a test is about, never for a fixed time: `until` re-checks a condition
 * (a query's answer, a counter, a log line) until it holds and returns what it found, or
 * fails naming what it waited for and the last thing it saw. The machines are shared and
 * noisy, so the deadline is generous; a passing test returns as soon as the event happens.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface UntilOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Re-check this often (default 20 ms). */
  intervalMs?: number;
}

export class UntilTimeout extends Error {
  constructor(
    describe: string,
    readonly lastSeen: unknown,
  ) {
    super(`waited for ${describe}; last seen: ${show(lastSeen)}`);
    this.name = 'UntilTimeout';
  }
}

function show(value: unknown): string {
  if (value instanceof Error) return value.message;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.slice(0, 500);
}

/**
 * Resolves with the first truthy answer of `check`. A check that throws counts as "not yet"
 * (a service still restarting answers with an error); its error is reported on timeout.
 */
export async function until<T>(
  describe: string,
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 }: UntilOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen: unknown;
  for (;;) {
    try {
      const answer = await check();
      if (answer) return answer as NonNullable<T>;
      lastSeen = answer;
    } catch (error) {
      lastSeen = error;
    }
    if (Date.now() >= deadline) throw new UntilTimeout(describe, lastSeen);
    await sleep(intervalMs);
  }
}
