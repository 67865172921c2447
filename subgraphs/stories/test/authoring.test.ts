import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  errorCodes,
  graphql,
  graphqlWsClient,
  recordEvents,
  signUp,
  removeStoriesOf,
  untilHeard,
  useTestStack,
} from '@mindscape/test-kit';
import { parseTwee } from '../src/interchange/twee.js';

const TWEE = `:: StoryTitle
Two Authors

:: StoryData
{"start": "Start"}

:: Start
[[Forest]]

:: Forest [ending]
Tall trees.
`;

const people: string[] = [];
const stack = useTestStack({}, () => removeStoriesOf(people));

const EDIT = `mutation($story: ID!, $v: Int!, $scene: ID!, $text: String, $name: String) {
  editScene(storyId: $story, expectedVersion: $v, sceneId: $scene, text: $text, name: $name) {
    version kind sceneIds authorId
  }
}`;

test('co-authors see each other’s edits live; a stale edit is refused; links follow the text', async () => {
  const ana = await signUp(stack.gatewayUrl, 'Ana');
  const bo = await signUp(stack.gatewayUrl, 'Bo');
  const cy = await signUp(stack.gatewayUrl, 'Cy');
  people.push(ana.userId, bo.userId, cy.userId);
  const imported = await graphql<{
    importStory: { id: string; version: number; scenes: Array<{ id: string; name: string }> };
  }>(
    stack.gatewayUrl,
    'mutation($s: String!) { importStory(format: TWEE, source: $s) { id version scenes { id name } } }',
    { s: TWEE },
    { token: ana.accessToken },
  );
  const story = imported.data!.importStory;
  const scene = (name: string) => story.scenes.find((s) => s.name === name)!.id;
  // Bo joins as co-author: a versioned step of its own (version 1 → 2).
  const coAuthor = await graphql(
    stack.gatewayUrl,
    'mutation($id: ID!, $ids: [ID!]) { updateStoryDetails(storyId: $id, expectedVersion: 1, authorIds: $ids) { version kind } }',
    { id: story.id, ids: [ana.userId, bo.userId] },
    { token: ana.accessToken },
  );
  assert.deepEqual(coAuthor.data, { updateStoryDetails: { version: 2, kind: 'DETAILS_CHANGED' } });

  const boWatches = recordEvents<{
    storyChanged: { version: number; kind: string; authorId: string };
  }>(
    graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${bo.accessToken}` }),
    'subscription($id: ID!) { storyChanged(storyId: $id) { version kind authorId } }',
    { id: story.id },
  );
  const cyWatches = recordEvents(
    graphqlWsClient(stack.gatewayUrl, { authorization: `Bearer ${cy.accessToken}` }),
    'subscription($id: ID!) { storyChanged(storyId: $id) { version } }',
    { id: story.id },
  );
  await cyWatches.until(1, 5000);
  assert.deepEqual(
    cyWatches.results[0]?.errors?.map((e) => e.extensions?.code),
    ['NOT_FOUND'],
  );
  // Bo's subscription is live once a change reaches it: Ana confirms the authors (a change
  // of its own) until he hears one. `v` is the version then; nothing earlier is on its way.
  let v = 2;
  await untilHeard([boWatches], async () => {
    const confirmed = await graphql<{ updateStoryDetails: { version: number } }>(
      stack.gatewayUrl,
      'mutation($id: ID!, $v: Int!, $ids: [ID!]) { updateStoryDetails(storyId: $id, expectedVersion: $v, authorIds: $ids) { version } }',
      { id: story.id, v, ids: [ana.userId, bo.userId] },
      { token: ana.accessToken },
    );
    v = confirmed.data!.updateStoryDetails.version;
    return `"version":${v},`;
  });
  boWatches.results.length = 0;

  // Ana edits against version v: Bo hears of it.
  const byAna = await graphql<{ editScene: { version: number } }>(
    stack.gatewayUrl,
    EDIT,
    { story: story.id, v, scene: scene('Start'), text: 'Choose. [[Forest]] [[Lake]]' },
    { token: ana.accessToken },
  );
  assert.equal(byAna.data?.editScene.version, v + 1, JSON.stringify(byAna));
  await boWatches.until(1);
  assert.deepEqual(boWatches.results[0]?.data?.storyChanged, {
    version: v + 1,
    kind: 'SCENE_EDITED',
    authorId: ana.userId,
  });

  // Bo, still at version v, is refused; nothing of his edit lands.
  const stale = await graphql(
    stack.gatewayUrl,
    EDIT,
    { story: story.id, v, scene: scene('Start'), text: 'Overwritten!' },
    { token: bo.accessToken },
  );
  assert.deepEqual(errorCodes(stale), ['CONFLICT']);
  assert.equal(stale.errors?.[0]?.extensions?.currentVersion, v + 1);

  // Bo adds the Lake scene at version v + 1: Ana's dangling link now leads there.
  const added = await graphql<{ addScene: { version: number } }>(
    stack.gatewayUrl,
    'mutation($id: ID!, $v: Int!) { addScene(storyId: $id, expectedVersion: $v, name: "Lake", text: "Still water.", tags: ["ending"]) { version } }',
    { id: story.id, v: v + 1 },
    { token: bo.accessToken },
  );
  assert.equal(added.data?.addScene.version, v + 2, JSON.stringify(added));
  const validation = await graphql<{
    validateStory: { brokenLinks: unknown[]; deadEnds: unknown[] };
  }>(
    stack.gatewayUrl,
    'query($id: ID!) { validateStory(storyId: $id) { brokenLinks { target } deadEnds { id } } }',
    { id: story.id },
    { token: ana.accessToken },
  );
  assert.deepEqual(validation.data?.validateStory, { brokenLinks: [], deadEnds: [] });
  const read = await graphql<{
    story: {
      version: number;
      scenes: Array<{ name: string; choices: Array<{ target: { name: string } | null }> }>;
    };
  }>(
    stack.gatewayUrl,
    'query($id: ID!) { story(id: $id) { version scenes { name choices(sort: [{ order: ASC }]) { target { name } } } } }',
    { id: story.id },
    { token: bo.accessToken },
  );
  assert.equal(read.data?.story.version, v + 2);
  assert.deepEqual(
    read.data?.story.scenes.find((s) => s.name === 'Start')?.choices.map((c) => c.target?.name),
    ['Forest', 'Lake'],
  );

  // The edit is in the export, as the author wrote it.
  const exported = await graphql<{ exportStory: string }>(
    stack.gatewayUrl,
    'query($id: ID!) { exportStory(storyId: $id, format: TWEE) }',
    { id: story.id },
    { token: ana.accessToken },
  );
  const passages = parseTwee(exported.data!.exportStory).passages;
  assert.equal(passages.find((p) => p.name === 'Start')?.text, 'Choose. [[Forest]] [[Lake]]');
  assert.equal(passages.find((p) => p.name === 'Lake')?.text, 'Still water.');

  // Deleting a scene says which links it breaks; Cy cannot edit at all.
  const deletion = await graphql<{ deleteScene: { brokenLinks: Array<{ target: string }> } }>(
    stack.gatewayUrl,
    'mutation($id: ID!, $v: Int!, $scene: ID!) { deleteScene(storyId: $id, expectedVersion: $v, sceneId: $scene) { change { version } brokenLinks { sceneId target } } }',
    { id: story.id, v: v + 2, scene: scene('Forest') },
    { token: ana.accessToken },
  );
  assert.deepEqual(
    deletion.data?.deleteScene.brokenLinks,
    [{ sceneId: scene('Start'), target: 'Forest' }],
    JSON.stringify(deletion),
  );
  const byCy = await graphql(
    stack.gatewayUrl,
    EDIT,
    { story: story.id, v: v + 3, scene: scene('Start'), text: 'mine' },
    { token: cy.accessToken },
  );
  assert.deepEqual(errorCodes(byCy), ['NOT_FOUND']);
  await boWatches.until(3);
  assert.deepEqual(
    boWatches.results.map((r) => r.data?.storyChanged.kind),
    ['SCENE_EDITED', 'SCENE_ADDED', 'SCENE_DELETED'],
  );
});
