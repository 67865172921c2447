import type { ProgramInput, VoiceInput } from './format.js';
import { ProgramError } from './format.js';

/**
 * Imports the common subset of SBaGen `.sbg` sequences: named tone-sets
 * (`alpha: pink/40 200+10/20`) of binaural (`carrier+beat/amp`, `carrier-beat/amp`),
 * isochronic (`carrier@rate/amp`), noise (`pink/amp`, `white/amp`, `brown/amp`) and `-`
 * (silence); and a timeline of `NOW name`, `+HH:MM[:SS] name` or `HH:MM[:SS] name` entries,
 * where `->` slides to the next entry (SBaGen's slide) and other changes cross-fade over 10 s.
 * Options lines (`-SE`…), `mix/…` and `spin:`/`wave…` specs are not supported and are
 * reported, not guessed.
 */
export function importSbagen(text: string, name = 'sbagen'): ProgramInput {
  const sets = new Map<string, Component[]>();
  const entries: Array<{ at: number; set: string; slide: boolean; line: number }> = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/[#;].*$/, '').trim();
    const number = index + 1;
    if (!line) return;
    if (line.startsWith('-')) {
      problems.push(`line ${number}: options lines are not supported`);
      return;
    }
    const definition = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (definition && !/^\d/.test(definition[1]!)) {
      const components: Component[] = [];
      for (const spec of definition[2]!.split(/\s+/).filter(Boolean)) {
        const component = parseComponent(spec);
        if (component) components.push(component);
        else if (spec !== '-') problems.push(`line ${number}: "${spec}" is not a supported tone`);
      }
      sets.set(definition[1]!, components);
      return;
    }
    const timed = /^(NOW|\+?\d{1,2}:\d{2}(?::\d{2})?)\s+(?:(\S+)\s*)?(->)?\s*(\S+)?\s*(->)?$/.exec(
      line,
    );
    if (!timed) {
      problems.push(`line ${number}: not a tone-set or a timeline entry`);
      return;
    }
    const setName = [timed[2], timed[4]].find((part) => part && part !== '->');
    if (!setName) {
      problems.push(`line ${number}: no tone-set named`);
      return;
    }
    entries.push({
      at: parseTime(timed[1]!),
      set: setName,
      slide: line.includes('->'),
      line: number,
    });
  });
  for (const entry of entries)
    if (!sets.has(entry.set) && entry.set !== 'off' && entry.set !== 'alloff')
      problems.push(`line ${entry.line}: no tone-set "${entry.set}"`);
  if (entries.length === 0) problems.push('no timeline entries (e.g. "NOW alpha")');
  if (problems.length) throw new ProgramError(problems);

  entries.sort((a, b) => a.at - b.at);
  const origin = entries[0]!.at;
  // One voice per kind and position among that kind's components, across all tone-sets.
  const voiceIds = new Map<string, Component>();
  for (const components of sets.values())
    keyed(components).forEach(([id, c]) => voiceIds.set(id, c));
  // Every voice starts silent; the first entry's ramps bring in its tone-set.
  const voices: VoiceInput[] = [...voiceIds].map(([id, c]) => silentVoice(id, c));
  const ramps: NonNullable<ProgramInput['ramps']> = [];
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    const components = new Map(keyed(sets.get(entry.set) ?? []));
    const at = entry.at - origin;
    const slideTo = entry.slide && next ? new Map(keyed(sets.get(next.set) ?? [])) : undefined;
    for (const id of voiceIds.keys()) {
      const now = components.get(id);
      const values = now ? paramsOf(now) : { gainDb: -80 };
      for (const [param, to] of Object.entries(values))
        ramps.push({
          atSeconds: at,
          target: id,
          param,
          to,
          durationSeconds: i === 0 ? 0 : 10,
          curve: 'sigmoid',
        });
      if (slideTo && next) {
        const then = slideTo.get(id);
        const target = then ? paramsOf(then) : { gainDb: -80 };
        for (const [param, to] of Object.entries(target))
          ramps.push({
            atSeconds: at + 10,
            target: id,
            param,
            to,
            durationSeconds: Math.max(0, next.at - entry.at - 10),
            curve: 'linear',
          });
      }
    }
  });
  const last = entries[entries.length - 1]!.at - origin;
  return { name, durationSeconds: Math.max(60, last + 60), voices, ramps };
}

type Component =
  | { kind: 'binaural'; carrierHz: number; beatHz: number; amp: number }
  | { kind: 'isochronic'; carrierHz: number; beatHz: number; amp: number }
  | { kind: 'noise'; color: 'pink' | 'white' | 'brown'; amp: number };

function parseComponent(spec: string): Component | undefined {
  const noise = /^(pink|white|brown)\/(\d+(?:\.\d+)?)$/.exec(spec);
  if (noise) return { kind: 'noise', color: noise[1] as 'pink', amp: Number(noise[2]) };
  const tone = /^(\d+(?:\.\d+)?)([+\-@])(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(spec);
  if (!tone) return undefined;
  const carrier = Number(tone[1]);
  const beat = Number(tone[3]);
  const amp = Number(tone[4]);
  if (tone[2] === '@') return { kind: 'isochronic', carrierHz: carrier, beatHz: beat, amp };
  // carrier-beat: the right ear is lower; the engine's carrier is the left ear's tone.
  return tone[2] === '+'
    ? { kind: 'binaural', carrierHz: carrier, beatHz: beat, amp }
    : { kind: 'binaural', carrierHz: carrier - beat, beatHz: beat, amp };
}

function keyed(components: Component[]): Array<[string, Component]> {
  const counts = new Map<string, number>();
  return components.map((c) => {
    const kind = c.kind === 'noise' ? `${c.color}-noise` : c.kind;
    const n = counts.get(kind) ?? 0;
    counts.set(kind, n + 1);
    return [`${kind}-${n}`, c];
  });
}

const ampToDb = (amp: number) =>
  amp <= 0 ? -80 : Math.max(-80, Math.min(0, 20 * Math.log10(amp / 100)));

function paramsOf(c: Component): Record<string, number> {
  if (c.kind === 'noise') return { gainDb: ampToDb(c.amp) };
  if (c.kind === 'binaural')
    return { carrierHz: c.carrierHz, beatHz: c.beatHz, gainDb: ampToDb(c.amp) };
  return { toneHz: c.carrierHz, rateHz: c.beatHz, gainDb: ampToDb(c.amp) };
}

function silentVoice(id: string, c: Component): VoiceInput {
  const gainDb = -80;
  if (c.kind === 'noise') return { id, type: 'noise', color: c.color, seed: 1, gainDb };
  if (c.kind === 'binaural')
    return { id, type: 'binaural', carrierHz: c.carrierHz, beatHz: c.beatHz, gainDb };
  return { id, type: 'isochronic', toneHz: c.carrierHz, rateHz: c.beatHz, gainDb };
}

function parseTime(text: string): number {
  if (text === 'NOW') return 0;
  const [h, m, s] = text.replace('+', '').split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}
