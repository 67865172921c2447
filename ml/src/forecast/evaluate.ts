import type { Day } from './daily.js';
import { forecastNextDay } from './model.js';

export interface ForecastError {
  days: number;
  modelMae: { mood: number; energy: number };
  naiveMae: { mood: number; energy: number };
}

/**
 * Rolling origin: for each of the last `heldOut` days with a check-in, fit on the days before it
 * only and forecast it; the naive baseline is yesterday's value (the last check-in before it).
 */
export async function evaluateForecast(people: Day[][], heldOut: number): Promise<ForecastError> {
  const errors = { model: { mood: 0, energy: 0 }, naive: { mood: 0, energy: 0 } };
  let n = 0;
  for (const days of people) {
    for (let i = days.length - heldOut; i < days.length; i++) {
      const truth = days[i]!;
      if (truth.mood === null || truth.energy === null) continue;
      const history = days.slice(0, i);
      const model = await forecastNextDay(history);
      const previous = [...history].reverse().find((d) => d.mood !== null)!;
      errors.model.mood += Math.abs(model.mood - truth.mood);
      errors.model.energy += Math.abs(model.energy - truth.energy);
      errors.naive.mood += Math.abs(previous.mood! - truth.mood);
      errors.naive.energy += Math.abs(previous.energy! - truth.energy);
      n++;
    }
  }
  const per = (e: { mood: number; energy: number }) => ({ mood: e.mood / n, energy: e.energy / n });
  return { days: n, modelMae: per(errors.model), naiveMae: per(errors.naive) };
}
