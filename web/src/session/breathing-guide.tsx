'use client';

import { useEffect, useState } from 'react';
import type { EngineState } from '@mindscape/audio-worklets/engine';
import { useReducedMotion } from '../lib/use-reduced-motion';

/**
 * Follows the engine's breath pacer: the engine reports where it is in the breath four times
 * a second; between reports the phase advances at the pacer's rate, so the circle moves
 * smoothly and in step with the sound. With reduced motion, words replace the movement.
 */
export function BreathingGuide({
  engine,
  inhaleRatio,
}: {
  engine: EngineState | null;
  inhaleRatio: number;
}) {
  const reduced = useReducedMotion();
  const rate = engine?.voices.breath?.ratePerMinute ?? null;
  const [phase, setPhase] = useState<number | null>(null);

  useEffect(() => {
    if (engine?.breathCycle == null || rate === null) return;
    const reportedAt = performance.now();
    const from = engine.breathCycle;
    let frame = 0;
    const tick = () => {
      setPhase((from + ((performance.now() - reportedAt) / 60_000) * rate) % 1);
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [engine, rate]);

  if (rate === null || phase === null) return null;
  const inhaling = phase < inhaleRatio;
  // 0 → 1 while breathing in, 1 → 0 while breathing out (raised cosine, like the pacer's swell).
  const swell = inhaling
    ? 0.5 - 0.5 * Math.cos((Math.PI * phase) / inhaleRatio)
    : 0.5 + 0.5 * Math.cos((Math.PI * (phase - inhaleRatio)) / (1 - inhaleRatio));
  return (
    <section aria-labelledby="breath-title" className="card breath">
      <h2 id="breath-title">Breathe with the sound</h2>
      <p className="breath-word" aria-live="off">
        {inhaling ? 'Breathe in' : 'Breathe out'}
      </p>
      {!reduced && (
        <div
          className="breath-circle"
          aria-hidden="true"
          style={{ transform: `scale(${0.45 + 0.55 * swell})` }}
        />
      )}
      <p className="muted">{rate.toFixed(1)} breaths a minute</p>
    </section>
  );
}
