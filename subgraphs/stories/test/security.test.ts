import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  signUp as signUpPerson,
  useTestStack,
  removeStoriesOf,
  type SignedUp,
} from '@mindscape/test-kit';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
  'myStories',
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

describe('schema.graphql states every door', () => {
  test('each node type states its mutations, queries, subscriptions and a row limit; each relationship its nested operations', () => {
    const document = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const nodes = document.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.directives?.some((x) => x.name.value === 'node')
        ? [d]
        : [],
    );
    assert.ok(nodes.length >= 3);
    for (const type of nodes) {
      const directive = (name: string) => type.directives!.find((x) => x.name.value === name);
      for (const name of ['mutation', 'query', 'subscription', 'authorization'])
        assert.ok(directive(name), `${type.name.value} states @${name}`);
      assert.ok(
        directive('limit')?.arguments?.some((a) => a.name.value === 'max'),
        `${type.name.value} has @limit(max)`,
      );
      for (const field of type.fields ?? []) {
        const relationship = field.directives?.find((x) => x.name.value === 'relationship');
        if (!relationship) continue;
        const nested = relationship.arguments?.find((a) => a.name.value === 'nestedOperations');
        assert.ok(nested, `${type.name.value}.${field.name.value} states nestedOperations`);
        assert.deepEqual(
          nested.value.kind === Kind.LIST ? nested.value.values : undefined,
          [],
          `${type.name.value}.${field.name.value} allows no nested operation`,
        );
      }
    }
  });
});

describe('stories through the gateway, as someone else', () => {
  const people: string[] = [];
  const stack = useTestStack({}, () => removeStoriesOf(people));
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

    // Who wrote it is the authors' to tell: not read, not filtered by, not in versions.
    const authorship: Array<[string, Record<string, unknown>]> = [
      [
        'query($a: ID!) { stories(where: { authorIds: { includes: $a } }) { id } }',
        { a: ana.userId },
      ],
      [
        'query($a: ID!) { stories(where: { OR: [{ authorIds_INCLUDES: $a }] }) { id } }',
        { a: ana.userId },
      ],
      [
        'query($w: StoryWhere) { stories(where: $w) { id } }',
        { w: { NOT: { authorIds: { includes: ana.userId } } } },
      ],
    ];
    for (const token of [undefined, bo.accessToken])
      for (const [query, variables] of authorship) {
        const answer = await ask(query, variables, token);
        assert.deepEqual(errorCodes(answer), ['BAD_USER_INPUT'], query);
        assert.equal(answer.errors?.[0]?.extensions?.field, 'stories.where');
      }
    const authors = await ask<{ story: unknown }>(
      'query($id: ID!) { story(id: $id) { authorIds } }',
      {},
      bo.accessToken,
    );
    assert.deepEqual(errorCodes(authors), ['FORBIDDEN']);
    const versions = await ask<{ storyVersions: Array<{ publishedBy: string | null }> }>(
      'query($id: ID!) { storyVersions(storyId: $id) { publishedBy } }',
      {},
      bo.accessToken,
    );
    assert.deepEqual(versions.data?.storyVersions, [{ publishedBy: null }]);

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

  test('negative paging arguments are BAD_USER_INPUT naming the argument, never a 500', async () => {
    const ana = await signUp('Ana');
    const id = await importAs(ana);
    await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!) { publishStory(storyId: $id, expectedVersion: 1) { number } }',
      { id },
      { token: ana.accessToken },
    );
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['{ stories(limit: -1) { id } }', {}, 'stories.limit'],
      ['{ stories(offset: -5) { id } }', {}, 'stories.offset'],
      ['query($l: Int) { stories(limit: $l) { id } }', { l: -2 }, 'stories.limit'],
      ['query($id: ID!) { story(id: $id) { scenes(limit: -1) { id } } }', { id }, 'scenes.limit'],
      [
        'query($id: ID!) { story(id: $id) { ...F } } fragment F on Story { scenesConnection(first: -1) { totalCount } }',
        { id },
        'scenesConnection.first',
      ],
      [
        'query($id: ID!) { publishedStory(storyId: $id) { scenes(offset: -1) { id } } }',
        { id },
        'scenes.offset',
      ],
      [
        'query($id: ID!) { publishedStory(storyId: $id) { scenes(limit: 201) { id } } }',
        { id },
        'scenes.limit',
      ],
    ];
    for (const token of [undefined, ana.accessToken]) {
      for (const [query, variables, field] of cases) {
        const answer = await graphql(stack.gatewayUrl, query, variables, token ? { token } : {});
        assert.deepEqual(
          errorCodes(answer),
          ['BAD_USER_INPUT'],
          `${query}: ${JSON.stringify(answer)}`,
        );
        assert.equal(answer.errors?.[0]?.extensions?.field, field, query);
        assert.ok(answer.status < 500, query);
      }
    }
  });

  test('playtests are bounded, run off the event loop, one at a time per person', async () => {
    const ana = await signUp('Ana');
    const imported = await graphql<{ importStory: { id: string } }>(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      // Every run goes round until maxSteps.
      { s: ':: StoryTitle\nRound\n\n:: A\n[[B]]\n\n:: B\n[[A]]\n' },
      { token: ana.accessToken },
    );
    const id = imported.data!.importStory.id;
    for (const [runs, maxSteps, field] of [
      [10_000, 1, 'runs'],
      [0, 1, 'runs'],
      [1, 1_000, 'maxSteps'],
      [1, -1, 'maxSteps'],
    ] as const) {
      const answer = await graphql(
        stack.gatewayUrl,
        'query($id: ID!, $r: Int!, $m: Int!) { playtestStory(storyId: $id, runs: $r, maxSteps: $m) { runs } }',
        { id, r: runs, m: maxSteps },
        { token: ana.accessToken },
      );
      assert.deepEqual(errorCodes(answer), ['BAD_USER_INPUT'], JSON.stringify(answer));
      assert.equal(answer.errors?.[0]?.extensions?.field, field);
      assert.ok(answer.errors?.[0]?.extensions?.allowed, 'says what is allowed');
    }

    // Two requests at the largest size, together: one runs, the other is refused. The
    // subgraph runs in this process: its event loop stays free while a million steps are walked.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const largest = (seed: number) =>
      graphql<{ playtestStory: { runs: number; steps: number; looping: number } }>(
        stack.gatewayUrl,
        'query($id: ID!, $seed: Int) { playtestStory(storyId: $id, runs: 2000, maxSteps: 500, seed: $seed) { runs steps looping } }',
        { id, seed },
        { token: ana.accessToken },
      );
    const answers = await Promise.all([largest(1), largest(2)]);
    const took = performance.now() - started;
    delay.disable();
    assert.deepEqual(
      answers.flatMap((answer) => (answer.data ? [answer.data.playtestStory] : [])),
      [{ runs: 2000, steps: 1_000_000, looping: 2000 }],
      JSON.stringify(answers),
    );
    assert.deepEqual(answers.flatMap(errorCodes), ['TOO_MANY_REQUESTS']);
    const longestStallMs = delay.max / 1e6;
    assert.ok(
      longestStallMs < took / 2,
      `the event loop stalled ${longestStallMs.toFixed(0)} ms of a ${took.toFixed(0)} ms playtest`,
    );
    // The slot is free again once the playtest answered.
    const again = await graphql(
      stack.gatewayUrl,
      'query($id: ID!) { playtestStory(storyId: $id, runs: 10, maxSteps: 10) { runs } }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(again.data, { playtestStory: { runs: 10 } }, JSON.stringify(again));
    // Many in one request are refused too (Cy's own story: what runs on after a refusal
    // answered is his).
    const cy = await signUp('Cy');
    const cyStory = await importAs(cy);
    const aliased = await graphql(
      stack.gatewayUrl,
      `
        query ($id: ID!) {
          a: playtestStory(storyId: $id, runs: 10, maxSteps: 10) {
            runs
          }
          b: playtestStory(storyId: $id, runs: 10, maxSteps: 10) {
            runs
          }
          c: playtestStory(storyId: $id, runs: 10, maxSteps: 10) {
            runs
          }
        }
      `,
      { id: cyStory },
      { token: cy.accessToken },
    );
    assert.ok(errorCodes(aliased).includes('TOO_MANY_REQUESTS'), JSON.stringify(aliased));
  });

  test('a deleted account takes its own stories and leaves the ones it co-authored', async () => {
    const ana = await signUp('Ana');
    const bo = await signUp('Bo');
    const own = await importAs(ana);
    const shared = await importAs(ana);
    const call = (query: string, variables: Record<string, unknown>, token: string) =>
      graphql<Record<string, unknown>>(stack.gatewayUrl, query, variables, { token });
    await call(
      'mutation($id: ID!, $ids: [ID!]) { updateStoryDetails(storyId: $id, expectedVersion: 1, authorIds: $ids) { version } }',
      { id: shared, ids: [ana.userId, bo.userId] },
      ana.accessToken,
    );
    const PUBLISH =
      'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { number } }';
    await call(PUBLISH, { id: own, v: 1 }, ana.accessToken);
    const deleted = await call(
      'mutation($p: String!) { deleteAccount(password: $p) }',
      { p: ana.password },
      ana.accessToken,
    );
    assert.deepEqual(deleted.data, { deleteAccount: true }, JSON.stringify(deleted));
    const afterwards = await call(
      'query($own: ID!, $shared: ID!) { own: story(id: $own) { id } shared: story(id: $shared) { authorIds } }',
      { own, shared },
      bo.accessToken,
    );
    assert.deepEqual(afterwards.data, { own: null, shared: { authorIds: [bo.userId] } });
  });

  test('one request reads at most 100 stories, 50 unless it asks', async () => {
    const ana = await signUp('Ana');
    for (let i = 0; i < 101; i++) {
      const created = await graphql(
        stack.gatewayUrl,
        'mutation($t: String!) { createStory(title: $t) { id } }',
        { t: `Draft ${i}` },
        { token: ana.accessToken },
      );
      assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    }
    const count = async (query: string) =>
      (
        await graphql<{ stories: unknown[] }>(
          stack.gatewayUrl,
          query,
          {},
          {
            token: ana.accessToken,
          },
        )
      ).data?.stories.length;
    assert.equal(await count('{ stories(limit: 1000) { id } }'), 100);
    assert.equal(await count('{ stories { id } }'), 50);
  });
});
