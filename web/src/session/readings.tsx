import type { Reading } from './live-loop';

const fmt = (value: number | null, digits = 0, unit = '') =>
  value === null ? '—' : `${value.toFixed(digits)}${unit}`;

/** The latest body reading from the graph. */
export function Readings({ reading }: { reading: Reading | null }) {
  return (
    <section aria-labelledby="readings-title" className="card">
      <h2 id="readings-title">Your body now</h2>
      {reading ? (
        <dl className="readings" data-testid="readings">
          <div>
            <dt>Heart rate</dt>
            <dd data-testid="heart-rate">{fmt(reading.heartRate, 0, ' bpm')}</dd>
          </div>
          <div>
            <dt>HRV (RMSSD)</dt>
            <dd>{fmt(reading.rmssd, 0, ' ms')}</dd>
          </div>
          <div>
            <dt>Stress</dt>
            <dd>{reading.stress === null ? '—' : `${Math.round(reading.stress * 100)} %`}</dd>
          </div>
          <div>
            <dt>Coherence</dt>
            <dd>{fmt(reading.coherence, 2)}</dd>
          </div>
          <div>
            <dt>State</dt>
            <dd>
              {reading.label}{' '}
              <span className="muted">({Math.round(reading.confidence * 100)} % sure)</span>
            </dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd>{new Date(reading.at).toLocaleTimeString()}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">
          Waiting for your heart… Readings appear within a second of arriving.
        </p>
      )}
    </section>
  );
}
