import * as tf from '@tensorflow/tfjs';
import type { Day } from './daily.js';

/** Fewer days with check-ins than this, and the forecast is yesterday's value. */
export const MIN_TRAINING_DAYS = 14;
const RIDGE = 0.05;
const STEPS = 300;

export interface Forecast {
  mood: number;
  energy: number;
  /** Which way it was made: a fitted model, or the naive "same as the last check-in". */
  method: 'model' | 'last-value';
  trainingDays: number;
}

const last = (days: Day[], key: 'mood' | 'energy', before: number) => {
  for (let i = before - 1; i >= 0; i--) if (days[i]![key] !== null) return days[i]![key]!;
  return 3;
};
const recentMean = (
  days: Day[],
  key: 'mood' | 'energy' | 'stress',
  before: number,
  span: number,
  fallback: number,
) => {
  const xs = days
    .slice(Math.max(0, before - span), before)
    .flatMap((d) => (d[key] === null ? [] : [d[key]!]));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : fallback;
};

/** Inputs for predicting day `index` from the days before it. */
export function featuresFor(days: Day[], index: number, weekday: number): number[] {
  const angle = (2 * Math.PI * weekday) / 7;
  return [
    1,
    last(days, 'mood', index) - 3,
    recentMean(days, 'mood', index, 7, 3) - 3,
    last(days, 'energy', index) - 3,
    recentMean(days, 'energy', index, 7, 3) - 3,
    recentMean(days, 'stress', index, 1, 0.5) - 0.5,
    recentMean(days, 'stress', index, 7, 0.5) - 0.5,
    Math.sin(angle),
    Math.cos(angle),
  ];
}

/** Day 0 of the epoch (1970-01-01) was a Thursday: weekday 0 = Monday. */
export const weekdayOf = (day: number) => (day + 3) % 7;

/**
 * Forecast of the day after `days` (ridge regression per person, fitted with TensorFlow.js on
 * every call, so it follows the newest check-ins). Below MIN_TRAINING_DAYS of check-ins it is
 * the last value, and says so.
 */
export async function forecastNextDay(days: Day[]): Promise<Forecast> {
  const rows: number[][] = [];
  const targets: number[][] = [];
  days.forEach((d, i) => {
    if (i === 0 || d.mood === null || d.energy === null) return;
    rows.push(featuresFor(days, i, weekdayOf(d.day)));
    targets.push([d.mood - 3, d.energy - 3]);
  });
  const nextIndex = days.length;
  const naive = { mood: last(days, 'mood', nextIndex), energy: last(days, 'energy', nextIndex) };
  if (rows.length < MIN_TRAINING_DAYS)
    return { ...naive, method: 'last-value', trainingDays: rows.length };

  const x = tf.tensor2d(rows);
  const y = tf.tensor2d(targets);
  const w = tf.variable(tf.zeros([rows[0]!.length, 2]));
  const optimizer = tf.train.adam(0.05);
  for (let step = 0; step < STEPS; step++) {
    const loss = optimizer.minimize(
      () =>
        tf.tidy(() =>
          x
            .matMul(w)
            .sub(y)
            .square()
            .mean()
            .add(
              w
                .slice([1, 0])
                .square()
                .sum()
                .mul(RIDGE / rows.length),
            ),
        ) as tf.Scalar,
      true,
    );
    loss?.dispose();
  }
  const nextDay = (days.at(-1)?.day ?? 0) + 1;
  const next = tf.tensor2d([featuresFor(days, nextIndex, weekdayOf(nextDay))]);
  const [mood, energy] = (await next.matMul(w).data()) as Float32Array;
  tf.dispose([x, y, w, next]);
  optimizer.dispose();
  const clamp = (v: number) => Math.min(5, Math.max(1, v + 3));
  return { mood: clamp(mood!), energy: clamp(energy!), method: 'model', trainingDays: rows.length };
}
