'use client';

import { useEffect, useRef } from 'react';
import type { IAnalyserNode, IAudioContext } from 'standardized-audio-context';
import type { EngineState } from '@mindscape/audio-worklets/engine';
import { useReducedMotion } from '../lib/use-reduced-motion';

const MAX_HZ = 1200;

/**
 * The sound's spectrum (from an AnalyserNode on the engine's output) with the beat's two
 * carriers marked, and the beat in words for screen readers. Redrawn every frame, or once a
 * second with reduced motion.
 */
export function BeatView({
  analyser,
  engine,
  beatVoice,
}: {
  analyser: IAnalyserNode<IAudioContext>;
  engine: EngineState | null;
  beatVoice: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const reduced = useReducedMotion();
  const voice = engine?.voices[beatVoice];

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const bins = new Float32Array(analyser.frequencyBinCount);
    const hzPerBin = analyser.context.sampleRate / analyser.fftSize;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      analyser.getFloatFrequencyData(bins);
      const { width, height } = element;
      context.clearRect(0, 0, width, height);
      context.strokeStyle = '#3b6ea5';
      context.lineWidth = 1.5;
      context.beginPath();
      const last = Math.min(bins.length, Math.ceil(MAX_HZ / hzPerBin));
      for (let i = 0; i < last; i++) {
        const x = (i / last) * width;
        const level = Math.max(0, Math.min(1, (bins[i]! + 110) / 90));
        const y = height - level * height;
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
      if (reduced) timer = setTimeout(draw, 1000);
      else frame = requestAnimationFrame(draw);
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [analyser, reduced]);

  const carrier = voice?.carrierHz;
  const beat = voice?.beatHz ?? voice?.rateHz;
  const words =
    beat === undefined
      ? 'No beat in this program.'
      : carrier !== undefined
        ? `Beat ${beat.toFixed(1)} Hz: left ear ${carrier.toFixed(0)} Hz, right ear ${(carrier + beat).toFixed(1)} Hz.`
        : `Pulses at ${beat.toFixed(1)} a second.`;
  return (
    <section aria-labelledby="beat-title" className="card">
      <h2 id="beat-title">The sound</h2>
      <p data-testid="beat">{words}</p>
      <canvas
        ref={canvas}
        width={640}
        height={140}
        className="spectrum"
        role="img"
        aria-label={`Spectrum of the sound up to ${MAX_HZ} Hz. ${words}`}
      />
    </section>
  );
}
