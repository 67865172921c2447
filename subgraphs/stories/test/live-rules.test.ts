/**
 * Choice rules may test the whole live state the graph keeps, not only stress: here a choice
 * offered only while the reader's heart beats at least at a threshold between a calm and a
 * tense reader's heart rates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCENARIOS, type HeartPhase } from '@mindscape/biosignals';
import {
  graphql,
  signUp,
  useTestStack,
  wearHeart,
  removeStoriesOf,
  type SignedUp,
} from '@mindscape/test-kit';
import { compileRule, ruleVariables } from '../src/choice-rules.js';

const TWEE = `:: StoryTitle
The Hill

:: StoryData
{"start": "Foot"}

:: Foot
A hill rises. [[Run up->Top]] [[Walk around->Around]]

:: Top [ending]
You made it up.

:: Around [ending]
You took the long way.
`;

const people: string[] = [];
const stack = useTestStack({ engine: { minIntervalMs: 0 } }, () => removeStoriesOf(people));

const wear = async (person: SignedUp, phases: HeartPhase[], seed: number) =>
  (await wearHeart(stack, person, phases, seed, 30)).heartRate;

test('the live state’s names are rule facts, not story variables', () => {
  const rule = compileRule('heartRate >= 100 and coherence < 3', 'condition');
  assert.equal(rule({ heartRate: 104, coherence: 2 }), true);
  assert.equal(rule({ heartRate: 80, coherence: 2 }), false);
  assert.equal(rule({}), false, 'no live state: the rule does not hold');
  assert.deepEqual(ruleVariables('heartRate >= 100 and breathingRate < 8 and visits > 1'), [
    'visits',
  ]);
});

test('a choice ruled by heart rate is offered to the racing heart, not to the calm one', async () => {
  const author = await signUp(stack.gatewayUrl, 'Author');
  const racing = await signUp(stack.gatewayUrl, 'Racing');
  const calm = await signUp(stack.gatewayUrl, 'Calm');
  people.push(author.userId);
  const imported = await graphql<{
    importStory: {
      id: string;
      version: number;
      scenes: Array<{ name: string; choices: Array<{ id: string; text: string }> }>;
    };
  }>(
    stack.gatewayUrl,
    'mutation($s: String!) { importStory(format: TWEE, source: $s) { id version scenes { name choices { id text } } } }',
    { s: TWEE },
    { token: author.accessToken },
  );
  const story = imported.data!.importStory;
  const run = story.scenes
    .find((s) => s.name === 'Foot')!
    .choices.find((c) => c.text === 'Run up')!.id;

  const racingRate = await wear(racing, SCENARIOS.stress, 21);
  const calmRate = await wear(calm, SCENARIOS.rest, 22);
  assert.ok(racingRate > calmRate + 5, `heart rates ${racingRate} vs ${calmRate}`);
  const threshold = Math.round((racingRate + calmRate) / 2);

  const ruled = await graphql<{ setChoiceRule: { version: number } }>(
    stack.gatewayUrl,
    `
      mutation ($id: ID!, $v: Int!, $c: ID!, $cond: String) {
        setChoiceRule(storyId: $id, expectedVersion: $v, choiceId: $c, condition: $cond) {
          version
        }
      }
    `,
    { id: story.id, v: story.version, c: run, cond: `heartRate >= ${threshold}` },
    { token: author.accessToken },
  );
  assert.equal(ruled.errors, undefined, JSON.stringify(ruled.errors));
  const published = await graphql(
    stack.gatewayUrl,
    'mutation($id: ID!, $v: Int!) { publishStory(storyId: $id, expectedVersion: $v) { number } }',
    { id: story.id, v: ruled.data!.setChoiceRule.version },
    { token: author.accessToken },
  );
  assert.equal(published.errors, undefined, JSON.stringify(published.errors));

  const offered = async (reader: SignedUp) => {
    const started = await graphql<{
      startPlaythrough: { availableChoices: Array<{ text: string }> };
    }>(
      stack.gatewayUrl,
      'mutation($id: ID!) { startPlaythrough(storyId: $id) { availableChoices { text } } }',
      { id: story.id },
      { token: reader.accessToken },
    );
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    return started.data!.startPlaythrough.availableChoices.map((c) => c.text).sort();
  };
  assert.deepEqual(await offered(racing), ['Run up', 'Walk around']);
  assert.deepEqual(await offered(calm), ['Walk around']);
});
