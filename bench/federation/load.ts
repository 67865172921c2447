/**
 * The load generator, in a process of its own (forked by run.ts, driven over IPC): a fixed
 * number of clients, each sending the next request as soon as its answer is read, over an
 * undici pool of one connection per client. Lean on purpose: on two cores the load generator
 * takes CPU from the gateway it measures, the same for every row.
 */
import { Pool } from 'undici';

export interface LoadOrder {
  url: string;
  body: string;
  /** The answer every request must get, byte for byte. */
  expected: string;
  concurrency: number;
  seconds: number;
}

export interface LoadResult {
  rps: number;
  /** Each request's time to its whole answer, in ms, sorted. */
  latencies: number[];
  /** Answers that were not a 200 with exactly the expected body, and failed requests. */
  errors: number;
}

export async function load(order: LoadOrder): Promise<LoadResult> {
  const url = new URL(order.url);
  const pool = new Pool(url.origin, { connections: order.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const began = performance.now();
  const end = began + order.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: order.concurrency }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          try {
            const response = await pool.request({
              path: url.pathname,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: order.body,
            });
            const text = await response.body.text();
            if (response.statusCode !== 200 || text !== order.expected) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - start);
        }
      }),
    );
  } finally {
    await pool.close();
  }
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, latencies, errors };
}

if (process.send) {
  process.on('message', (order: LoadOrder) => {
    load(order).then(
      (result) => process.send!(result),
      (error: unknown) => process.send!({ error: String(error) }),
    );
  });
  process.send('ready');
}
