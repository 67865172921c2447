/**
 * What can go wrong in a branching story, checked in time linear in scenes + choices:
 * links to scenes that do not exist, scenes no path reaches, scenes with no way on that are
 * not endings, groups of scenes a reader can enter but never leave nor finish in, and
 * variables read but never set.
 */
export interface SceneNode {
  id: string;
  name: string;
  isEnding: boolean;
  /** Scene ids (or names of missing scenes) the scene leads to, choices and redirects. */
  targets: string[];
  /** Variables the scene (its text, conditions, effects) sets and reads. */
  sets: string[];
  reads: string[];
}

export interface StoryGraph {
  startId: string | undefined;
  scenes: SceneNode[];
  /** Variables the story declares up front. */
  declared: string[];
  /** Scenes the story format runs by itself (StoryInit, startup-tagged): reached without links. */
  alwaysReached?: string[];
}

export interface StoryValidation {
  brokenLinks: Array<{ sceneId: string; target: string }>;
  unreachable: string[];
  deadEnds: string[];
  /** Each a set of scene ids: reachable, no way out, no ending inside. */
  trappedCycles: string[][];
  undefinedVariables: Array<{ sceneId: string; variable: string }>;
  missingStart: boolean;
}

export function validateStory(graph: StoryGraph): StoryValidation {
  const byId = new Map(graph.scenes.map((scene) => [scene.id, scene]));
  const edges = new Map<string, string[]>();
  const brokenLinks: StoryValidation['brokenLinks'] = [];
  for (const scene of graph.scenes) {
    const valid: string[] = [];
    for (const target of scene.targets) {
      if (byId.has(target)) valid.push(target);
      else brokenLinks.push({ sceneId: scene.id, target });
    }
    edges.set(scene.id, valid);
  }
  const missingStart = graph.startId === undefined || !byId.has(graph.startId);
  const roots = [...(missingStart ? [] : [graph.startId!]), ...(graph.alwaysReached ?? [])];
  const reached = new Set<string>(roots.filter((id) => byId.has(id)));
  {
    const stack = [...reached];
    while (stack.length) {
      for (const next of edges.get(stack.pop()!)!) {
        if (!reached.has(next)) {
          reached.add(next);
          stack.push(next);
        }
      }
    }
  }
  const unreachable = graph.scenes.filter((s) => !reached.has(s.id)).map((s) => s.id);
  const deadEnds = graph.scenes
    .filter((s) => !s.isEnding && edges.get(s.id)!.length === 0)
    .map((s) => s.id);
  const trappedCycles = stronglyConnected([...reached], (id) => edges.get(id)!).filter(
    (component) => {
      const members = new Set(component);
      const cyclic = component.length > 1 || edges.get(component[0]!)!.includes(component[0]!);
      if (!cyclic) return false;
      const leaves = component.some((id) => edges.get(id)!.some((next) => !members.has(next)));
      const ends = component.some((id) => byId.get(id)!.isEnding);
      return !leaves && !ends;
    },
  );
  const set = new Set(graph.declared);
  for (const scene of graph.scenes) for (const name of scene.sets) set.add(name);
  const undefinedVariables = graph.scenes.flatMap((scene) =>
    scene.reads
      .filter((name) => !set.has(name))
      .map((variable) => ({ sceneId: scene.id, variable })),
  );
  return { brokenLinks, unreachable, deadEnds, trappedCycles, undefinedVariables, missingStart };
}

/** Tarjan's algorithm, iterative (a 5,000-scene chain must not overflow the stack). */
function stronglyConnected(nodes: string[], next: (id: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; edge: number }> = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = next(frame.id);
      if (frame.edge < targets.length) {
        const target = targets[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}
