import type { ProgramInput } from './format.js';

export type { ProgramInput };

/**
 * The built-in programs. Beats follow the usual bands (beta focus, alpha relax, theta
 * meditation, delta sleep); resonance breathing paces the breath at 6 a minute, where heart
 * rate variability peaks for most adults. Each is plain data in the program format.
 */
export const PRESETS: Record<string, ProgramInput> = {
  focus: {
    name: 'focus',
    description: 'Beta: a 14 Hz binaural beat rising to 16 Hz over ten minutes, soft pink noise.',
    durationSeconds: 1500,
    voices: [
      { id: 'beat', type: 'binaural', carrierHz: 220, beatHz: 14, gainDb: -14 },
      { id: 'noise', type: 'noise', color: 'pink', seed: 11, gainDb: -30 },
    ],
    ramps: [
      {
        atSeconds: 60,
        target: 'beat',
        param: 'beatHz',
        to: 16,
        durationSeconds: 600,
        curve: 'exponential',
      },
    ],
  },
  relax: {
    name: 'relax',
    description: 'Alpha: 10 Hz falling to 8 Hz, brown noise, a breath pacer at 6 a minute.',
    durationSeconds: 1200,
    voices: [
      { id: 'beat', type: 'binaural', carrierHz: 180, beatHz: 10, gainDb: -14 },
      { id: 'noise', type: 'noise', color: 'brown', seed: 3, gainDb: -28 },
      { id: 'breath', type: 'breath', ratePerMinute: 6, inhaleRatio: 0.4, depth: 0.7, gainDb: -26 },
    ],
    ramps: [
      {
        atSeconds: 30,
        target: 'beat',
        param: 'beatHz',
        to: 8,
        durationSeconds: 600,
        curve: 'sigmoid',
      },
    ],
  },
  sleep: {
    name: 'sleep',
    description:
      'Theta to delta: 6 Hz dropping to 2 Hz over 25 minutes (SBaGen-style drop), brown noise, slowing breath.',
    durationSeconds: 2700,
    master: { gainDb: -9, fadeInSeconds: 20, fadeOutSeconds: 120 },
    voices: [
      { id: 'beat', type: 'binaural', carrierHz: 150, beatHz: 6, gainDb: -16 },
      { id: 'noise', type: 'noise', color: 'brown', seed: 5, gainDb: -26 },
      { id: 'breath', type: 'breath', ratePerMinute: 6, inhaleRatio: 0.4, depth: 0.6, gainDb: -30 },
    ],
    ramps: [
      {
        atSeconds: 60,
        target: 'beat',
        param: 'beatHz',
        to: 2,
        durationSeconds: 1500,
        curve: 'drop',
      },
      {
        atSeconds: 60,
        target: 'breath',
        param: 'ratePerMinute',
        to: 5,
        durationSeconds: 900,
        curve: 'linear',
      },
    ],
  },
  meditate: {
    name: 'meditate',
    description:
      'Theta: a 7 Hz beat on a 200 Hz carrier, a 432 Hz tone with soft harmonics, pink noise.',
    durationSeconds: 1200,
    voices: [
      { id: 'beat', type: 'binaural', carrierHz: 200, beatHz: 7, gainDb: -14 },
      {
        id: 'tone',
        type: 'tone',
        frequencyHz: 432,
        harmonics: [0.3, 0.1],
        gainDb: -30,
        spinHz: 0.05,
      },
      { id: 'noise', type: 'noise', color: 'pink', seed: 9, gainDb: -32 },
    ],
  },
  resonance: {
    name: 'resonance',
    description:
      'Resonance breathing: a breath pacer at 6 a minute (in 4 s, out 6 s) over a 528 Hz tone and pink noise.',
    durationSeconds: 900,
    voices: [
      { id: 'breath', type: 'breath', ratePerMinute: 6, inhaleRatio: 0.4, depth: 0.9, gainDb: -18 },
      { id: 'tone', type: 'tone', frequencyHz: 528, harmonics: [0.2], gainDb: -32 },
      { id: 'pulse', type: 'isochronic', toneHz: 264, rateHz: 6, duty: 0.5, gainDb: -34 },
    ],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);
