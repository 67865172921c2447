import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIOS, type HeartPhase } from '@mindscape/biosignals';
import {
  errorCodes,
  graphql,
  signUp,
  useTestStack,
  wearHeart,
  removeStoriesOf,
  type SignedUp,
} from '@mindscape/test-kit';

const TWEE = `:: StoryTitle
The Fork

:: StoryData
{"start": "Fork"}

:: Fork
The path forks. [[Sprint ahead->Run]] [[Slow down and breathe->Breathe]]

:: Run [ending]
You run until the path ends.

:: Breathe [ending]
You breathe with the wind.
`;
const START = `mutation($id: ID!) { startPlaythrough(storyId: $id) {
  id currentScene { id name text } availableChoices { id text } recommendedChoiceId } }`;
const CHOOSE = `mutation($p: ID!, $c: ID!) { choose(playthroughId: $p, choiceId: $c) {
  currentScene { name } finished availableChoices { id } history { sceneName stress } } }`;

const people: string[] = [];
const stack = useTestStack({ engine: { minIntervalMs: 0 } }, () => removeStoriesOf(people));

const wear = async (person: SignedUp, phases: HeartPhase[], seed: number) =>
  (await wearHeart(stack, person, phases, seed, 10)).stress;

test('a reader under stress is offered (and recommended) another branch than a calm one', async () => {
  const author = await signUp(stack.gatewayUrl, 'Author');
  const tense = await signUp(stack.gatewayUrl, 'Tense');
  const calm = await signUp(stack.gatewayUrl, 'Calm');
  people.push(author.userId);
  const imported = await graphql<{
    importStory: {
      id: string;
      scenes: Array<{ name: string; choices: Array<{ id: string; text: string }> }>;
    };
  }>(
    stack.gatewayUrl,
    'mutation($s: String!) { importStory(format: TWEE, source: $s) { id scenes { name choices { id text } } } }',
    { s: TWEE },
    { token: author.accessToken },
  );
  const story = imported.data!.importStory;
  const fork = story.scenes.find((s) => s.name === 'Fork')!;
  const sprint = fork.choices.find((c) => c.text === 'Sprint ahead')!.id;
  const breathe = fork.choices.find((c) => c.text === 'Slow down and breathe')!.id;

  const tenseStress = await wear(tense, SCENARIOS.stress, 11);
  const calmStress = await wear(calm, SCENARIOS.rest, 12);
  assert.ok(tenseStress > calmStress + 0.1, `stress ${tenseStress} vs ${calmStress}`);
  const threshold = ((tenseStress + calmStress) / 2).toFixed(3);

  const rule = (v: number, choice: string, condition: string, recommendWhen?: string) =>
    graphql(
      stack.gatewayUrl,
      `
        mutation ($id: ID!, $v: Int!, $c: ID!, $cond: String, $rec: String) {
          setChoiceRule(
            storyId: $id
            expectedVersion: $v
            choiceId: $c
            condition: $cond
            recommendWhen: $rec
          ) {
            version
          }
        }
      `,
      { id: story.id, v, c: choice, cond: condition, rec: recommendWhen ?? null },
      { token: author.accessToken },
    );
  assert.equal((await rule(1, sprint, `stress < ${threshold}`)).errors, undefined);
  assert.equal(
    (await rule(2, breathe, `stress >= ${threshold}`, `stress >= ${threshold}`)).errors,
    undefined,
  );
  const badRule = await rule(3, sprint, 'stress >=');
  assert.deepEqual(errorCodes(badRule), ['BAD_USER_INPUT']);
  assert.equal(badRule.errors?.[0]?.extensions?.field, 'condition');
  const published = await graphql(
    stack.gatewayUrl,
    'mutation($id: ID!) { publishStory(storyId: $id, expectedVersion: 3) { number } }',
    { id: story.id },
    { token: author.accessToken },
  );
  assert.equal(published.errors, undefined);

  type Started = {
    startPlaythrough: {
      id: string;
      currentScene: { name: string };
      availableChoices: Array<{ id: string; text: string }>;
      recommendedChoiceId: string | null;
    };
  };
  const asTense = await graphql<Started>(
    stack.gatewayUrl,
    START,
    { id: story.id },
    { token: tense.accessToken },
  );
  const asCalm = await graphql<Started>(
    stack.gatewayUrl,
    START,
    { id: story.id },
    { token: calm.accessToken },
  );
  assert.equal(asTense.errors, undefined, JSON.stringify(asTense.errors));
  assert.equal(asTense.data!.startPlaythrough.currentScene.name, 'Fork');
  assert.deepEqual(
    asTense.data!.startPlaythrough.availableChoices.map((c) => c.text),
    ['Slow down and breathe'],
  );
  assert.equal(asTense.data!.startPlaythrough.recommendedChoiceId, breathe);
  assert.deepEqual(
    asCalm.data!.startPlaythrough.availableChoices.map((c) => c.text),
    ['Sprint ahead'],
  );
  assert.equal(asCalm.data!.startPlaythrough.recommendedChoiceId, null);

  // The tense reader cannot take the calm reader's branch; taking their own ends the story.
  const tenseId = asTense.data!.startPlaythrough.id;
  const refused = await graphql(
    stack.gatewayUrl,
    CHOOSE,
    { p: tenseId, c: sprint },
    { token: tense.accessToken },
  );
  assert.deepEqual(errorCodes(refused), ['BAD_USER_INPUT']);
  assert.equal(refused.errors?.[0]?.extensions?.field, 'choiceId');
  const chosen = await graphql<{
    choose: {
      currentScene: { name: string };
      finished: boolean;
      history: Array<{ sceneName: string; stress: number | null }>;
    };
  }>(stack.gatewayUrl, CHOOSE, { p: tenseId, c: breathe }, { token: tense.accessToken });
  assert.equal(chosen.data?.choose.currentScene.name, 'Breathe', JSON.stringify(chosen));
  assert.equal(chosen.data?.choose.finished, true);
  assert.deepEqual(
    chosen.data?.choose.history.map((h) => h.sceneName),
    ['Fork', 'Breathe'],
  );
  assert.ok((chosen.data?.choose.history[1]?.stress ?? 0) >= Number(threshold));

  // A playthrough is its reader's alone.
  const peek = await graphql(
    stack.gatewayUrl,
    'query($id: ID!) { playthrough(id: $id) { id } }',
    { id: tenseId },
    { token: calm.accessToken },
  );
  assert.deepEqual(errorCodes(peek), ['NOT_FOUND']);
});
