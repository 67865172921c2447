import { PRESETS, type ProgramInput } from '@mindscape/audio-worklets/presets';

/**
 * How the biometric controller may steer each built-in program: which voice carries the beat
 * (a binaural beat, or an isochronic pulse rate), the band it may move in, and where the
 * program wants it to settle. The breath pacer, where there is one, is led toward 6 a minute.
 */
export interface ProgramChoice {
  name: string;
  label: string;
  summary: string;
  program: ProgramInput;
  beat: { voice: string; param: 'beatHz' | 'rateHz'; band: [number, number]; target: number };
  breathVoice: string | null;
}

const choice = (name: string, label: string, beat: ProgramChoice['beat']): ProgramChoice => {
  const program = PRESETS[name]!;
  return {
    name,
    label,
    summary: program.description ?? '',
    program,
    beat,
    breathVoice: program.voices.find((v) => v.type === 'breath')?.id ?? null,
  };
};

export const PROGRAMS: ProgramChoice[] = [
  choice('relax', 'Relax', { voice: 'beat', param: 'beatHz', band: [7, 13], target: 8 }),
  choice('focus', 'Focus', { voice: 'beat', param: 'beatHz', band: [12, 20], target: 16 }),
  choice('sleep', 'Sleep', { voice: 'beat', param: 'beatHz', band: [1, 8], target: 2 }),
  choice('meditate', 'Meditate', { voice: 'beat', param: 'beatHz', band: [4, 9], target: 7 }),
  choice('resonance', 'Resonance breathing', {
    voice: 'pulse',
    param: 'rateHz',
    band: [4, 10],
    target: 6,
  }),
];

/** The voice's starting value of a parameter, from the program itself. */
export function initialValue(program: ProgramInput, voiceId: string, param: string): number {
  const voice = program.voices.find((v) => v.id === voiceId) as Record<string, unknown> | undefined;
  const value = voice?.[param];
  if (typeof value !== 'number') throw new Error(`program ${program.name}: no ${voiceId}.${param}`);
  return value;
}
