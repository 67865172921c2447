import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dailySeries, forecastNextDay } from '../src/index.js';
import { evaluateForecast } from '../src/forecast/evaluate.js';
import { simulatedPerson } from '../src/forecast/simulate.js';

test('days are grouped in UTC and gaps become empty days', () => {
  const at = (iso: string) => new Date(iso);
  const days = dailySeries(
    [
      { createdAt: at('2026-03-01T08:00:00Z'), mood: 2, energy: 3 },
      { createdAt: at('2026-03-01T20:00:00Z'), mood: 4, energy: 5 },
      { createdAt: at('2026-03-03T09:00:00Z'), mood: 5, energy: 4 },
    ],
    [{ at: at('2026-03-02T12:00:00Z'), stress: 0.8 }],
  );
  assert.deepEqual(
    days.map((d) => [d.mood, d.energy, d.stress]),
    [
      [3, 4, null],
      [null, null, 0.8],
      [5, 4, null],
    ],
  );
});

test('with few check-ins the forecast is the last value, and says so', async () => {
  const days = simulatedPerson(3, 10);
  const forecast = await forecastNextDay(days);
  assert.equal(forecast.method, 'last-value');
  assert.equal(forecast.mood, [...days].reverse().find((d) => d.mood !== null)!.mood);
});

test('on held-out simulated days the model beats yesterday’s value', async () => {
  const people = Array.from({ length: 6 }, (_, i) => simulatedPerson(100 + i, 60));
  const result = await evaluateForecast(people, 8);
  assert.ok(result.days >= 30);
  assert.ok(
    result.modelMae.mood < result.naiveMae.mood,
    `mood MAE ${result.modelMae.mood} vs ${result.naiveMae.mood}`,
  );
  const forecast = await forecastNextDay(people[0]!);
  assert.equal(forecast.method, 'model');
  assert.ok(
    forecast.mood >= 1 && forecast.mood <= 5 && forecast.energy >= 1 && forecast.energy <= 5,
  );
});
