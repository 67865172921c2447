import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  signUp as signUpPerson,
  startTestStack,
  removeStoriesOf,
  type SignedUp,
  type TestStack,
} from '@mindscape/test-kit';
import { Kind, parse, type DocumentNode } from 'graphql';
import { storiesSubgraphSdl } from '../src/app.js';

const TWEE = `:: StoryTitle
Private Lake

:: StoryData
{"start": "Shore"}

:: Shore
The water is still. [[Rest]]

:: Rest [ending]
You rest.
`;

/** The hand-written operations: everything else the generated schema could offer stays shut. */
const MUTATIONS = [
  'addScene',
  'choose',
  'createStory',
  'deleteScene',
  'deleteStory',
  'editScene',
  'importStory',
  'moveScenes',
  'publishStory',
  'redo',
  'restoreVersion',
  'setChoiceRule',
  'setStartScene',
  'startPlaythrough',
  'undo',
  'updateStoryDetails',
];
const QUERIES = [
  'exportStory',
  'playtestStory',
  'playthrough',
  'publishedStory',
  'scenes',
  'stories',
  'story',
  'storyHistory',
  'storyVersions',
  'validateStory',
];

function rootFields(document: DocumentNode, name: string): string[] {
  return document.definitions
    .flatMap((d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      d.name.value === name
        ? (d.fields ?? []).map((f) => f.name.value)
        : [],
    )
    .sort();
}

describe('the generated schema is closed', () => {
  test('only hand-written mutations; no generated write inputs; no root connections or aggregates', async () => {
    const document = parse(await storiesSubgraphSdl());
    assert.deepEqual(rootFields(document, 'Mutation'), MUTATIONS);
    assert.deepEqual(rootFields(document, 'Query'), QUERIES);
    const inputs = document.definitions.flatMap((d) =>
      d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ? [d] : [],
    );
    const writable = inputs.filter(
      (input) =>
        /Create|Connect(?!ion)|Disconnect|Update|Delete|Mutations$/.test(input.name.value) ||
        (input.fields ?? []).some((f) =>
          ['create', 'connect', 'connectOrCreate', 'update', 'delete', 'disconnect'].includes(
            f.name.value,
          ),
        ),
    );
    assert.deepEqual(
      writable.map((input) => input.name.value),
      [],
    );
    // Filters reach no relationship from Story: a published story cannot be probed by the
    // text of its working copy.
    const storyWhere = inputs.find((input) => input.name.value === 'StoryWhere')!;
    assert.deepEqual(
      (storyWhere.fields ?? [])
        .map((f) => f.name.value)
        .filter((name) => name.startsWith('scenes')),
      [],
    );
  });
});

describe('stories through the gateway, as someone else', () => {
  let stack: TestStack;
  const people: string[] = [];
  const signUp = async (name: string): Promise<SignedUp> => {
    const person = await signUpPerson(stack.gatewayUrl, name);
    people.push(person.userId);
    return person;
  };
  const importAs = async (person: SignedUp) => {
    const imported = await graphql<{ importStory: { id: string } }>(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      { s: TWEE },
      { token: person.accessToken },
    );
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    return imported.data!.importStory.id;
  };
  before(async () => {
    stack = await startTestStack();
  });
  after(async () => {
    await removeStoriesOf(people);
    await stack.close();
  });

  test('the issue’s nested writes are refused, and nothing is written', async () => {
    const ana = await signUp('Ana');
    const mallory = await signUp('Mallory');
    const id = await importAs(ana);
    const attempts = [
      // Anonymous scenes added to anyone's story; the answer listing others' drafts.
      `mutation { updateStories(where: { id: { eq: "${id}" } }, update: { scenes: [{ create: [{ node: { name: "X", text: "pwned", tags: [], isEnding: false, order: 9 } }] }] }) { stories { title authorIds script storyData } } }`,
      `mutation { updateStories(where: { status: { eq: DRAFT } }, update: {}) { stories { id title } } }`,
      `mutation { updateStories(where: { id: { eq: "${id}" } }, update: { scenes: [{ connect: [{ where: { node: { name: { eq: "Shore" } } } }] }] }) { stories { id } } }`,
      // An author's unversioned rewrite of every scene.
      `mutation { updateStories(where: { id: { eq: "${id}" } }, update: { scenes: [{ update: { node: { text: { set: "rewritten" } } } }] }) { stories { id } } }`,
      `mutation { createScenes(input: [{ name: "X", text: "x", tags: [], isEnding: false, order: 0 }]) { scenes { id } } }`,
      `mutation { deleteStories(where: { id: { eq: "${id}" } }) { nodesDeleted } }`,
    ];
    for (const token of [undefined, mallory.accessToken, ana.accessToken]) {
      for (const query of attempts) {
        const answer = await graphql(stack.gatewayUrl, query, {}, token ? { token } : {});
        assert.deepEqual(errorCodes(answer), ['GRAPHQL_VALIDATION_FAILED'], query);
        assert.equal(answer.data, undefined);
      }
    }
    const read = await graphql<{ story: { scenes: Array<{ name: string; text: string }> } }>(
      stack.gatewayUrl,
      'query($id: ID!) { story(id: $id) { scenes(sort: [{ order: ASC }]) { name text } } }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(read.data?.story.scenes, [
      { name: 'Shore', text: 'The water is still. [[Rest]]' },
      { name: 'Rest', text: 'You rest.' },
    ]);
  });

  test('updateStoryDetails: authors only, bounded input, coded errors, one versioned step', async () => {
    const ana = await signUp('Ana');
    const bo = await signUp('Bo');
    const id = await importAs(ana);
    const details = (
      variables: { v: number; summary?: string; authorIds?: string[] },
      token?: string,
    ) =>
      graphql<{ updateStoryDetails: { version: number; kind: string; authorId: string } }>(
        stack.gatewayUrl,
        `
          mutation ($id: ID!, $v: Int!, $summary: String, $authorIds: [ID!]) {
            updateStoryDetails(
              storyId: $id
              expectedVersion: $v
              summary: $summary
              authorIds: $authorIds
            ) {
              version
              kind
              authorId
            }
          }
        `,
        { id, ...variables },
        token ? { token } : {},
      );
    const refusals: Array<[Parameters<typeof details>, string, string?]> = [
      [[{ v: 1, summary: 'x' }], 'UNAUTHENTICATED'],
      [[{ v: 1, authorIds: [bo.userId] }, bo.accessToken], 'NOT_FOUND'],
      [[{ v: 1 }, ana.accessToken], 'BAD_USER_INPUT', 'summary'],
      [[{ v: 1, summary: 'x'.repeat(5_001) }, ana.accessToken], 'BAD_USER_INPUT', 'summary'],
      [[{ v: 1, authorIds: [] }, ana.accessToken], 'BAD_USER_INPUT', 'authorIds'],
      [[{ v: 1, authorIds: ['{ $ne: 1 }'] }, ana.accessToken], 'BAD_USER_INPUT', 'authorIds'],
      [
        [{ v: 1, authorIds: Array.from({ length: 21 }, (_, i) => `user${i}`) }, ana.accessToken],
        'BAD_USER_INPUT',
        'authorIds',
      ],
      // Handing the story wholly to someone else.
      [[{ v: 1, authorIds: [bo.userId] }, ana.accessToken], 'BAD_USER_INPUT', 'authorIds'],
      [[{ v: 7, summary: 'x' }, ana.accessToken], 'CONFLICT', 'expectedVersion'],
    ];
    for (const [args, code, field] of refusals) {
      const answer = await details(...args);
      assert.deepEqual(errorCodes(answer), [code], JSON.stringify([args[0], answer]));
      if (field) assert.equal(answer.errors?.[0]?.extensions?.field, field);
    }
    const added = await details(
      { v: 1, summary: 'Still water.', authorIds: [ana.userId, bo.userId] },
      ana.accessToken,
    );
    assert.deepEqual(added.data?.updateStoryDetails, {
      version: 2,
      kind: 'DETAILS_CHANGED',
      authorId: ana.userId,
    });
    // Bo now co-authors: he reads the draft and edits it.
    const asBo = await graphql<{ story: { summary: string; authorIds: string[] } }>(
      stack.gatewayUrl,
      'query($id: ID!) { story(id: $id) { summary authorIds } }',
      { id },
      { token: bo.accessToken },
    );
    assert.deepEqual(asBo.data?.story, {
      summary: 'Still water.',
      authorIds: [ana.userId, bo.userId],
    });
  });

  test('readers read the published version, never the working copy', async () => {
    const ana = await signUp('Ana');
    const bo = await signUp('Bo');
    const id = await importAs(ana);
    const ask = <T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown>,
      token?: string,
    ) => graphql<T>(stack.gatewayUrl, query, { id, ...variables }, token ? { token } : {});
    const edit = async (query: string, variables: Record<string, unknown> = {}) => {
      const answer = await ask(query, variables, ana.accessToken);
      assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    };
    const PUBLISH =
      'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { number } }';
    await edit(PUBLISH, { v: 1 });
    const working = await ask<{ story: { scenes: Array<{ id: string; name: string }> } }>(
      'query($id: ID!) { story(id: $id) { scenes { id name } } }',
      {},
      ana.accessToken,
    );
    const sceneId = (name: string) => working.data!.story.scenes.find((s) => s.name === name)!.id;
    // Unpublished edits: a new text, a new scene, a new start.
    await edit(
      'mutation($id: ID!, $scene: ID!) { editScene(storyId: $id, expectedVersion: 2, sceneId: $scene, text: "SECRET draft. [[Rest]]") { version } }',
      { scene: sceneId('Shore') },
    );
    const added = await ask<{ addScene: { sceneIds: string[] } }>(
      'mutation($id: ID!) { addScene(storyId: $id, expectedVersion: 3, name: "Hidden", text: "SECRET scene") { sceneIds } }',
      {},
      ana.accessToken,
    );
    await edit(
      'mutation($id: ID!, $scene: ID!) { setStartScene(storyId: $id, expectedVersion: 4, sceneId: $scene) { version } }',
      { scene: added.data!.addScene.sceneIds[0] },
    );

    const PUBLISHED = `query($id: ID!) { publishedStory(storyId: $id) { number startSceneName
      scenes { name text choices { text targetId } } } }`;
    for (const token of [undefined, bo.accessToken]) {
      const who = token ? 'Bo' : 'anonymous';
      const generated = await ask<{ story: { scenes: unknown[] }; scenes: unknown[] }>(
        'query($id: ID!) { story(id: $id) { scenes { text } } scenes(where: { text: { contains: "SECRET" } }) { id } }',
        {},
        token,
      );
      assert.deepEqual(generated.data, { story: { scenes: [] }, scenes: [] }, who);
      const version = await ask<{ publishedStory: unknown }>(PUBLISHED, {}, token);
      assert.deepEqual(
        version.data?.publishedStory,
        {
          number: 1,
          startSceneName: 'Shore',
          scenes: [
            {
              name: 'Shore',
              text: 'The water is still. [[Rest]]',
              choices: [{ text: 'Rest', targetId: sceneId('Rest') }],
            },
            { name: 'Rest', text: 'You rest.', choices: [] },
          ],
        },
        who,
      );
      const exported = await ask<{ exportStory: string }>(
        'query($id: ID!) { exportStory(storyId: $id, format: TWEE) }',
        {},
        token,
      );
      assert.match(exported.data!.exportStory, /The water is still/, who);
      assert.doesNotMatch(exported.data!.exportStory, /SECRET/, who);
      const validation = await ask(
        'query($id: ID!) { validateStory(storyId: $id) { missingStart } }',
        {},
        token,
      );
      assert.deepEqual(errorCodes(validation), ['NOT_FOUND'], who);
    }
    const start = await ask(
      'query($id: ID!) { story(id: $id) { startSceneName } }',
      {},
      bo.accessToken,
    );
    assert.deepEqual(errorCodes(start), ['FORBIDDEN']);

    // Bo plays the published version.
    const played = await ask<{
      startPlaythrough: {
        id: string;
        currentScene: { text: string };
        availableChoices: Array<{ id: string }>;
      };
    }>(
      'mutation($id: ID!) { startPlaythrough(storyId: $id) { id currentScene { text } availableChoices { id } } }',
      {},
      bo.accessToken,
    );
    assert.equal(played.data?.startPlaythrough.currentScene.text, 'The water is still. [[Rest]]');
    const chosen = await graphql<{ choose: { currentScene: { name: string }; finished: boolean } }>(
      stack.gatewayUrl,
      'mutation($p: ID!, $c: ID!) { choose(playthroughId: $p, choiceId: $c) { currentScene { name } finished } }',
      {
        p: played.data!.startPlaythrough.id,
        c: played.data!.startPlaythrough.availableChoices[0]!.id,
      },
      { token: bo.accessToken },
    );
    assert.deepEqual(chosen.data?.choose, { currentScene: { name: 'Rest' }, finished: true });

    // Ana keeps her working copy; publishing again gives readers her edits.
    const asAna = await ask<{ story: { startSceneName: string; scenes: Array<{ text: string }> } }>(
      'query($id: ID!) { story(id: $id) { startSceneName scenes { text } } }',
      {},
      ana.accessToken,
    );
    assert.equal(asAna.data?.story.startSceneName, 'Hidden');
    assert.ok(asAna.data?.story.scenes.some((s) => s.text === 'SECRET scene'));
    await edit(PUBLISH, { v: 5 });
    const republished = await ask<{
      publishedStory: { number: number; startSceneName: string; scenes: Array<{ text: string }> };
    }>(PUBLISHED, {}, bo.accessToken);
    assert.equal(republished.data?.publishedStory.number, 2);
    assert.equal(republished.data?.publishedStory.startSceneName, 'Hidden');
    assert.ok(republished.data?.publishedStory.scenes.some((s) => s.text === 'SECRET scene'));
  });
});
