/**
 * Stories: import of 500 and 5,000 passages through the gateway, loading a whole story for
 * the editor in one query (and how many Cypher statements that took), and validation: full
 * (every scene parsed) against incremental (the kept graph patched with one edited scene).
 * Figures only; goals from issue 6 alongside.
 *
 *   npm run bench:stories
 */
import os from 'node:os';
import {
  parseTwee,
  passageLinks,
  serializeTwee,
  validateSource,
  ValidationCache,
  type StorySource,
  type StoryState,
} from '@mindscape/stories';
import { graphql, metricValue, removeStoriesOf, signUp, startTestStack } from '@mindscape/test-kit';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { table, timePerCall, UNLIMITED_RATES } from './measure.js';

/** The stories subgraph's count of Cypher statements sent, from its /metrics. */
const statementsSent = (storiesUrl: string) =>
  metricValue(storiesUrl, 'stories_cypher_statements_total');

/** A story of `n` passages: each offers two choices onward, a few loop back, every tenth ends. */
function generatedStory(n: number): StorySource {
  return {
    title: `Generated ${n}`,
    tagColors: {},
    extra: {},
    script: '',
    stylesheet: '',
    start: 'P0',
    passages: Array.from({ length: n }, (_, i) => ({
      name: `P${i}`,
      text:
        i === n - 1 || i % 10 === 9
          ? `The path ends here. (set: $steps to it + 1)`
          : `Scene ${i}: the lake, the wind. [[On->P${i + 1}]] [[Aside|P${Math.min(n - 1, i + 2)}]]` +
            (i % 7 === 0 && i > 0 ? ` [[Back->P${i - 1}]]` : ''),
      tags: i % 10 === 9 ? ['ending'] : [],
      position: `${(i % 50) * 120},${Math.floor(i / 50) * 120}`,
      metadata: {},
    })),
  };
}

/** The story as the subgraph stores it (scenes with their choices), for the in-process checks. */
function storedState(story: StorySource): StoryState {
  const scenes: StoryState['scenes'] = {};
  story.passages.forEach((passage, order) => {
    scenes[passage.name] = {
      id: passage.name,
      name: passage.name,
      text: passage.text,
      tags: passage.tags,
      position: passage.position ?? null,
      size: null,
      metadata: null,
      isEnding: passage.tags.includes('ending'),
      order,
      choices: passageLinks(passage.text).map((link, i) => ({
        id: `${passage.name}/${i}`,
        text: link.text,
        targetName: link.target,
        kind: 'CHOICE',
        order: i,
        condition: null,
        recommendWhen: null,
        effects: null,
      })),
    };
  });
  return { start: story.start ?? null, scenes };
}

const EDITOR = `query($id: ID!) { story(id: $id) { id title scenes { id name text tags position
  isEnding choices { id text kind target { id } } } } }`;

const engines = await startEngines(await loadDevSecrets());
Object.assign(process.env, engineEnvironment(engines));
const stack = await startTestStack({ gateway: UNLIMITED_RATES });
let authorId = '';
try {
  const author = await signUp(stack.gatewayUrl, 'Author');
  authorId = author.userId;
  const rows: Array<Array<string | number>> = [];
  for (const n of [500, 5000]) {
    const source = serializeTwee(generatedStory(n));
    console.log(`${n} passages (${(source.length / 1024).toFixed(0)} KiB of Twee)…`);
    const began = performance.now();
    const imported = await graphql<{ importStory: { id: string } }>(
      stack.gatewayUrl,
      'mutation($s: String!) { importStory(format: TWEE, source: $s) { id } }',
      { s: source },
      { token: author.accessToken },
    );
    const importMs = performance.now() - began;
    if (!imported.data) throw new Error(JSON.stringify(imported.errors));
    const id = imported.data.importStory.id;
    const loadMs = await timePerCall(
      () => graphql(stack.gatewayUrl, EDITOR, { id }, { token: author.accessToken }),
      2000,
    );
    const sentBefore = await statementsSent(stack.stories.url);
    await graphql(stack.gatewayUrl, EDITOR, { id }, { token: author.accessToken });
    const statements = (await statementsSent(stack.stories.url)) - sentBefore;

    const VALIDATE = 'query($id: ID!) { validateStory(storyId: $id) { deadEnds { id } } }';
    const coldBegan = performance.now();
    await graphql(stack.gatewayUrl, VALIDATE, { id }, { token: author.accessToken });
    const serverFullMs = performance.now() - coldBegan;
    const serverKeptMs = await timePerCall(
      () => graphql(stack.gatewayUrl, VALIDATE, { id }, { token: author.accessToken }),
      1000,
    );

    const parsed = parseTwee(source);
    const state = storedState(parsed);
    const cache = new ValidationCache();
    const fullMs = await timePerCall(() => {
      cache.remember('bench', 1, state);
      return cache.validate('bench', 1);
    }, 1000);
    // One scene edited (a new link), as after editScene: patch it in, check again.
    const edited = structuredClone(state.scenes[`P${n >> 1}`]!);
    edited.text += ' [[P0]]';
    edited.choices.push({ ...edited.choices[0]!, id: 'new', targetName: 'P0' });
    let version = 1;
    const incrementalMs = await timePerCall(() => {
      cache.patch('bench', version, version + 1, { start: 'P0', scenes: { [edited.id]: edited } });
      version += 1;
      return cache.validate('bench', version);
    }, 1000);
    const sourceMs = await timePerCall(() => validateSource(parsed), 1000);
    rows.push([
      n,
      importMs,
      loadMs,
      statements,
      serverFullMs,
      serverKeptMs,
      fullMs,
      incrementalMs,
      `${(fullMs / incrementalMs).toFixed(0)}×`,
      sourceMs,
    ]);
  }
  table(
    `Stories — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; ` +
      'goals: import 5,000 < 5 s, full validation of 5,000 ≤ 200 ms, incremental ≤ 50 ms, ' +
      'one Cypher statement per editor load',
    [
      'passages',
      'importStory ms (gateway, one tx)',
      'editor load ms',
      'Cypher statements',
      'validateStory ms, first (loads all)',
      'validateStory ms, kept graph',
      'full check ms (in process)',
      'incremental ms (1 scene)',
      'full / incremental',
      'source check ms (parse + graph)',
    ],
    rows,
  );
} finally {
  // The benchmark's drafts leave the (single) Neo4j database with it.
  if (authorId) await removeStoriesOf([authorId]);
  await stack.close();
  await engines.stop();
}
