import { OfflineAudioContext } from 'standardized-audio-context';
import * as Tone from 'tone';
import { renderOffline } from '../engine/session.js';
import type { ProgramInput } from '../program/format.js';

/**
 * What the test, render and benchmark pages call (window.mindscape): renders in an
 * OfflineAudioContext and uploads the samples (planar float32) to the local server.
 */
const WORKLET = '/mindscape-worklet.js';

async function upload(name: string, channels: Float32Array[]): Promise<void> {
  const body = new Blob(channels.map((channel) => channel.buffer as ArrayBuffer));
  const response = await fetch(`/upload/${encodeURIComponent(name)}`, { method: 'POST', body });
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
}

async function timed<T>(render: () => Promise<T>, seconds: number) {
  const began = performance.now();
  const buffer = await render();
  const ms = performance.now() - began;
  return { buffer, ms, realtimeFactor: seconds / (ms / 1000) };
}

/** The benchmark's full patch built from native nodes (no worklet). */
async function nativePatch(seconds: number, sampleRate: number) {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round(seconds * sampleRate),
    sampleRate,
  });
  const oscillator = (hz: number, type: OscillatorType = 'sine') => {
    const node = context.createOscillator();
    node.type = type;
    node.frequency.value = hz;
    node.start();
    return node;
  };
  const gain = (value: number) => {
    const node = context.createGain();
    node.gain.value = value;
    return node;
  };
  const merger = context.createChannelMerger(2);
  merger.connect(context.destination);
  const toBothEars = (node: { connect(m: typeof merger, o: number, i: number): unknown }) => {
    node.connect(merger, 0, 0);
    node.connect(merger, 0, 1);
  };
  // Binaural: one oscillator per ear.
  oscillator(200).connect(gain(0.2)).connect(merger, 0, 0);
  oscillator(207).connect(gain(0.2)).connect(merger, 0, 1);
  // Isochronic: a tone through a gain driven by a square LFO.
  const pulse = gain(0);
  oscillator(10, 'square').connect(gain(0.05)).connect(pulse.gain);
  oscillator(300).connect(pulse);
  toBothEars(pulse);
  // Pink-ish noise: a looped white buffer through a low-pass, with a breath swell on it.
  const noise = context.createBufferSource();
  const buffer = context.createBuffer(1, sampleRate * 4, sampleRate);
  const data = buffer.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
  noise.buffer = buffer;
  noise.loop = true;
  noise.start();
  const filter = context.createBiquadFilter();
  filter.frequency.value = 1000;
  const breath = gain(0.05);
  oscillator(0.1).connect(gain(0.04)).connect(breath.gain);
  noise.connect(filter).connect(breath);
  toBothEars(breath);
  return context.startRendering();
}

/** The same patch from Tone.js (its own oscillators, noise, LFOs and panning). */
async function tonePatch(seconds: number, sampleRate: number) {
  return Tone.Offline(
    () => {
      const merge = new Tone.Merge().toDestination();
      new Tone.Oscillator(200).connect(merge, 0, 0).start();
      new Tone.Oscillator(207).connect(merge, 0, 1).start();
      const pulse = new Tone.Gain(0).toDestination();
      new Tone.Oscillator(300).connect(pulse).start();
      new Tone.LFO({ frequency: 10, type: 'square', min: 0, max: 0.1 }).connect(pulse.gain).start();
      const breath = new Tone.Gain(0.05).toDestination();
      new Tone.Noise('pink').connect(breath).start();
      new Tone.LFO({ frequency: 0.1, min: 0.01, max: 0.09 }).connect(breath.gain).start();
    },
    seconds,
    2,
    sampleRate,
  );
}

const mindscape = {
  async render(
    program: ProgramInput,
    options: { seconds: number; sampleRate: number; upload?: string },
  ) {
    const { buffer, ms, realtimeFactor } = await timed(
      () =>
        renderOffline(program, {
          seconds: options.seconds,
          sampleRate: options.sampleRate,
          workletUrl: WORKLET,
        }),
      options.seconds,
    );
    if (options.upload)
      await upload(options.upload, [buffer.getChannelData(0), buffer.getChannelData(1)]);
    return { ms, realtimeFactor, frames: buffer.length };
  },
  async bench(which: 'native' | 'tone', options: { seconds: number; sampleRate: number }) {
    const { ms, realtimeFactor } = await timed(
      () =>
        which === 'native'
          ? nativePatch(options.seconds, options.sampleRate)
          : tonePatch(options.seconds, options.sampleRate).then((b) => b.get()!),
      options.seconds,
    );
    return { ms, realtimeFactor };
  },
};

(globalThis as unknown as { mindscape: typeof mindscape }).mindscape = mindscape;
