import type { EditorSceneFragment, EditorValidationFragment, StoryStatus } from '../../gql/graphql';

export type Scene = EditorSceneFragment;
export type Choice = Scene['choices'][number];
export type Validation = EditorValidationFragment;

/** A point on the canvas, in canvas units (Twine's passage coordinates). */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** The working copy as the editor holds it: scenes by id, and the version the next edit names. */
export interface StoryDraft {
  id: string;
  title: string;
  status: StoryStatus;
  version: number;
  startSceneName: string | null;
  scenes: ReadonlyMap<string, Scene>;
}

/** Twine writes positions as "x,y" (decimals allowed): null when absent or unreadable. */
export function parsePosition(position: string | null | undefined): CanvasPoint | null {
  if (!position) return null;
  const [x, y] = position.split(',').map(Number);
  return Number.isFinite(x) && Number.isFinite(y) ? { x: x!, y: y! } : null;
}

/** Whole canvas units, as Twine writes them, so a Twee round trip keeps them exactly. */
export const formatPosition = ({ x, y }: CanvasPoint) => `${Math.round(x)},${Math.round(y)}`;

/** A scene's text with a link to `target` appended, in Twine's plainest syntax. */
export function textLinkingTo(text: string, target: string): string {
  const link = `[[${target}]]`;
  return text.trim() === '' ? link : `${text.replace(/\s+$/, '')}\n${link}`;
}

/** Scene names → ids: choices lead to a scene by name, whatever its id. */
export function sceneIdsByName(scenes: ReadonlyMap<string, Scene>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const scene of scenes.values()) byName.set(scene.name, scene.id);
  return byName;
}

/** One line of the validation panel: what is wrong, and the scenes to show for it. */
export interface Finding {
  key: string;
  kind:
    | 'missing start'
    | 'broken link'
    | 'unreachable'
    | 'dead end'
    | 'trapped cycle'
    | 'undefined variable';
  message: string;
  sceneIds: string[];
}

const nameOf = (scenes: ReadonlyMap<string, Scene>, id: string) => scenes.get(id)?.name ?? id;

/** The findings of a validation, in the order an author fixes them. */
export function findingsOf(validation: Validation, scenes: ReadonlyMap<string, Scene>): Finding[] {
  const findings: Finding[] = [];
  if (validation.missingStart)
    findings.push({
      key: 'start',
      kind: 'missing start',
      message: 'The story has no start scene.',
      sceneIds: [],
    });
  for (const link of validation.brokenLinks)
    findings.push({
      key: `broken:${link.sceneId}:${link.target}`,
      kind: 'broken link',
      message: `“${nameOf(scenes, link.sceneId)}” links to “${link.target}”, which does not exist.`,
      sceneIds: [link.sceneId],
    });
  for (const { id } of validation.unreachable)
    findings.push({
      key: `unreachable:${id}`,
      kind: 'unreachable',
      message: `No path from the start reaches “${nameOf(scenes, id)}”.`,
      sceneIds: [id],
    });
  for (const { id } of validation.deadEnds)
    findings.push({
      key: `dead:${id}`,
      kind: 'dead end',
      message: `“${nameOf(scenes, id)}” has no way on and is not marked as an ending.`,
      sceneIds: [id],
    });
  validation.trappedCycles.forEach((cycle, i) =>
    findings.push({
      key: `cycle:${i}:${cycle.sceneIds.join(',')}`,
      kind: 'trapped cycle',
      message: `Readers entering ${cycle.sceneNames.map((n) => `“${n}”`).join(', ')} can neither leave nor finish.`,
      sceneIds: cycle.sceneIds,
    }),
  );
  for (const variable of validation.undefinedVariables)
    findings.push({
      key: `variable:${variable.sceneId}:${variable.variable}`,
      kind: 'undefined variable',
      message: `“${nameOf(scenes, variable.sceneId)}” reads $${variable.variable}, which nothing sets.`,
      sceneIds: [variable.sceneId],
    });
  return findings;
}

/** The scene ids any finding names, for marking them on the canvas. */
export function flaggedSceneIds(findings: readonly Finding[]): Set<string> {
  return new Set(findings.flatMap((finding) => finding.sceneIds));
}
