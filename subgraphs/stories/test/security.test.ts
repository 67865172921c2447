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
});
