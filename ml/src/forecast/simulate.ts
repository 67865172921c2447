import { seededRandom } from '@mindscape/biosignals';
import type { Day } from './daily.js';
import { weekdayOf } from './model.js';

/**
 * Simulated people for evaluating the forecast, since no real check-in data exists here: mood
 * follows each person's weekly rhythm, carries over from the day before (AR(1)) and falls on
 * stressful days; energy tracks mood with its own noise; check-ins are skipped on some days.
 * It shows whether the model uses such structure, not how it fares on real people.
 */
export function simulatedPerson(seed: number, days: number): Day[] {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const weekly = Array.from({ length: 7 }, () => gauss() * 0.4);
  const stressSensitivity = 0.5 + random();
  let mood = 3;
  let stress = 0.5;
  return Array.from({ length: days }, (_, i) => {
    const day = 20_000 + i;
    stress = Math.min(
      1,
      Math.max(0, 0.6 * stress + 0.2 + gauss() * 0.15 + (weekdayOf(day) < 5 ? 0.05 : -0.1)),
    );
    mood =
      3 +
      0.5 * (mood - 3) +
      weekly[weekdayOf(day)]! -
      stressSensitivity * (stress - 0.5) +
      gauss() * 0.45;
    const clamp = (v: number) => Math.min(5, Math.max(1, v));
    const checkedIn = random() > 0.15;
    return {
      day,
      mood: checkedIn ? clamp(mood) : null,
      energy: checkedIn ? clamp(mood + gauss() * 0.5 - 0.3 * (stress - 0.5)) : null,
      stress,
    };
  });
}
