/**
 * npm run render -- --program <preset | program.json | sequence.sbg> --duration <s>
 *   --out <file.wav> [--sample-rate 48000] [--seed N] [--pcm24]
 *
 * Renders through the real engine in headless Chromium (OfflineAudioContext) and writes a
 * stereo WAV (32-bit float, or 24-bit PCM), printing the real-time factor.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openAudioLab, renderInLab, hasChromium, CHROMIUM } from '../browser/chromium.js';
import { parseProgram, type ProgramInput } from '../program/format.js';
import { PRESETS, PRESET_NAMES } from '../program/presets.js';
import { importSbagen } from '../program/sbagen.js';
import { encodeWav } from '../wav.js';

const { values } = parseArgs({
  options: {
    program: { type: 'string' },
    duration: { type: 'string' },
    out: { type: 'string' },
    'sample-rate': { type: 'string', default: '48000' },
    seed: { type: 'string' },
    pcm24: { type: 'boolean', default: false },
  },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
if (!values.program || !values.duration || !values.out)
  fail(
    `usage: npm run render -- --program <${PRESET_NAMES.join('|')}|file.json|file.sbg> --duration <s> --out <file.wav> [--sample-rate 48000] [--seed N] [--pcm24]`,
  );
const seconds = Number(values.duration);
const sampleRate = Number(values['sample-rate']);
if (!(seconds > 0 && seconds <= 86_400)) fail('--duration is seconds, up to 86,400');
if (![22_050, 44_100, 48_000, 88_200, 96_000].includes(sampleRate))
  fail('--sample-rate is one of 22050, 44100, 48000, 88200, 96000');
if (!hasChromium())
  fail(`Rendering needs Chromium at ${CHROMIUM} (Debian: apt-get install chromium).`);

// npm runs workspace scripts in the workspace; paths are the caller's.
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function load(name: string): Promise<ProgramInput> {
  if (PRESETS[name]) return PRESETS[name];
  const text = await readFile(here(name), 'utf8');
  return name.endsWith('.sbg') ? importSbagen(text, name) : (JSON.parse(text) as ProgramInput);
}

const program = parseProgram(await load(values.program!));
// The seed reseeds every noise source, so a render is reproducible run to run.
if (values.seed !== undefined) {
  const seed = Number(values.seed) >>> 0;
  program.voices.forEach((voice, i) => {
    if ('seed' in voice) voice.seed = (seed + i * 7919) >>> 0;
  });
}
// Render exactly what was asked, with the fade-out landing at its end.
program.durationSeconds = seconds;
program.master.fadeOutSeconds = Math.min(program.master.fadeOutSeconds, Math.max(1, seconds / 4));
program.master.fadeInSeconds = Math.min(program.master.fadeInSeconds, Math.max(1, seconds / 4));
console.log(`rendering ${program.name} for ${seconds} s at ${sampleRate} Hz in headless Chromium…`);
const lab = await openAudioLab();
try {
  const { channels, realtimeFactor, ms } = await renderInLab(lab, program, seconds, sampleRate);
  await writeFile(
    here(values.out!),
    encodeWav(channels, sampleRate, values.pcm24 ? 'pcm24' : 'float32'),
  );
  console.log(
    `wrote ${values.out} (${values.pcm24 ? '24-bit PCM' : '32-bit float'}, stereo): rendered in ${(ms / 1000).toFixed(2)} s, ${realtimeFactor.toFixed(0)}× real time`,
  );
} finally {
  await lab.close();
}
