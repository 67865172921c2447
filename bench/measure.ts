/** Small helpers for benchmarks: timing, percentiles, a table. Figures only; nothing asserts. */
export { percentile } from '@mindscape/test-kit';

/** Runs `fn` until `minMs` has passed (after one warm-up), returns ms per call. */
export async function timePerCall(fn: () => unknown, minMs = 1500): Promise<number> {
  await fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

export function table(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [
    header,
    ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i]).length)));
  console.log(`\n${title}`);
  for (const [i, row] of cells.entries()) {
    console.log(row.map((c, j) => String(c).padEnd(widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** Counts as they are; measures to three significant figures or so. */
const formatNumber = (n: number) =>
  Number.isInteger(n)
    ? String(n)
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 1
        ? n.toFixed(2)
        : n.toPrecision(3);

/** Gateway settings for benchmarks: one client sending as fast as it can is no flood here. */
export const UNLIMITED_RATES = {
  RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
};
