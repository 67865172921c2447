export const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** Sample standard deviation (ddof = 1), as Kubios and NeuroKit2 compute SDNN. */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Trapezoidal integral of y over x, restricted to [from, to]. */
export function integrate(
  x: readonly number[],
  y: readonly number[],
  from: number,
  to: number,
): number {
  let total = 0;
  for (let i = 1; i < x.length; i++) {
    const a = x[i - 1]!;
    const b = x[i]!;
    if (b <= from || a >= to) continue;
    total += ((y[i - 1]! + y[i]!) / 2) * (Math.min(b, to) - Math.max(a, from));
  }
  return total;
}
