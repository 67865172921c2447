import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  signUp as signUpPerson,
  useTestStack,
  removeStoriesOf,
  testEngines,
} from '@mindscape/test-kit';
import neo4j from 'neo4j-driver';
import { parseTwee } from '../src/interchange/twee.js';

const TWEE = `:: StoryTitle
Breathing by the Lake

:: StoryData
{"ifid": "0D8B4B2A-1F7C-4D5E-9A3B-2C1D0E9F8A7B", "format": "Harlowe", "format-version": "3.3.8", "start": "Shore", "zoom": 1}

:: Shore [calm] {"position":"100,100","size":"100,100"}
The water is still. (set: $breaths to 0)
[[Breathe slowly->Breath]]
[[Walk on|Path]]

:: Breath {"position":"250,100"}
In, and out. (set: $breaths to it + 1) [[Shore]] [[Rest]]

:: Path
(link-goto: "Follow the path", "Rest")

:: Rest [ending]
You rest after $breaths breaths.
`;

const IMPORT = `mutation($source: String!) {
  importStory(format: TWEE, source: $source) {
    id title status version
    scenes { name isEnding choices { text kind target { name } } }
  }
}`;
const STORY = `query($id: ID!) { story(id: $id) { id title scenes { name } } }`;

async function neo4jQuery(query: string, params: Record<string, unknown>) {
  const engines = testEngines();
  const driver = neo4j.driver(
    engines.neo4jUri,
    neo4j.auth.basic(engines.neo4jUser, engines.neo4jPassword),
  );
  try {
    return (await driver.executeQuery(query, params)).records[0]!;
  } finally {
    await driver.close();
  }
}
const neo4jIds = async (query: string, params: Record<string, unknown>) =>
  (await neo4jQuery(query, params)).get('ids') as string[];
const neo4jCount = async (query: string, params: Record<string, unknown>) =>
  Number((await neo4jQuery(query, params)).get('n'));

/** Neo4j Community has one database: the stories of this test's people are removed after. */
const people: string[] = [];
const signUp: typeof signUpPerson = async (url, name) => {
  const person = await signUpPerson(url, name);
  people.push(person.userId);
  return person;
};

describe('stories through the gateway', () => {
  const stack = useTestStack({}, () => removeStoriesOf(people));

  test('import, read, validate and export; drafts are the author’s alone', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const imported = await graphql<{
      importStory: {
        id: string;
        title: string;
        status: string;
        scenes: Array<{
          name: string;
          isEnding: boolean;
          choices: Array<{ text: string; kind: string; target: { name: string } | null }>;
        }>;
      };
    }>(stack.gatewayUrl, IMPORT, { source: TWEE }, { token: ana.accessToken });
    assert.equal(imported.errors, undefined, JSON.stringify(imported.errors));
    const story = imported.data!.importStory;
    assert.equal(story.title, 'Breathing by the Lake');
    assert.equal(story.status, 'DRAFT');
    const shore = story.scenes.find((s) => s.name === 'Shore')!;
    assert.deepEqual(shore.choices.map((c) => [c.text, c.target?.name]).sort(), [
      ['Breathe slowly', 'Breath'],
      ['Walk on', 'Path'],
    ]);
    assert.equal(story.scenes.find((s) => s.name === 'Rest')!.isEnding, true);

    // A draft: Bo and anonymous readers do not see it, by id or in lists.
    const asBo = await graphql(
      stack.gatewayUrl,
      STORY,
      { id: story.id },
      { token: bo.accessToken },
    );
    assert.deepEqual(asBo.data, { story: null });
    const anonymous = await graphql(stack.gatewayUrl, STORY, { id: story.id });
    assert.deepEqual(anonymous.data, { story: null });
    const list = await graphql<{ stories: Array<{ id: string }> }>(
      stack.gatewayUrl,
      '{ stories { id } }',
      {},
      { token: bo.accessToken },
    );
    assert.ok(!list.data!.stories.some((s) => s.id === story.id));
    assert.deepEqual(
      errorCodes(
        await graphql(
          stack.gatewayUrl,
          'query($id: ID!, $f: StoryFormat!) { exportStory(storyId: $id, format: $f) }',
          { id: story.id, f: 'TWEE' },
          { token: bo.accessToken },
        ),
      ),
      ['NOT_FOUND'],
    );

    const validation = await graphql<{ validateStory: Record<string, unknown> }>(
      stack.gatewayUrl,
      `
        query ($id: ID!) {
          validateStory(storyId: $id) {
            brokenLinks {
              sceneId
              target
            }
            unreachable {
              id
              name
            }
            deadEnds {
              id
            }
            trappedCycles {
              sceneIds
            }
            undefinedVariables {
              sceneId
              variable
            }
            missingStart
          }
        }
      `,
      { id: story.id },
      { token: ana.accessToken },
    );
    assert.deepEqual(validation.data!.validateStory, {
      brokenLinks: [],
      unreachable: [],
      deadEnds: [],
      trappedCycles: [],
      undefinedVariables: [],
      missingStart: false,
    });

    for (const format of ['TWEE', 'TWINE_HTML'] as const) {
      const exported = await graphql<{ exportStory: string }>(
        stack.gatewayUrl,
        'query($id: ID!, $f: StoryFormat!) { exportStory(storyId: $id, format: $f) }',
        { id: story.id, f: format },
        { token: ana.accessToken },
      );
      assert.equal(exported.errors, undefined, JSON.stringify(exported.errors));
      const again = await graphql<{ importStory: { id: string } }>(
        stack.gatewayUrl,
        `
          mutation ($s: String!, $f: StoryFormat!) {
            importStory(format: $f, source: $s) {
              id
            }
          }
        `,
        { s: exported.data!.exportStory, f: format },
        { token: ana.accessToken },
      );
      const reexported = await graphql<{ exportStory: string }>(
        stack.gatewayUrl,
        'query($id: ID!) { exportStory(storyId: $id, format: TWEE) }',
        { id: again.data!.importStory.id },
        { token: ana.accessToken },
      );
      const original = parseTwee(TWEE);
      const roundTripped = parseTwee(reexported.data!.exportStory);
      assert.deepEqual(
        roundTripped.passages,
        original.passages,
        `${format}: export then import keeps every passage`,
      );
      assert.equal(roundTripped.ifid, original.ifid);
      assert.equal(roundTripped.start, original.start);
    }
  });

  test('publishing opens a story to readers; only authors change it', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const imported = await graphql<{ importStory: { id: string } }>(
      stack.gatewayUrl,
      IMPORT,
      { source: TWEE },
      { token: ana.accessToken },
    );
    const id = imported.data!.importStory.id;
    const describeAs = (token: string, expectedVersion: number, summary: string) =>
      graphql<{ updateStoryDetails: { version: number } }>(
        stack.gatewayUrl,
        `
          mutation ($id: ID!, $v: Int!, $s: String!) {
            updateStoryDetails(storyId: $id, expectedVersion: $v, summary: $s) {
              version
            }
          }
        `,
        { id, v: expectedVersion, s: summary },
        { token },
      );
    const byBo = await describeAs(bo.accessToken, 1, 'Mine now');
    assert.deepEqual(errorCodes(byBo), ['NOT_FOUND'], 'Bo cannot even find the draft');
    // The generated update is gone: status (and everything else) changes through resolvers.
    const sneaky = await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!) { updateStories(where: { id: { eq: $id } }, update: { status: { set: PUBLISHED } }) { stories { status } } }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(sneaky), ['GRAPHQL_VALIDATION_FAILED']);
    const publishAs = (token: string) =>
      graphql<{ publishStory: { number: number; storyVersion: number; sceneCount: number } }>(
        stack.gatewayUrl,
        'mutation($id: ID!) { publishStory(storyId: $id, expectedVersion: 1) { number storyVersion sceneCount } }',
        { id },
        { token },
      );
    assert.deepEqual(errorCodes(await publishAs(bo.accessToken)), ['NOT_FOUND']);
    const publish = await publishAs(ana.accessToken);
    assert.deepEqual(publish.data?.publishStory, { number: 1, storyVersion: 2, sceneCount: 4 });
    // Readers read the published version; the working copy stays the authors'.
    const read = await graphql<{
      story: { title: string; scenes: unknown[] };
      publishedStory: { number: number; scenes: unknown[] };
    }>(
      stack.gatewayUrl,
      'query($id: ID!) { story(id: $id) { title scenes { name } } publishedStory(storyId: $id) { number scenes { name } } }',
      { id },
      { token: bo.accessToken },
    );
    assert.equal(read.data?.story.title, 'Breathing by the Lake');
    assert.deepEqual(read.data?.story.scenes, []);
    assert.equal(read.data?.publishedStory.number, 1);
    assert.equal(read.data?.publishedStory.scenes.length, 4);
    const anonymous = await graphql<{ story: { title: string } }>(stack.gatewayUrl, STORY, { id });
    assert.equal(anonymous.data?.story.title, 'Breathing by the Lake');

    const stillBo = await describeAs(bo.accessToken, 2, 'Mine now');
    assert.deepEqual(errorCodes(stillBo), ['FORBIDDEN'], JSON.stringify(stillBo));
    const byAna = await describeAs(ana.accessToken, 2, 'A walk by still water.');
    assert.deepEqual(byAna.data?.updateStoryDetails, { version: 3 }, JSON.stringify(byAna));
    const described = await graphql<{ story: { summary: string } }>(
      stack.gatewayUrl,
      'query($id: ID!) { story(id: $id) { summary } }',
      { id },
    );
    assert.equal(described.data?.story.summary, 'A walk by still water.');
  });

  test('bad sources are refused with the field and the reason, and nothing is written', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const before = await graphql<{ stories: unknown[] }>(
      stack.gatewayUrl,
      '{ stories { id } }',
      {},
      { token: ana.accessToken },
    );
    for (const [format, source, reason] of [
      ['TWEE', ':: A\none\n:: A\ntwo', /line 3: a second passage named "A"/],
      ['TWEE', 'no header at all', /text before the first passage header/],
      ['TWINE_HTML', '<html><body>hello</body></html>', /no <tw-storydata>/],
      ['TWEE', `:: A\n${'x'.repeat(1_950_000)}`, /larger than/],
    ] as const) {
      const answer = await graphql(
        stack.gatewayUrl,
        'mutation($f: StoryFormat!, $s: String!) { importStory(format: $f, source: $s) { id } }',
        { f: format, s: source },
        { token: ana.accessToken },
      );
      assert.deepEqual(
        errorCodes(answer),
        ['BAD_USER_INPUT'],
        JSON.stringify(answer).slice(0, 300),
      );
      assert.equal(answer.errors?.[0]?.extensions?.field, 'source');
      assert.match(answer.errors![0]!.message, reason);
    }
    const huge = await graphql(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      { s: `:: A\n${'x'.repeat(50_000_000)}` },
      { token: ana.accessToken },
    );
    assert.equal(huge.status, 413);
    assert.deepEqual(errorCodes(huge), ['PAYLOAD_TOO_LARGE']);
    const anonymous = await graphql(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      { s: TWEE },
    );
    assert.deepEqual(errorCodes(anonymous), ['UNAUTHENTICATED']);
    const afterwards = await graphql<{ stories: unknown[] }>(
      stack.gatewayUrl,
      '{ stories { id } }',
      {},
      { token: ana.accessToken },
    );
    assert.equal(afterwards.data!.stories.length, before.data!.stories.length);
  });
  test('myStories lists the stories a person authors or co-authors, and no one else’s', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const cy = await signUp(stack.gatewayUrl, 'Cy');
    const create = (token: string, title: string) =>
      graphql<{ createStory: { id: string; version: number } }>(
        stack.gatewayUrl,
        'mutation($t: String!) { createStory(title: $t) { id version } }',
        { t: title },
        { token },
      );
    const anas = (await create(ana.accessToken, 'b: Ana’s river')).data!.createStory;
    const bos = (await create(bo.accessToken, 'a: Bo’s hill')).data!.createStory;
    const shared = await graphql(
      stack.gatewayUrl,
      `
        mutation ($id: ID!, $v: Int!, $authors: [ID!]) {
          updateStoryDetails(storyId: $id, expectedVersion: $v, authorIds: $authors) {
            version
          }
        }
      `,
      { id: bos.id, v: bos.version, authors: [bo.userId, ana.userId] },
      { token: bo.accessToken },
    );
    assert.equal(shared.errors, undefined, JSON.stringify(shared.errors));
    const mine = async (token?: string) => {
      const answer = await graphql<{ myStories: Array<{ id: string; title: string }> }>(
        stack.gatewayUrl,
        '{ myStories { id title } }',
        {},
        token ? { token } : {},
      );
      assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
      return answer.data!.myStories.map((story) => story.id);
    };
    // Sorted by title: Bo's shared story ("a: …") before Ana's own ("b: …").
    assert.deepEqual(await mine(ana.accessToken), [bos.id, anas.id]);
    assert.deepEqual(await mine(bo.accessToken), [bos.id]);
    assert.deepEqual(await mine(cy.accessToken), []);
    assert.deepEqual(await mine(), []);
  });
  test('deleteStory removes the story with its scenes, choices, history and versions; only an author, only at the current version', async () => {
    const ana = await signUp(stack.gatewayUrl, 'Ana');
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const imported = await graphql<{ importStory: { id: string; version: number } }>(
      stack.gatewayUrl,
      'mutation($source: String!) { importStory(format: TWEE, source: $source) { id version } }',
      { source: TWEE },
      { token: ana.accessToken },
    );
    const { id, version } = imported.data!.importStory;
    const published = await graphql<{ publishStory: { storyVersion: number } }>(
      stack.gatewayUrl,
      'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { storyVersion } }',
      { id, v: version },
      { token: ana.accessToken },
    );
    assert.equal(published.errors, undefined, JSON.stringify(published.errors));
    const current = published.data!.publishStory.storyVersion;
    // Its scenes, choices, edits and published versions, to check none is left behind.
    const parts = await neo4jIds(
      'MATCH (:Story {id: $id})-[*1..2]->(n) RETURN collect(DISTINCT elementId(n)) AS ids',
      { id },
    );
    assert.ok(parts.length > 8, `the story has parts (${parts.length})`);
    const remove = (token: string, v: number) =>
      graphql<{ deleteStory: boolean }>(
        stack.gatewayUrl,
        'mutation($id: ID!, $v: Int!) { deleteStory(storyId: $id, expectedVersion: $v) }',
        { id, v },
        { token },
      );
    assert.ok(errorCodes(await remove(bo.accessToken, current)).length > 0, 'not Bo’s to delete');
    assert.deepEqual(errorCodes(await remove(ana.accessToken, current - 1)), ['CONFLICT']);
    const deleted = await remove(ana.accessToken, current);
    assert.equal(deleted.errors, undefined, JSON.stringify(deleted.errors));
    assert.equal(deleted.data!.deleteStory, true);
    const read = await graphql<{ story: unknown; publishedStory: unknown }>(
      stack.gatewayUrl,
      'query($id: ID!) { story(id: $id) { id } publishedStory(storyId: $id) { number } }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(read.data, { story: null, publishedStory: null });
    const left = await neo4jCount(
      'MATCH (n) WHERE elementId(n) IN $parts OR n.id = $id RETURN count(n) AS n',
      { parts, id },
    );
    assert.equal(left, 0, 'nothing of the story is left');
  });
});
