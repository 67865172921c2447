import { z } from 'zod';
import { PARAM_BOUNDS, RAMPABLE } from './bounds.js';

export { PARAM_BOUNDS, RAMPABLE } from './bounds.js';

/**
 * The program format: voices with their parameters and ramps over time, as JSON. Units are
 * in the names (Hz, Seconds, Db). Bounds are the safety rules: no beat over 40 Hz, carriers
 * 50–1,000 Hz, gains at most 0 dB with the output limited to −1 dBFS, fades of at least 1 s.
 *
 * Binaural beats are not centred: the left ear hears `carrierHz`, the right
 * `carrierHz + beatHz` ({carrierHz: 200, beatHz: 7} is 200 Hz left, 207 Hz right).
 */
const id = z
  .string()
  .regex(/^[A-Za-z][\w-]{0,39}$/, 'a voice id: a letter, then letters, digits, _ or -');
const gainDb = z.number().min(-80).max(0);
const common = {
  id,
  gainDb: gainDb.default(-12),
  /** −1 left … 1 right (equal-power); not for binaural voices, whose ears are the point. */
  pan: z.number().min(-1).max(1).default(0),
  /** Slow circling between the ears, in turns per second. */
  spinHz: z.number().min(0).max(1).default(0),
};
const carrierHz = z.number().min(50).max(1000);
const beatHz = z.number().min(0.5).max(40);

export const voiceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('binaural'), carrierHz, beatHz, ...common }),
  z.object({ type: z.literal('monaural'), carrierHz, beatHz, ...common }),
  z.object({
    type: z.literal('isochronic'),
    toneHz: carrierHz,
    rateHz: beatHz,
    /** Part of each period the tone sounds. */
    duty: z.number().min(0.05).max(0.95).default(0.5),
    /** Part of the on-time spent rising and falling (raised cosine): smooth pulses, no clicks. */
    edge: z.number().min(0.01).max(0.5).default(0.25),
    ...common,
  }),
  z.object({
    type: z.literal('tone'),
    frequencyHz: z.number().min(20).max(2000),
    /** Amplitudes of harmonics 2, 3, … relative to the fundamental. */
    harmonics: z.array(z.number().min(0).max(1)).max(8).default([]),
    ...common,
  }),
  z.object({
    type: z.literal('noise'),
    color: z.enum(['white', 'pink', 'brown']),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    ...common,
  }),
  z.object({
    type: z.literal('breath'),
    /** Breaths per minute the swell paces. */
    ratePerMinute: z.number().min(2).max(30),
    /** Part of each breath spent breathing in (0.4: in 4, out 6). */
    inhaleRatio: z.number().min(0.2).max(0.8).default(0.4),
    /** How deep the swell goes: 0 steady, 1 from silence to full. */
    depth: z.number().min(0).max(1).default(0.8),
    source: z.enum(['noise', 'tone']).default('noise'),
    toneHz: z.number().min(50).max(1000).default(174),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(7),
    ...common,
  }),
]);

export const curveSchema = z.enum(['linear', 'slide', 'exponential', 'sigmoid', 'step', 'drop']);

export const rampSchema = z.object({
  /** When the ramp starts, seconds from the program's start. */
  atSeconds: z.number().min(0).max(86_400),
  /** A voice id, or "master". */
  target: z.string(),
  param: z.string(),
  to: z.number(),
  durationSeconds: z.number().min(0).max(86_400),
  curve: curveSchema.default('linear'),
});

export const programSchema = z
  .object({
    name: z.string().min(1).max(80),
    description: z.string().max(500).default(''),
    /** Length of a session; the master fades out at its end. */
    durationSeconds: z.number().min(1).max(86_400).default(1200),
    master: z
      .object({
        gainDb: gainDb.default(-6),
        fadeInSeconds: z.number().min(1).max(600).default(8),
        fadeOutSeconds: z.number().min(1).max(600).default(12),
      })
      .default({ gainDb: -6, fadeInSeconds: 8, fadeOutSeconds: 12 }),
    voices: z.array(voiceSchema).min(1).max(16),
    ramps: z.array(rampSchema).max(1000).default([]),
  })
  .superRefine((program, ctx) => {
    const types = new Map(program.voices.map((voice) => [voice.id, voice.type]));
    if (types.size !== program.voices.length)
      ctx.addIssue({ code: 'custom', path: ['voices'], message: 'voice ids must be unique' });
    program.ramps.forEach((ramp, i) => {
      const type = ramp.target === 'master' ? 'master' : types.get(ramp.target);
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          path: ['ramps', i, 'target'],
          message: `no voice "${ramp.target}"`,
        });
        return;
      }
      if (!(RAMPABLE[type] as readonly string[]).includes(ramp.param))
        ctx.addIssue({
          code: 'custom',
          path: ['ramps', i, 'param'],
          message: `a ${type} ramp changes one of ${RAMPABLE[type].join(', ')}`,
        });
      const bounds = PARAM_BOUNDS[ramp.param];
      if (bounds && (ramp.to < bounds[0] || ramp.to > bounds[1]))
        ctx.addIssue({
          code: 'custom',
          path: ['ramps', i, 'to'],
          message: `${ramp.param} goes from ${bounds[0]} to ${bounds[1]}`,
        });
    });
  });

export type Voice = z.output<typeof voiceSchema>;
export type VoiceInput = z.input<typeof voiceSchema>;
export type Ramp = z.output<typeof rampSchema>;
export type Program = z.output<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;

/** A program from untrusted JSON, or an error naming each field at fault and what is allowed. */
export function parseProgram(input: unknown): Program {
  const parsed = programSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ProgramError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(program)'}: ${issue.message}`),
  );
}

export class ProgramError extends Error {
  override name = 'ProgramError';
  constructor(readonly problems: string[]) {
    super(`Not a valid program: ${problems.join('; ')}`);
  }
}
