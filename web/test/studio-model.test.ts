/** The story editor's pure parts: positions, links, findings, canvas nodes and arrow keys. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  choiceEdges,
  excerptOf,
  nearestInDirection,
  sceneNodes,
  type NodeInputs,
} from '../src/studio/editor/canvas-nodes';
import type { SceneNode } from '../src/studio/editor/scene-node';
import {
  findingsOf,
  formatPosition,
  parsePosition,
  textLinkingTo,
  type Scene,
  type StoryDraft,
} from '../src/studio/editor/story-model';

const scene = (id: string, name: string, text: string, position: string | null): Scene => ({
  id,
  name,
  text,
  tags: [],
  position,
  isEnding: false,
  order: Number(id.slice(1)),
  choices: [...text.matchAll(/\[\[(?:[^\]]*->)?([^\]]+)\]\]/g)].map((match, i) => ({
    id: `${id}/${i}`,
    text: match[1]!,
    targetName: match[1]!,
    kind: 'CHOICE',
    order: i,
    condition: null,
    recommendWhen: null,
    effects: null,
  })),
});

const draft = (...scenes: Scene[]): StoryDraft => ({
  id: 'story',
  title: 'T',
  status: 'DRAFT',
  version: 1,
  startSceneName: 'Harbour',
  scenes: new Map(scenes.map((s) => [s.id, s])),
});

const inputs = (story: StoryDraft, selected: string[] = []): NodeInputs => ({
  draft: story,
  flagged: new Set(),
  selected: new Set(selected),
  placed: {},
  moving: new Map(),
});

test('Twine positions: "x,y" read (decimals too), written back in whole units', () => {
  assert.deepEqual(parsePosition('100,250.5'), { x: 100, y: 250.5 });
  assert.equal(parsePosition(''), null);
  assert.equal(parsePosition('left,top'), null);
  assert.equal(formatPosition({ x: 100.4, y: -20.6 }), '100,-21');
});

test('a drawn choice appends a plain link to the source text', () => {
  assert.equal(textLinkingTo('The gate creaks.\n\n', 'Garden'), 'The gate creaks.\n[[Garden]]');
  assert.equal(textLinkingTo('', 'Garden'), '[[Garden]]');
});

test('an excerpt shows links as the words a reader sees', () => {
  assert.equal(excerptOf('Go on. [[Open it->Garden]] or [[Well]]'), 'Go on. Open it or Well');
});

test('findings name scenes by name, the missing start first', () => {
  const story = draft(scene('s1', 'Harbour', '[[Nowhere]]', '0,0'));
  const findings = findingsOf(
    {
      missingStart: true,
      brokenLinks: [{ sceneId: 's1', target: 'Nowhere' }],
      unreachable: [],
      deadEnds: [{ id: 's1' }],
      trappedCycles: [],
      undefinedVariables: [{ sceneId: 's1', variable: 'courage' }],
    },
    story.scenes,
  );
  assert.deepEqual(
    findings.map((f) => f.kind),
    ['missing start', 'broken link', 'dead end', 'undefined variable'],
  );
  assert.match(findings[1]!.message, /“Harbour” links to “Nowhere”/);
  assert.deepEqual(findings[3]!.sceneIds, ['s1']);
});

test('unchanged scenes keep their node objects; scenes without a place wait for the layout', () => {
  const harbour = scene('s1', 'Harbour', 'Wind. [[Garden]]', '0,0');
  const garden = scene('s2', 'Garden', 'Leaves.', '200,0');
  const unplaced = scene('s3', 'Well', 'Water.', null);
  const first = sceneNodes(inputs(draft(harbour, garden, unplaced)), []);
  assert.deepEqual(
    first.map((n) => n.id),
    ['s1', 's2'],
  );
  assert.match(first[0]!.ariaLabel!, /Scene “Harbour”, 1 choice, start scene/);

  const edited = { ...garden, text: 'Leaves fall.' };
  const second = sceneNodes(inputs(draft(harbour, edited, unplaced), ['s1']), first);
  assert.notEqual(second[0], first[0], 'selected: a new node');
  assert.equal(second[0]!.data, first[0]!.data, 'its data unchanged');
  assert.notEqual(second[1], first[1], 'edited: a new node');
  const third = sceneNodes(inputs(draft(harbour, edited, unplaced), ['s1']), second);
  assert.equal(third[0], second[0]);
  assert.equal(third[1], second[1]);
});

test('edges follow choices by target name; broken links draw none', () => {
  const story = draft(
    scene('s1', 'Harbour', '[[Garden]] [[Nowhere]]', '0,0'),
    scene('s2', 'Garden', '', '200,0'),
  );
  const edges = choiceEdges(story, []);
  assert.deepEqual(
    edges.map((e) => [e.source, e.target]),
    [['s1', 's2']],
  );
  assert.equal(choiceEdges(story, edges)[0], edges[0]);
});

test('arrow keys pick the nearest scene in that direction', () => {
  const at = (id: string, x: number, y: number) =>
    ({ id, position: { x, y }, data: {} }) as SceneNode;
  const here = at('a', 0, 0);
  const nodes = [here, at('right', 200, 10), at('far-right', 600, 0), at('down', 0, 150)];
  assert.equal(nearestInDirection(nodes, here, 'ArrowRight')?.id, 'right');
  assert.equal(nearestInDirection(nodes, here, 'ArrowDown')?.id, 'down');
  assert.equal(nearestInDirection(nodes, here, 'ArrowLeft'), null);
});
