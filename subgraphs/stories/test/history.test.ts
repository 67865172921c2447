import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  errorCodes,
  graphql,
  metricValue,
  removeStoriesOf,
  signUp,
  useTestStack,
  type SignedUp,
} from '@mindscape/test-kit';
import { validateSource } from '../src/interchange/source-graph.js';
import { parseTwee } from '../src/interchange/twee.js';

describe('story history', () => {
  let ana: SignedUp;
  const stack = useTestStack({}, () => removeStoriesOf([ana.userId]));
  before(async () => {
    ana = await signUp(stack.gatewayUrl, 'Ana');
  });

  /** Runs an operation as Ana and fails the test on any error. */
  async function as<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await graphql<T>(stack.gatewayUrl, query, variables, { token: ana.accessToken });
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    return answer.data!;
  }

  async function importTwee(source: string) {
    const { importStory } = await as<{
      importStory: { id: string; version: number; scenes: Array<{ id: string; name: string }> };
    }>(
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id version scenes { id name } } }',
      {
        s: source,
      },
    );
    return importStory;
  }

  const exportTwee = async (id: string, version?: number) =>
    (
      await as<{ exportStory: string }>(
        'query($id: ID!, $v: Int) { exportStory(storyId: $id, format: TWEE, version: $v) }',
        { id, v: version ?? null },
      )
    ).exportStory;

  const texts = async (id: string, version?: number) =>
    Object.fromEntries(
      parseTwee(await exportTwee(id, version)).passages.map((p) => [p.name, p.text]),
    );

  const REPLAY = `mutation($id: ID!, $v: Int!) {
  undo(storyId: $id, expectedVersion: $v) { version kind sceneIds }
}`;

  test('undo and redo go back and forth over more than 100 steps; a new edit ends redo', async () => {
    const { createStory } = await as<{ createStory: { id: string; version: number } }>(
      'mutation { createStory(title: "Long edit", language: "en") { id version } }',
    );
    const id = createStory.id;
    let version = createStory.version;
    const { addScene } = await as<{ addScene: { version: number; sceneIds: string[] } }>(
      'mutation($id: ID!, $v: Int!) { addScene(storyId: $id, expectedVersion: $v, name: "Start", text: "v0") { version sceneIds } }',
      { id, v: version },
    );
    version = addScene.version;
    const sceneId = addScene.sceneIds[0]!;
    for (let i = 1; i <= 120; i++) {
      version = (
        await as<{ editScene: { version: number } }>(
          'mutation($id: ID!, $v: Int!, $scene: ID!, $t: String!) { editScene(storyId: $id, expectedVersion: $v, sceneId: $scene, text: $t) { version } }',
          { id, v: version, scene: sceneId, t: `v${i}` },
        )
      ).editScene.version;
    }
    const { storyHistory } = await as<{ storyHistory: Array<{ seq: number; undone: boolean }> }>(
      'query($id: ID!) { storyHistory(storyId: $id) { seq kind undone } }',
      { id },
    );
    assert.ok(
      storyHistory.length >= 100 && storyHistory.length <= 200,
      `${storyHistory.length} steps kept`,
    );
    assert.ok(storyHistory.every((step) => !step.undone));

    for (let i = 0; i < 110; i++) {
      const { undo } = await as<{ undo: { version: number; kind: string; sceneIds: string[] } }>(
        REPLAY,
        { id, v: version },
      );
      assert.equal(undo.kind, 'UNDONE');
      assert.deepEqual(undo.sceneIds, [sceneId]);
      version = undo.version;
    }
    assert.equal((await texts(id)).Start, 'v10');
    for (let i = 0; i < 5; i++)
      version = (
        await as<{ redo: { version: number } }>(REPLAY.replace('undo(', 'redo('), {
          id,
          v: version,
        })
      ).redo.version;
    assert.equal((await texts(id)).Start, 'v15');

    // A stale undo is refused like any stale edit.
    assert.deepEqual(
      errorCodes(
        await graphql(stack.gatewayUrl, REPLAY, { id, v: version - 1 }, { token: ana.accessToken }),
      ),
      ['CONFLICT'],
    );

    // A new edit ends what could be redone.
    version = (
      await as<{ editScene: { version: number } }>(
        'mutation($id: ID!, $v: Int!, $scene: ID!) { editScene(storyId: $id, expectedVersion: $v, sceneId: $scene, text: "fresh") { version } }',
        { id, v: version, scene: sceneId },
      )
    ).editScene.version;
    const redo = await graphql(
      stack.gatewayUrl,
      REPLAY.replace('undo(', 'redo('),
      { id, v: version },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(redo), ['NOTHING_TO_REPLAY']);

    // Back to the start: 15 redone steps, the fresh edit, the scene's creation.
    for (let i = 0; i < 17; i++)
      version = (await as<{ undo: { version: number } }>(REPLAY, { id, v: version })).undo.version;
    const emptied = await as<{ story: { scenes: unknown[] } }>(
      'query($id: ID!) { story(id: $id) { scenes { id } } }',
      { id },
    );
    assert.deepEqual(emptied.story.scenes, []);
  });

  const CAVE = `:: StoryTitle
Caves

:: StoryData
{"start": "Cave"}

:: Cave
Dark. [[Go on->Tunnel]] [[Cave]]

:: Tunnel
Back to the [[Cave]], or [[leave|Cave]] or [[Cave<-return]]. (link-goto: "climb", "Cave") <<goto "Cave">> [[Exit]]

:: Exit [ending]
Daylight.
`;

  test('a rename carries into every link, rules stay, the start follows; undo takes it all back', async () => {
    const story = await importTwee(CAVE);
    const id = story.id;
    const sceneId = (name: string) => story.scenes.find((s) => s.name === name)!.id;
    const { story: read } = await as<{
      story: {
        scenes: Array<{
          name: string;
          choices: Array<{ id: string; text: string; targetName: string }>;
        }>;
      };
    }>('query($id: ID!) { story(id: $id) { scenes { name choices { id text targetName } } } }', {
      id,
    });
    const leave = read.scenes
      .find((s) => s.name === 'Tunnel')!
      .choices.find((c) => c.text === 'leave')!;
    let version = (
      await as<{ setChoiceRule: { version: number } }>(
        'mutation($id: ID!, $c: ID!) { setChoiceRule(storyId: $id, expectedVersion: 1, choiceId: $c, condition: "stress < 0.5") { version } }',
        { id, c: leave.id },
      )
    ).setChoiceRule.version;

    const { editScene } = await as<{
      editScene: {
        version: number;
        sceneIds: string[];
        validation: { brokenLinks: unknown[]; missingStart: boolean };
      };
    }>(
      'mutation($id: ID!, $v: Int!, $s: ID!) { editScene(storyId: $id, expectedVersion: $v, sceneId: $s, name: "Deep Cave") { version sceneIds validation { brokenLinks { target } missingStart } } }',
      { id, v: version, s: sceneId('Cave') },
    );
    version = editScene.version;
    assert.deepEqual([...editScene.sceneIds].sort(), [sceneId('Cave'), sceneId('Tunnel')].sort());
    assert.deepEqual(editScene.validation, { brokenLinks: [], missingStart: false });
    const renamed = await texts(id);
    assert.equal(renamed['Deep Cave'], 'Dark. [[Go on->Tunnel]] [[Deep Cave]]');
    assert.equal(
      renamed.Tunnel,
      'Back to the [[Deep Cave]], or [[leave|Deep Cave]] or [[Deep Cave<-return]]. (link-goto: "climb", "Deep Cave") <<goto "Deep Cave">> [[Exit]]',
    );
    assert.match(await exportTwee(id), /"start":\s*"Deep Cave"/);
    const { story: after } = await as<{
      story: {
        scenes: Array<{
          name: string;
          choices: Array<{
            text: string;
            condition: string | null;
            target: { name: string } | null;
          }>;
        }>;
      };
    }>(
      'query($id: ID!) { story(id: $id) { scenes { name choices { text condition target { name } } } } }',
      { id },
    );
    const leaveNow = after.scenes
      .find((s) => s.name === 'Tunnel')!
      .choices.find((c) => c.text === 'leave')!;
    assert.deepEqual(leaveNow, {
      text: 'leave',
      condition: 'stress < 0.5',
      target: { name: 'Deep Cave' },
    });

    // A name links cannot carry is refused, and nothing changes.
    const bad = await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!, $v: Int!, $s: ID!) { editScene(storyId: $id, expectedVersion: $v, sceneId: $s, name: "a]]b") { version } }',
      { id, v: version, s: sceneId('Cave') },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(bad), ['BAD_USER_INPUT']);
    assert.deepEqual(await texts(id), renamed);

    await as(REPLAY, { id, v: version });
    const restored = await texts(id);
    assert.equal(restored.Cave, 'Dark. [[Go on->Tunnel]] [[Cave]]');
    assert.match(restored.Tunnel!, /^Back to the \[\[Cave\]\]/);
    assert.match(await exportTwee(id), /"start":\s*"Cave"/);
  });

  test('publishing keeps an immutable version; any version exports and restores (undoably)', async () => {
    const story = await importTwee(CAVE);
    const id = story.id;
    const original = await texts(id);
    const publish = (v: number) =>
      as<{ publishStory: { number: number; storyVersion: number } }>(
        'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { number storyVersion } }',
        { id, v },
      );
    const first = (await publish(1)).publishStory;
    assert.equal(first.number, 1);
    const exit = story.scenes.find((s) => s.name === 'Exit')!.id;
    let version = (
      await as<{ deleteScene: { change: { version: number } } }>(
        'mutation($id: ID!, $v: Int!, $s: ID!) { deleteScene(storyId: $id, expectedVersion: $v, sceneId: $s) { change { version } } }',
        { id, v: first.storyVersion, s: exit },
      )
    ).deleteScene.change.version;
    const second = (await publish(version)).publishStory;
    assert.deepEqual([second.number, second.storyVersion], [2, version + 1]);
    version = second.storyVersion;

    assert.deepEqual(await texts(id, 1), original);
    assert.equal((await texts(id, 2)).Exit, undefined);
    const { storyVersions } = await as<{
      storyVersions: Array<{ number: number; sceneCount: number }>;
    }>('query($id: ID!) { storyVersions(storyId: $id) { number sceneCount } }', { id });
    assert.deepEqual(storyVersions, [
      { number: 2, sceneCount: 2 },
      { number: 1, sceneCount: 3 },
    ]);
    const missing = await graphql(
      stack.gatewayUrl,
      'query($id: ID!) { exportStory(storyId: $id, format: TWEE, version: 9) }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(missing), ['BAD_USER_INPUT']);

    const { restoreVersion } = await as<{
      restoreVersion: { version: number; kind: string; validation: { brokenLinks: unknown[] } };
    }>(
      'mutation($id: ID!, $v: Int!) { restoreVersion(storyId: $id, expectedVersion: $v, version: 1) { version kind validation { brokenLinks { target } } } }',
      { id, v: version },
    );
    assert.equal(restoreVersion.kind, 'VERSION_RESTORED');
    assert.deepEqual(restoreVersion.validation.brokenLinks, []);
    assert.deepEqual(await texts(id), original);
    // The restored Exit is the same scene as before (same id): readers' references hold.
    const { story: read } = await as<{ story: { scenes: Array<{ id: string; name: string }> } }>(
      'query($id: ID!) { story(id: $id) { scenes { id name } } }',
      { id },
    );
    assert.equal(read.scenes.find((s) => s.name === 'Exit')?.id, exit);

    await as(REPLAY, { id, v: restoreVersion.version });
    assert.equal((await texts(id)).Exit, undefined);
    // Versions are not editable through any generated mutation.
    const tamper = await graphql(
      stack.gatewayUrl,
      'mutation { updateStoryVersions { storyVersions { number } } }',
      {},
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(tamper), ['GRAPHQL_VALIDATION_FAILED']);
  });

  test('the incremental check after each edit agrees with a full check of the exported story', async () => {
    const story = await importTwee(CAVE);
    const id = story.id;
    let version = story.version;
    const edits: Array<[string, Record<string, unknown>]> = [
      [
        'addScene(storyId: $id, expectedVersion: $v, name: "Island", text: "Nobody comes. [[Nowhere]]")',
        {},
      ],
      [
        'addScene(storyId: $id, expectedVersion: $v, name: "Loop A", text: "[[Loop B]] $courage")',
        {},
      ],
      ['addScene(storyId: $id, expectedVersion: $v, name: "Loop B", text: "[[Loop A]]")', {}],
      [
        'editScene(storyId: $id, expectedVersion: $v, sceneId: $exit, text: "Out. [[Loop A]]", isEnding: false)',
        {},
      ],
      ['editScene(storyId: $id, expectedVersion: $v, sceneId: $exit, name: "Way out")', {}],
    ];
    const names = (scenes: Array<{ name: string }>) => scenes.map((s) => s.name).sort();
    for (const [edit] of edits) {
      const field = edit.slice(0, edit.indexOf('('));
      const answer = await as<
        Record<
          string,
          {
            version: number;
            validation: {
              unreachable: Array<{ name: string }>;
              deadEnds: Array<{ name: string }>;
              brokenLinks: Array<{ target: string }>;
              trappedCycles: Array<{ sceneNames: string[] }>;
              undefinedVariables: Array<{ variable: string }>;
            };
          }
        >
      >(
        `mutation($id: ID!, $v: Int!${edit.includes('$exit') ? ', $exit: ID!' : ''}) { ${edit} { version validation {
        unreachable { name } deadEnds { name } brokenLinks { target }
        trappedCycles { sceneNames } undefinedVariables { variable } } } }`,
        {
          id,
          v: version,
          ...(edit.includes('$exit')
            ? { exit: story.scenes.find((s) => s.name === 'Exit')!.id }
            : {}),
        },
      );
      const change = answer[field]!;
      version = change.version;
      const full = validateSource(parseTwee(await exportTwee(id)));
      assert.deepEqual(names(change.validation.unreachable), [...full.unreachable].sort(), edit);
      assert.deepEqual(names(change.validation.deadEnds), [...full.deadEnds].sort(), edit);
      assert.deepEqual(
        change.validation.brokenLinks.map((l) => l.target).sort(),
        full.brokenLinks.map((l) => l.target).sort(),
        edit,
      );
      assert.deepEqual(
        change.validation.trappedCycles.map((c) => [...c.sceneNames].sort()),
        full.trappedCycles.map((c) => [...c].sort()),
        edit,
      );
      assert.deepEqual(
        change.validation.undefinedVariables.map((v) => v.variable),
        full.undefinedVariables.map((v) => v.variable),
        edit,
      );
    }
    // The last state: the island is unreachable and broken, the loop traps the reader.
    const { validateStory } = await as<{
      validateStory: {
        unreachable: Array<{ name: string }>;
        trappedCycles: Array<{ sceneNames: string[] }>;
      };
    }>(
      'query($id: ID!) { validateStory(storyId: $id) { unreachable { name } trappedCycles { sceneNames } } }',
      { id },
    );
    assert.deepEqual(names(validateStory.unreachable), ['Island']);
    assert.deepEqual(
      validateStory.trappedCycles.map((c) => [...c.sceneNames].sort()),
      [['Loop A', 'Loop B']],
    );
  });

  test('loading a story for the editor, scenes and choices and targets, is one Cypher statement', async () => {
    const story = await importTwee(CAVE);
    const statements = () => metricValue(stack.stories.url, 'stories_cypher_statements_total');
    const EDITOR = `query($id: ID!) { story(id: $id) { id title version startSceneName
    scenes { id name text tags position isEnding choices { id text condition target { id name } } } } }`;
    await as(EDITOR, { id: story.id });
    const before = await statements();
    const { story: loaded } = await as<{ story: { scenes: unknown[] } }>(EDITOR, { id: story.id });
    assert.equal(loaded.scenes.length, 3);
    assert.equal((await statements()) - before, 1);
  });

  const GARDEN = `:: StoryTitle
Garden

:: StoryData
{"start": "Gate"}

:: Gate
[[Rest]] [[Run]] [[Key room]]

:: Rest
[[Gate]] [[Pond]]

:: Run
[[Gate]]

:: Key room
[[Vault]] [[Gate]]

:: Pond [ending]
Calm water.

:: Vault [ending]
Gold.
`;

  test('the random playtester reports choices no reader is offered, reproducibly by seed; effects set variables', async () => {
    const story = await importTwee(GARDEN);
    const id = story.id;
    const { story: read } = await as<{
      story: {
        scenes: Array<{ name: string; choices: Array<{ id: string; targetName: string }> }>;
      };
    }>('query($id: ID!) { story(id: $id) { scenes { name choices { id targetName } } } }', { id });
    const choice = (from: string, to: string) =>
      read.scenes.find((s) => s.name === from)!.choices.find((c) => c.targetName === to)!.id;
    let version = story.version;
    const rule = async (c: string, rules: Record<string, string>) => {
      version = (
        await as<{ setChoiceRule: { version: number } }>(
          'mutation($id: ID!, $v: Int!, $c: ID!, $condition: String, $effects: String) { setChoiceRule(storyId: $id, expectedVersion: $v, choiceId: $c, condition: $condition, effects: $effects) { version } }',
          { id, v: version, c, ...rules },
        )
      ).setChoiceRule.version;
    };
    await rule(choice('Gate', 'Rest'), {
      condition: 'stress >= 0.5',
      effects: 'rested = rested + 1',
    });
    await rule(choice('Gate', 'Run'), { condition: 'stress < 0.5' });
    await rule(choice('Rest', 'Pond'), { condition: 'rested >= 2' });
    // Nothing ever sets `key`: the vault stays shut.
    await rule(choice('Key room', 'Vault'), { condition: 'key >= 1' });

    const PLAYTEST = `query($id: ID!, $seed: Int) { playtestStory(storyId: $id, runs: 300, maxSteps: 60, seed: $seed) {
    runs finished looping stuck neverOfferedChoiceIds unreachedSceneIds
    scenes { name visits } choices { choiceId offered taken } } }`;
    type Report = {
      playtestStory: {
        runs: number;
        finished: number;
        looping: number;
        neverOfferedChoiceIds: string[];
        unreachedSceneIds: string[];
        scenes: Array<{ name: string; visits: number }>;
      };
    };
    const report = (await as<Report>(PLAYTEST, { id, seed: 7 })).playtestStory;
    assert.equal(report.runs, 300);
    assert.deepEqual(report.neverOfferedChoiceIds, [choice('Key room', 'Vault')]);
    assert.deepEqual(report.unreachedSceneIds, [story.scenes.find((s) => s.name === 'Vault')!.id]);
    assert.ok(report.finished > 0, 'some readers rest twice and reach the pond');
    assert.ok(report.scenes.find((s) => s.name === 'Pond')!.visits > 0);
    assert.deepEqual((await as<Report>(PLAYTEST, { id, seed: 7 })).playtestStory, report);

    const tooMany = await graphql(
      stack.gatewayUrl,
      'query($id: ID!) { playtestStory(storyId: $id, runs: 1000000) { runs } }',
      { id },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(tooMany), ['BAD_USER_INPUT']);
    const badEffect = await graphql(
      stack.gatewayUrl,
      'mutation($id: ID!, $v: Int!, $c: ID!) { setChoiceRule(storyId: $id, expectedVersion: $v, choiceId: $c, effects: "stress = 1") { version } }',
      { id, v: version, c: choice('Gate', 'Run') },
      { token: ana.accessToken },
    );
    assert.deepEqual(errorCodes(badEffect), ['BAD_USER_INPUT']);
    assert.equal(badEffect.errors?.[0]?.extensions?.field, 'effects');

    // A reader without a live state (no wearable): stress rules do not hold, so only the
    // unconditioned Key room is offered; its choice has no effects. Effects show in a
    // playthrough once a choice with effects is taken: make Key room's way back count.
    await rule(choice('Key room', 'Gate'), { effects: 'visits = visits + 1' });
    const started = await as<{
      startPlaythrough: { id: string; availableChoices: Array<{ id: string }> };
    }>('mutation($id: ID!) { startPlaythrough(storyId: $id) { id availableChoices { id } } }', {
      id,
    });
    assert.deepEqual(
      started.startPlaythrough.availableChoices.map((c) => c.id),
      [choice('Gate', 'Key room')],
    );
    const pt = started.startPlaythrough.id;
    await as('mutation($p: ID!, $c: ID!) { choose(playthroughId: $p, choiceId: $c) { id } }', {
      p: pt,
      c: choice('Gate', 'Key room'),
    });
    const back = await as<{ choose: { variables: Array<{ name: string; value: number }> } }>(
      'mutation($p: ID!, $c: ID!) { choose(playthroughId: $p, choiceId: $c) { variables { name value } } }',
      { p: pt, c: choice('Key room', 'Gate') },
    );
    assert.deepEqual(back.choose.variables, [{ name: 'visits', value: 1 }]);
  });
});
