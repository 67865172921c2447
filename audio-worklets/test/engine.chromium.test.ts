import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hasChromium, openAudioLab, renderInLab, type AudioLab } from '../src/browser/chromium.js';
import type { ProgramInput } from '../src/program/format.js';
import { largestStep, peakFrequency, peakLevel, spectralSlope } from './analysis.js';

const RATE = 48_000;
const CEILING = 10 ** (-1 / 20);

/** A program of the given voices, faded in over 1 s and not fading out within the render. */
const program = (
  voices: ProgramInput['voices'],
  ramps: ProgramInput['ramps'] = [],
  gainDb = -3,
): ProgramInput => ({
  name: 'test',
  durationSeconds: 3600,
  master: { gainDb, fadeInSeconds: 1, fadeOutSeconds: 1 },
  voices,
  ramps,
});
const after2s = (channel: Float32Array) => channel.subarray(2 * RATE);

describe(
  'the engine in headless Chromium',
  { skip: !hasChromium() && 'Chromium is not installed (CI installs it)' },
  () => {
    let lab: AudioLab;
    before(async () => {
      lab = await openAudioLab();
    });
    after(async () => {
      await lab?.close();
    });

    test('a binaural voice {carrier 200, beat 7} is 200 Hz left and 207 Hz right, within 0.01 Hz', async () => {
      const { channels } = await renderInLab(
        lab,
        program([{ id: 'b', type: 'binaural', carrierHz: 200, beatHz: 7, gainDb: -6 }]),
        10,
      );
      const left = peakFrequency(after2s(channels[0]!), RATE, [100, 300]);
      const right = peakFrequency(after2s(channels[1]!), RATE, [100, 300]);
      assert.ok(Math.abs(left - 200) <= 0.01, `left ${left}`);
      assert.ok(Math.abs(right - 207) <= 0.01, `right ${right}`);
      assert.ok(Math.abs(right - left - 7) <= 0.01, `beat ${right - left}`);
    });

    test('isochronic pulses come at their rate; the tone under them at its pitch', async () => {
      const { channels } = await renderInLab(
        lab,
        program([{ id: 'p', type: 'isochronic', toneHz: 300, rateHz: 10, duty: 0.5, gainDb: -6 }]),
        10,
      );
      const signal = after2s(channels[0]!);
      const envelope = Float32Array.from(signal, (x) => Math.abs(x));
      const mean = envelope.reduce((a, b) => a + b) / envelope.length;
      for (let i = 0; i < envelope.length; i++) envelope[i]! -= mean;
      const rate = peakFrequency(envelope, RATE, [2, 40]);
      assert.ok(Math.abs(rate - 10) <= 0.01, `pulse rate ${rate}`);
      assert.ok(Math.abs(peakFrequency(signal, RATE, [100, 1000]) - 300) <= 0.01);
    });

    test('pink noise falls 3 dB and brown 6 dB per octave (± 0.5)', async () => {
      for (const [color, slope, range] of [
        ['pink', -3, [40, 8000]],
        ['brown', -6, [40, 4000]],
      ] as const) {
        const { channels } = await renderInLab(
          lab,
          program([{ id: 'n', type: 'noise', color, seed: 3, gainDb: -6 }]),
          20,
        );
        const measured = spectralSlope(after2s(channels[0]!), RATE, range[0], range[1]);
        assert.ok(Math.abs(measured - slope) <= 0.5, `${color}: ${measured.toFixed(2)} dB/octave`);
      }
    });

    test('the output never passes −1 dBFS, however loud the voices', async () => {
      const loud = program(
        [
          { id: 'a', type: 'binaural', carrierHz: 200, beatHz: 7, gainDb: 0 },
          { id: 'b', type: 'monaural', carrierHz: 300, beatHz: 4, gainDb: 0 },
          { id: 'c', type: 'noise', color: 'white', gainDb: 0 },
          { id: 'd', type: 'tone', frequencyHz: 432, harmonics: [1, 1, 1], gainDb: 0 },
        ],
        [],
        0,
      );
      const { channels } = await renderInLab(lab, loud, 5);
      const peak = peakLevel(channels);
      assert.ok(peak <= CEILING, `peak ${peak} > ${CEILING}`);
      assert.ok(peak > CEILING * 0.9, 'and the limiter does not simply turn everything down');
    });

    test('sudden changes (beat 10→4 Hz, carrier 200→150 Hz, gain 0→1) make no step a clean signal would not', async () => {
      const changes = program(
        [{ id: 'b', type: 'binaural', carrierHz: 200, beatHz: 10, gainDb: -80 }],
        [
          { atSeconds: 2, target: 'b', param: 'gainDb', to: 0, durationSeconds: 0, curve: 'step' },
          { atSeconds: 3, target: 'b', param: 'beatHz', to: 4, durationSeconds: 0, curve: 'step' },
          {
            atSeconds: 4,
            target: 'b',
            param: 'carrierHz',
            to: 150,
            durationSeconds: 0,
            curve: 'step',
          },
        ],
        0,
      );
      const { channels } = await renderInLab(lab, changes, 5);
      // A clean sine of frequency f at amplitude A moves at most 2·A·sin(π·f/rate) per sample.
      const highest = 210;
      const bound = 2 * CEILING * Math.sin((Math.PI * highest) / RATE);
      for (const channel of channels) {
        const step = largestStep(channel);
        assert.ok(step <= bound * 1.02, `step ${step} > ${bound}`);
      }
      assert.ok(
        Math.abs(peakFrequency(channels[1]!.subarray(4.5 * RATE), RATE, [100, 300]) - 154) < 0.05,
      );
    });

    test('a seeded render is identical between two runs', async () => {
      const seeded = program([
        { id: 'n', type: 'noise', color: 'pink', seed: 42, gainDb: -6 },
        { id: 'br', type: 'breath', ratePerMinute: 6, seed: 9, gainDb: -6 },
      ]);
      const first = await renderInLab(lab, seeded, 3);
      const second = await renderInLab(lab, seeded, 3);
      assert.deepEqual(
        Buffer.from(first.channels[0]!.buffer),
        Buffer.from(second.channels[0]!.buffer),
      );
      const other = await renderInLab(
        lab,
        { ...seeded, voices: [{ id: 'n', type: 'noise', color: 'pink', seed: 43, gainDb: -6 }] },
        3,
      );
      assert.notDeepEqual(
        Buffer.from(first.channels[0]!.buffer),
        Buffer.from(other.channels[0]!.buffer),
      );
    });
  },
);
