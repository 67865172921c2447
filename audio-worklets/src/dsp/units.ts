/** Typed units at the engine's edges: a number that says what it measures. */
export type Hz = number;
export type Seconds = number;
export type Decibels = number;

export const dbToGain = (db: Decibels): number => (db <= -120 ? 0 : 10 ** (db / 20));
export const gainToDb = (gain: number): Decibels => (gain <= 0 ? -Infinity : 20 * Math.log10(gain));

export const TWO_PI = 2 * Math.PI;
