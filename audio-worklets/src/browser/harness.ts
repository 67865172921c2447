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
  const merger = context.createChannelMerger(2);
  merger.connect(context.destination);
  const left = context.createOscillator();
  left.frequency.value = 200;
  const right = context.createOscillator();
  right.frequency.value = 207;
  const beatGain = context.createGain();
  beatGain.gain.value = 0.2;
  left.connect(beatGain).connect(merger, 0, 0);
  const beatGainR = context.createGain();
  beatGainR.gain.value = 0.2;
  right.connect(beatGainR).connect(merger, 0, 1);
  // Isochronic: a tone through a gain driven by a square-ish LFO.
  const tone = context.createOscillator();
  tone.frequency.value = 300;
  const pulse = context.createGain();
  pulse.gain.value = 0;
  const lfo = context.createOscillator();
  lfo.type = 'square';
  lfo.frequency.value = 10;
  const lfoDepth = context.createGain();
  lfoDepth.gain.value = 0.05;
  lfo.connect(lfoDepth).connect(pulse.gain);
  tone.connect(pulse);
  pulse.connect(merger, 0, 0);
  pulse.connect(merger, 0, 1);
  // Pink-ish noise: a looped white buffer through a low-pass, and a breath swell on it.
  const noise = context.createBufferSource();
  const buffer = context.createBuffer(1, sampleRate * 4, sampleRate);
  const data = buffer.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = Math.random() * 2 - 1;
  noise.buffer = buffer;
  noise.loop = true;
  const filter = context.createBiquadFilter();
  filter.frequency.value = 1000;
  const breath = context.createGain();
  breath.gain.value = 0.05;
  const breathLfo = context.createOscillator();
  breathLfo.frequency.value = 0.1;
  const breathDepth = context.createGain();
  breathDepth.gain.value = 0.04;
  breathLfo.connect(breathDepth).connect(breath.gain);
  noise.connect(filter).connect(breath);
  breath.connect(merger, 0, 0);
  breath.connect(merger, 0, 1);
  for (const source of [left, right, tone, lfo, noise, breathLfo]) source.start();
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
