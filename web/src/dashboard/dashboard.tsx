'use client';

import { useId, useMemo, useState } from 'react';
import type { AlignedData } from 'uplot';
import { Empty, ErrorNote, Loading } from '../components/states';
import { TimeChart, type SeriesSpec } from './time-chart';
import { useBodyHistory, type SessionRow } from './use-body-history';
import { usePeople } from './use-people';

const MINUTE = 60_000;
const RANGES = [
  { key: '15m', label: '15 minutes', ms: 15 * MINUTE },
  { key: '1h', label: 'Hour', ms: 60 * MINUTE },
  { key: '24h', label: 'Day', ms: 24 * 60 * MINUTE },
  { key: '7d', label: 'Week', ms: 7 * 24 * 60 * MINUTE },
  { key: '30d', label: 'Month', ms: 30 * 24 * 60 * MINUTE },
  { key: '90d', label: '3 months', ms: 90 * 24 * 60 * MINUTE },
];

const HEART: SeriesSpec[] = [
  { label: 'Heart rate', unit: 'bpm', color: '#c0392b', scale: 'bpm', axis: { minSpan: 10 } },
  { label: 'HRV (RMSSD)', unit: 'ms', color: '#2e86c1', scale: 'ms', axis: { minSpan: 10 } },
];
// Stress is 0–1 in the graph and read in % on the card.
const STRESS: SeriesSpec[] = [
  {
    label: 'Stress',
    unit: '%',
    color: '#8e44ad',
    scale: '%',
    axis: { minSpan: 10, bounds: [0, 100] },
  },
];
const FEELING = { minSpan: 0.5, bounds: [-1, 1] } as const;
const EMOTION: SeriesSpec[] = [
  { label: 'Valence', unit: '−1 to 1', color: '#27ae60', scale: 'v', points: true, axis: FEELING },
  { label: 'Arousal', unit: '0 to 1', color: '#e67e22', scale: 'v', points: true, axis: FEELING },
];
const percent = (value: number | null) => (value === null ? null : value * 100);

const seconds = (t: number) => t / 1000;
const round = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : String(Math.round(value));

function describe(values: Array<number | null>, unit: string): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return 'No readings in this range.';
  return `Latest ${round(known.at(-1))} ${unit}; lowest ${round(Math.min(...known))}, highest ${round(Math.max(...known))} over ${known.length} points.`;
}

export function Dashboard() {
  const { people, error: peopleError } = usePeople();
  const [personId, setPersonId] = useState<string | null>(null);
  const [rangeKey, setRangeKey] = useState('15m');
  const id = useId();
  const person = people.find((p) => p.id === personId) ?? people[0];
  const range = RANGES.find((r) => r.key === rangeKey)!;
  const history = useBodyHistory(person, range.ms);

  const heart = useMemo<AlignedData>(
    () => [
      history.states.map((s) => seconds(s.t)),
      history.states.map((s) => s.heartRate),
      history.states.map((s) => s.rmssd),
    ],
    [history.states],
  );
  const stress = useMemo<AlignedData>(
    () => [history.states.map((s) => seconds(s.t)), history.states.map((s) => percent(s.stress))],
    [history.states],
  );
  const emotions = useMemo<AlignedData>(
    () => [
      history.emotions.map((e) => seconds(e.t)),
      history.emotions.map((e) => e.valence),
      history.emotions.map((e) => e.arousal),
    ],
    [history.emotions],
  );

  if (peopleError) return <ErrorNote message={peopleError} />;
  if (!person) return <Loading what="your dashboard" />;
  return (
    <div className="stack">
      <h1>Dashboard</h1>
      <div className="toolbar" role="group" aria-label="What to show">
        <label>
          Person
          <select value={person.id} onChange={(e) => setPersonId(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>Range</legend>
          {RANGES.map((r) => (
            <label key={r.key}>
              <input
                type="radio"
                name={`${id}-range`}
                value={r.key}
                checked={rangeKey === r.key}
                onChange={() => setRangeKey(r.key)}
              />
              {r.label}
            </label>
          ))}
        </fieldset>
        <p className="muted" role="status" aria-live="polite">
          {history.live
            ? '● Live'
            : person.scopes.has('LIVE_STATE')
              ? 'Connecting…'
              : 'History only'}
        </p>
      </div>
      <ErrorNote message={history.error} />
      {history.loading && <Loading what="the history" />}
      {!history.loading && history.states.length === 0 && (
        <Empty>
          No readings in the last {range.label.toLowerCase()}. Start a session with a heart source,
          or stream a wearable, and they appear here within a second.
        </Empty>
      )}
      <div className="grid">
        <TimeChart
          title="Heart rate and HRV"
          series={HEART}
          data={heart}
          testId="chart-heart"
          summary={`Heart rate: ${describe(heart[1] as Array<number | null>, 'bpm')}`}
        />
        <TimeChart
          title="Stress"
          series={STRESS}
          data={stress}
          testId="chart-stress"
          summary={`Stress (0 % calm, 100 % stressed): ${describe(
            stress[1] as Array<number | null>,
            '%',
          )}`}
        />
        {person.scopes.has('JOURNAL') && (
          <TimeChart
            title="Emotion readings"
            series={EMOTION}
            data={emotions}
            testId="chart-emotions"
            summary={
              history.journalError ??
              (history.emotions.length === 0
                ? 'No journal entries in this range.'
                : `${history.emotions.length} entries; latest feeling: ${history.emotions.at(-1)!.label}.`)
            }
          />
        )}
        <Sessions sessions={history.sessions} />
      </div>
    </div>
  );
}

function Sessions({ sessions }: { sessions: SessionRow[] }) {
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {sessions.length === 0 ? (
        <Empty>No sessions in this range.</Empty>
      ) : (
        // A wide table scrolls on its own, and a keyboard can scroll it (focusable region).
        <div className="table-scroll" role="region" aria-labelledby="sessions-title" tabIndex={0}>
          <table data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Program</th>
                <th scope="col">Minutes</th>
                <th scope="col">Heart rate (bpm)</th>
                <th scope="col">HRV (ms)</th>
              </tr>
            </thead>
            <tbody>
              {[...sessions].reverse().map((s) => (
                <tr key={s.id}>
                  <td>{new Date(s.startedAt).toLocaleString()}</td>
                  <td>{s.program}</td>
                  <td>{(s.durationSeconds / 60).toFixed(1)}</td>
                  <td>
                    {round(s.heartRateStart)} → {round(s.heartRateEnd)}
                  </td>
                  <td>
                    {round(s.rmssdStart)} → {round(s.rmssdEnd)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
