/**
 * The dashboard charts' y axes: a range that does not magnify noise, ticks at round steps and
 * labels that never repeat. uPlot's defaults label close values alike (0.996, 0.996).
 */

export interface AxisSpec {
  /** The smallest span the axis shows, in the series' unit (so a flat line stays flat). */
  minSpan: number;
  /** What the quantity can be at all (stress 0–100 %); the axis never goes past it. */
  bounds?: readonly [number, number];
}

/** The axis range for data from `min` to `max`: at least `minSpan` wide, within bounds. */
export function axisRange(
  min: number | null,
  max: number | null,
  { minSpan, bounds }: AxisSpec,
): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max))
    return bounds ? [bounds[0], bounds[1]] : [0, minSpan];
  const span = Math.max(max - min, minSpan);
  const pad = (span - (max - min)) / 2 + span * 0.05;
  let low = min - pad;
  let high = max + pad;
  if (bounds) {
    // Slide the window back inside the bounds before cutting it, so it keeps its span.
    if (low < bounds[0]) [low, high] = [bounds[0], high + (bounds[0] - low)];
    if (high > bounds[1]) [low, high] = [low - (high - bounds[1]), bounds[1]];
    low = Math.max(low, bounds[0]);
  }
  return [low, high];
}

/** Tick values at one step of 1, 2 or 5 × 10ⁿ, the finest giving at most `maxTicks`. */
export function niceTicks(min: number, max: number, maxTicks = 6): number[] {
  if (!(max > min)) return [min];
  const count = (step: number) => Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) + 1;
  let power = 10 ** Math.floor(Math.log10((max - min) / maxTicks));
  let step = power;
  for (;;) {
    const fits = [1, 2, 5].map((m) => m * power).find((s) => count(s) <= maxTicks);
    if (fits !== undefined) {
      step = fits;
      break;
    }
    power *= 10;
  }
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    // k × step, not a running sum: no drift such as 0.30000000000000004.
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}

/** Tick labels with the fewest decimals that tell every tick apart. */
export function tickLabels(values: readonly number[]): string[] {
  for (let decimals = 0; decimals < 6; decimals++) {
    const labels = values.map((v) => v.toFixed(decimals));
    if (new Set(labels).size === labels.length) return labels.map(noNegativeZero);
  }
  return values.map((v) => noNegativeZero(v.toPrecision(8)));
}

const noNegativeZero = (label: string) => (/^-0(\.0*)?$/.test(label) ? label.slice(1) : label);
