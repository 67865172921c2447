/**
 * Audio engine: offline render speed (× real time) of a 10-minute full patch — binaural +
 * isochronic + pink noise + breath pacer — with our AudioWorklet engine, with the same patch
 * from Tone.js, and from native OscillatorNodes, all in the same headless Chromium; and the
 * cost per 128-frame block. Goal (issue 5): ≥ 100× real time, at least as fast as Tone.js.
 *
 *   npm run bench:audio
 */
import os from 'node:os';
import { hasChromium, openAudioLab, type ProgramInput } from '@mindscape/audio-worklets';
import { table } from './measure.js';

const SECONDS = 600;
const RATE = 48_000;
const RUNS = 3;

const FULL_PATCH: ProgramInput = {
  name: 'bench',
  durationSeconds: SECONDS,
  voices: [
    { id: 'beat', type: 'binaural', carrierHz: 200, beatHz: 7, gainDb: -14 },
    { id: 'pulse', type: 'isochronic', toneHz: 300, rateHz: 10, gainDb: -24 },
    { id: 'noise', type: 'noise', color: 'pink', seed: 1, gainDb: -28 },
    { id: 'breath', type: 'breath', ratePerMinute: 6, gainDb: -26 },
  ],
};

if (!hasChromium()) {
  console.log(
    'bench:audio needs Chromium at /usr/bin/chromium (Debian: apt-get install chromium); skipped.',
  );
  process.exit(0);
}
const lab = await openAudioLab();
try {
  type Run = { ms: number; realtimeFactor: number };
  const runs: Record<string, Run[]> = { mindscape: [], tone: [], native: [] };
  for (let i = 0; i < RUNS; i++) {
    console.log(`run ${i + 1}/${RUNS}: 10 minutes of the full patch, three ways…`);
    runs.mindscape!.push(
      await lab.page.evaluate(
        ([p, s, r]) =>
          (
            globalThis as unknown as { mindscape: { render(p: unknown, o: unknown): Promise<Run> } }
          ).mindscape.render(p, { seconds: s, sampleRate: r }),
        [FULL_PATCH, SECONDS, RATE] as const,
      ),
    );
    for (const which of ['tone', 'native'] as const)
      runs[which]!.push(
        await lab.page.evaluate(
          ([w, s, r]) =>
            (
              globalThis as unknown as { mindscape: { bench(w: string, o: unknown): Promise<Run> } }
            ).mindscape.bench(w, { seconds: s, sampleRate: r }),
          [which, SECONDS, RATE] as const,
        ),
      );
  }
  const blocks = (SECONDS * RATE) / 128;
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const tone = median(runs.tone!.map((r) => r.realtimeFactor));
  const rows = Object.entries({
    'MindScape AudioWorklet engine': runs.mindscape!,
    'Tone.js 15 (same patch)': runs.tone!,
    'native OscillatorNodes (same patch)': runs.native!,
  }).map(([name, list]) => {
    const factor = median(list.map((r) => r.realtimeFactor));
    const ms = median(list.map((r) => r.ms));
    return [name, ms, factor, (ms * 1000) / blocks, `${(factor / tone).toFixed(2)}×`];
  });
  table(
    `Audio — 10 min at 48 kHz stereo, offline in headless Chromium, median of ${RUNS}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; goal ≥ 100× real time and ≥ Tone.js`,
    ['render', 'ms', '× real time', 'µs per 128-frame block', 'vs Tone.js'],
    rows,
  );
} finally {
  await lab.close();
}
