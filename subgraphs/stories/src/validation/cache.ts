import type { SceneState, StoryState } from '../model.js';
import { isFormatPassage, sceneNode } from '../interchange/source-graph.js';
import { parseEffects, ruleVariables } from '../choice-rules.js';
import { validateStory, type SceneNode } from './validate.js';

/** Findings by scene id (validation itself works by scene name, as links do). */
export interface StoredValidation {
  brokenLinks: Array<{ sceneId: string; target: string }>;
  unreachableIds: string[];
  deadEndIds: string[];
  trappedCycles: Array<{ sceneIds: string[]; sceneNames: string[] }>;
  undefinedVariables: Array<{ sceneId: string; variable: string }>;
  missingStart: boolean;
}

interface CachedScene {
  id: string;
  node: SceneNode;
  formatPassage: boolean;
}

interface Entry {
  version: number;
  start: string | null;
  scenes: Map<string, CachedScene>;
}

/**
 * The incremental check: each story's scene graph (no texts, just names, links and
 * variables) is kept per version, and an edit patches the scenes it touched — parsing only
 * those — before the graph checks run again over the kept graph. An entry is used only at
 * the version it was made for; anything else (an edit on another instance, an unknown
 * story) is a full load.
 */
export class ValidationCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 32) {}

  remember(storyId: string, version: number, state: StoryState): void {
    const entry: Entry = { version, start: state.start, scenes: new Map() };
    applyState(entry, state);
    this.entries.delete(storyId);
    this.entries.set(storyId, entry);
    // Least recently used first in insertion order.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Brings a kept graph from `from` to `to` with the touched scenes' new state. */
  patch(storyId: string, from: number, to: number, state: StoryState): void {
    const entry = this.entries.get(storyId);
    if (!entry) return;
    if (entry.version !== from) {
      this.entries.delete(storyId);
      return;
    }
    applyState(entry, state);
    entry.start = state.start;
    entry.version = to;
  }

  /** The findings at `version`, if the kept graph is at that version. */
  validate(storyId: string, version: number): StoredValidation | undefined {
    const entry = this.entries.get(storyId);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(storyId);
    this.entries.set(storyId, entry);
    return findings(entry);
  }
}

function applyState(entry: Entry, state: StoryState): void {
  for (const [id, scene] of Object.entries(state.scenes)) {
    if (scene) entry.scenes.set(id, cachedScene(scene));
    else entry.scenes.delete(id);
  }
}

function cachedScene(scene: SceneState): CachedScene {
  const sets: string[] = [];
  const reads: string[] = [];
  for (const choice of scene.choices) {
    for (const rule of [choice.condition, choice.recommendWhen])
      if (rule) reads.push(...ruleVariables(rule));
    if (choice.effects)
      for (const effect of parseEffects(choice.effects)) {
        sets.push(effect.variable);
        reads.push(...effect.reads.filter((name) => name !== effect.variable));
      }
  }
  return {
    id: scene.id,
    formatPassage: isFormatPassage(scene.name, scene.tags),
    node: sceneNode(
      scene.name,
      scene.text,
      scene.isEnding,
      scene.choices.map((choice) => choice.targetName),
      { sets, reads },
    ),
  };
}

function findings(entry: Entry): StoredValidation {
  const scenes = [...entry.scenes.values()];
  const idByName = new Map(scenes.map((scene) => [scene.node.name, scene.id]));
  const toId = (name: string) => idByName.get(name)!;
  const result = validateStory({
    startId: entry.start ?? undefined,
    declared: [],
    alwaysReached: scenes.filter((scene) => scene.formatPassage).map((scene) => scene.node.name),
    scenes: scenes.map((scene) => scene.node),
  });
  return {
    brokenLinks: result.brokenLinks.map((link) => ({ ...link, sceneId: toId(link.sceneId) })),
    unreachableIds: result.unreachable.map(toId),
    deadEndIds: result.deadEnds.map(toId),
    trappedCycles: result.trappedCycles.map((names) => ({
      sceneIds: names.map(toId),
      sceneNames: names,
    })),
    undefinedVariables: result.undefinedVariables.map((found) => ({
      ...found,
      sceneId: toId(found.sceneId),
    })),
    missingStart: result.missingStart,
  };
}
