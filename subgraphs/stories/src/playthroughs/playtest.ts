import { seededRandom } from '@mindscape/biosignals';
import {
  applyEffects,
  compileEffects,
  compileRule,
  type Effect,
  type Rule,
} from '../choice-rules.js';
import type { SceneState, StoryState } from '../model.js';

export interface PlaytestOptions {
  runs: number;
  /** Steps after which a run counts as going round in circles. */
  maxSteps: number;
  seed: number;
}

export interface PlaytestReport {
  runs: number;
  steps: number;
  /** Runs that reached an ending. */
  finished: number;
  /** Runs that stopped in a scene that is not an ending, with nothing to choose. */
  stuck: number;
  /** Runs still going after maxSteps. */
  looping: number;
  scenes: Array<{ sceneId: string; name: string; visits: number }>;
  choices: Array<{
    choiceId: string;
    sceneId: string;
    text: string;
    targetName: string;
    offered: number;
    taken: number;
  }>;
  unreachedSceneIds: string[];
  neverOfferedChoiceIds: string[];
  untakenChoiceIds: string[];
}

interface PlayChoice {
  id: string;
  targetId: string | undefined;
  condition: Rule | undefined;
  effects: Effect[];
}

/**
 * The random playtester: many readers walk the story, each with a body whose stress, arousal
 * and valence wander (heart rate, breathing and coherence following them), so rules on the
 * live state go both ways, taking a random offered
 * choice at each scene and applying its effects. The report says how often each scene was
 * visited and each choice offered and taken: a choice never offered has a rule that never
 * holds; a scene never visited is unreachable in practice, even when a link leads there.
 */
export function playtest(state: StoryState, options: PlaytestOptions): PlaytestReport {
  const scenes = Object.values(state.scenes).filter((scene): scene is SceneState => !!scene);
  const idByName = new Map(scenes.map((scene) => [scene.name, scene.id]));
  const byId = new Map(scenes.map((scene) => [scene.id, scene]));
  const play = new Map<string, PlayChoice[]>(
    scenes.map((scene) => [
      scene.id,
      scene.choices.map((choice) => ({
        id: choice.id,
        targetId: idByName.get(choice.targetName),
        condition: choice.condition ? compileRule(choice.condition, 'condition') : undefined,
        effects: choice.effects ? compileEffects(choice.effects) : [],
      })),
    ]),
  );
  const visits = new Map<string, number>();
  const offered = new Map<string, number>();
  const taken = new Map<string, number>();
  const bump = (counts: Map<string, number>, id: string) =>
    counts.set(id, (counts.get(id) ?? 0) + 1);
  const random = seededRandom(options.seed);
  const report = { runs: options.runs, steps: 0, finished: 0, stuck: 0, looping: 0 };
  const startId = state.start ? idByName.get(state.start) : undefined;

  for (let run = 0; run < (startId ? options.runs : 0); run++) {
    let sceneId = startId!;
    let variables: Record<string, number> = {};
    const body = { stress: random(), arousal: random(), valence: random() * 2 - 1 };
    let steps = 0;
    for (; ; steps++) {
      bump(visits, sceneId);
      const scene = byId.get(sceneId)!;
      // The body drifts a little at each step, bounded to its range.
      body.stress = clamp(body.stress + (random() - 0.5) * 0.3, 0, 1);
      body.arousal = clamp(body.arousal + (random() - 0.5) * 0.3, 0, 1);
      body.valence = clamp(body.valence + (random() - 0.5) * 0.3, -1, 1);
      // The rest of the live state follows from these (no further draws: seeded runs stay as
      // they were): a roused body beats and breathes faster, a stressed one less coherently.
      const derived = {
        heartRate: 55 + 80 * body.arousal,
        breathingRate: 6 + 12 * body.arousal,
        coherence: 10 * (1 - body.stress),
      };
      const facts = { ...variables, ...body, ...derived };
      const available = play
        .get(sceneId)!
        .filter((choice) => !choice.condition || choice.condition(facts));
      for (const choice of available) bump(offered, choice.id);
      const usable = available.filter((choice) => choice.targetId);
      if (usable.length === 0) {
        if (scene.isEnding) report.finished++;
        else report.stuck++;
        break;
      }
      if (steps >= options.maxSteps) {
        report.looping++;
        break;
      }
      const choice = usable[Math.floor(random() * usable.length)]!;
      bump(taken, choice.id);
      variables = applyEffects(choice.effects, variables, body);
      sceneId = choice.targetId!;
    }
    report.steps += steps;
  }

  const choices = scenes.flatMap((scene) =>
    scene.choices.map((choice) => ({
      choiceId: choice.id,
      sceneId: scene.id,
      text: choice.text,
      targetName: choice.targetName,
      offered: offered.get(choice.id) ?? 0,
      taken: taken.get(choice.id) ?? 0,
    })),
  );
  return {
    ...report,
    scenes: scenes.map((scene) => ({
      sceneId: scene.id,
      name: scene.name,
      visits: visits.get(scene.id) ?? 0,
    })),
    choices,
    unreachedSceneIds: scenes.filter((scene) => !visits.has(scene.id)).map((scene) => scene.id),
    neverOfferedChoiceIds: choices.filter((c) => c.offered === 0).map((c) => c.choiceId),
    untakenChoiceIds: choices.filter((c) => c.taken === 0).map((c) => c.choiceId),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
