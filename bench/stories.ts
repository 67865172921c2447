/**
 * Stories: import of 500 and 5,000 passages through the gateway, loading a whole story for
 * the editor in one query, and full validation. Figures only; goals from issue 6 alongside.
 *
 *   npm run bench:stories
 */
import os from 'node:os';
import { parseTwee, serializeTwee, validateSource, type StorySource } from '@mindscape/stories';
import { graphql, removeStoriesOf, signUp, startTestStack } from '@mindscape/test-kit';
import { loadDevSecrets } from '../scripts/stack/dev-secrets.js';
import { engineEnvironment, startEngines } from '../scripts/stack/engines.js';
import { table, timePerCall, UNLIMITED_RATES } from './measure.js';

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
    const parsed = parseTwee(source);
    const validateMs = await timePerCall(() => validateSource(parsed), 1000);
    const parseMs = await timePerCall(() => parseTwee(source), 1000);
    rows.push([n, importMs, loadMs, validateMs, parseMs]);
  }
  table(
    `Stories — ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; ` +
      'goals: import 5,000 < 5 s, full validation of 5,000 ≤ 200 ms',
    [
      'passages',
      'importStory ms (gateway, one transaction)',
      'editor load ms (one query)',
      'full validation ms',
      'Twee parse ms',
    ],
    rows,
  );
} finally {
  // The benchmark's drafts leave the (single) Neo4j database with it.
  if (authorId) await removeStoriesOf([authorId]);
  await stack.close();
  await engines.stop();
}
