/**
 * `npx tsx deploy/scripts/measure.ts`: the figures behind the resource requests and limits in
 * deploy/k8s. Starts every subgraph and the gateway as their own processes (as `npm start`
 * does) on spare ports against the engines named by MONGODB_URI / NEO4J_URI, puts a mixed load
 * through the gateway (queries, biometric ingest, open subscriptions), and samples each
 * process's resident memory and CPU from /proc once a second. Its databases are dropped at the end.
 *
 *   MEASURE_SECONDS=40 (default)  MEASURE_SUBSCRIBERS=200 (default)
 */
import { readFile } from 'node:fs/promises';
import { HEART_PHASES, sampleInputs, samplesFromBeats, simulateHeart } from '@mindscape/biosignals';
import { openDatabase } from '@mindscape/platform';
import { progress } from '@mindscape/devkit';
import { graphql, graphqlWsClient, removeStoriesOf, signUp } from '@mindscape/test-kit';
import { loadDevSecrets } from '../../scripts/stack/dev-secrets.js';
import type { Engines } from '../../scripts/stack/engines.js';
import { serviceSpecs, startServices } from '../../scripts/stack/services.js';

const seconds = Number(process.env.MEASURE_SECONDS ?? 40);
const subscribers = Number(process.env.MEASURE_SUBSCRIBERS ?? 200);
const { MONGODB_URI, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD } = process.env;
if (!MONGODB_URI || !NEO4J_URI || !NEO4J_PASSWORD) {
  console.error(
    'Name the engines first: MONGODB_URI, NEO4J_URI, NEO4J_PASSWORD (npm start prints them).',
  );
  process.exit(1);
}
const engines: Engines = {
  mongoUri: MONGODB_URI,
  neo4j: { uri: NEO4J_URI, user: NEO4J_USER ?? 'neo4j', password: NEO4J_PASSWORD },
  pids: [],
  stop: async () => {},
};
const suffix = Date.now().toString(36);
const databases = {
  USERS_DB: `measure_users_${suffix}`,
  EMOTIONS_DB: `measure_emotions_${suffix}`,
  STORIES_DB: `measure_stories_${suffix}`,
  COMPANION_DB: `measure_companion_${suffix}`,
};
// Spare ports, databases of its own, and limits off: one client sends as fast as it can.
Object.assign(process.env, databases, {
  GATEWAY_PORT: '14000',
  USERS_PORT: '14001',
  STORIES_PORT: '14002',
  COMPANION_PORT: '14003',
  EMOTIONS_PORT: '14004',
  RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
  LOG_LEVEL: 'warn',
});
const specs = serviceSpecs(engines, await loadDevSecrets()).filter((s) => s.name !== 'web');
const services = await startServices(specs);
const gatewayUrl = 'http://127.0.0.1:14000/graphql';

interface Sample {
  rssMiB: number;
  cpuTicks: number;
  at: number;
}
const samples = new Map<string, Sample[]>(services.map((s) => [s.name, []]));
const ticksPerSecond = 100; // USER_HZ on Linux
async function sampleAll() {
  for (const service of services) {
    const pid = service.process.pid;
    if (!pid) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    samples.get(service.name)!.push({
      rssMiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
      // utime and stime: fields 14 and 15 of /proc/pid/stat (12 and 13 after the name).
      cpuTicks: Number(stat[11]) + Number(stat[12]),
      at: performance.now(),
    });
  }
}

const idle = new Map<string, number>();
await sampleAll();
for (const [name, list] of samples) idle.set(name, list[0]!.rssMiB);

const RECORD =
  'mutation($input: BiometricBatchInput!) { recordBiometrics(input: $input) { accepted } }';
const ME = 'query { me { id displayName } }';
const MY_STORIES = 'query { myStories { id title } }';
const SAY =
  'mutation($text: String!, $id: ID!) { sendCompanionMessage(text: $text, clientMessageId: $id) { reply { id } } }';
const LINES = [
  'I walked by the river with my sister Mina this morning.',
  'Work was loud today and my chest felt tight before the meeting.',
  'I slept badly, but the breathing exercise helped a little.',
  'My dog Bori hurt his paw, so we stayed home and read.',
];
let stop = false;
const counts = { queries: 0, samples: 0, messages: 0, errors: 0 };
const authors: string[] = [];
const sockets: Array<{ dispose(): void | Promise<void> }> = [];
try {
  const people = await Promise.all([0, 1, 2, 3].map((i) => signUp(gatewayUrl, `Measure${i}`)));
  authors.push(...people.map((p) => p.userId));
  for (const p of people)
    await graphql(
      gatewayUrl,
      'mutation { createStory(title: "Measured") { id } }',
      {},
      {
        token: p.accessToken,
      },
    );
  progress('measure', `opening ${subscribers} subscriptions`);
  for (let i = 0; i < subscribers; i++) {
    const person = people[i % people.length]!;
    const client = graphqlWsClient(gatewayUrl, { authorization: `Bearer ${person.accessToken}` });
    client.subscribe(
      { query: 'subscription { stateChanged { heartRate stress } }' },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    sockets.push(client);
  }
  const ticker = setInterval(() => void sampleAll(), 1000);
  progress('measure', `${seconds} s of queries and ingest through the gateway`);
  const queryLoop = async (token: string) => {
    for (let i = 0; !stop; i++) {
      const answer = await graphql(gatewayUrl, i % 2 ? MY_STORIES : ME, {}, { token });
      counts.queries++;
      if (answer.errors) counts.errors++;
    }
  };
  const ingestLoop = async (token: string, seed: number) => {
    const heart = sampleInputs(
      samplesFromBeats(
        simulateHeart([{ ...HEART_PHASES.rest, seconds: 40_000 }], {
          start: Date.now() - 41_000_000,
          seed,
        }),
      ),
    );
    for (let i = 0; !stop && i + 50 <= heart.length; i += 50) {
      const answer = await graphql(
        gatewayUrl,
        RECORD,
        { input: { samples: heart.slice(i, i + 50) } },
        { token },
      );
      counts.samples += 50;
      if (answer.errors) counts.errors++;
    }
  };
  const companionLoop = async (token: string) => {
    for (let i = 0; !stop; i++) {
      const answer = await graphql(
        gatewayUrl,
        SAY,
        { text: LINES[i % LINES.length]!, id: `measure-${i}-${Math.random()}` },
        { token },
      );
      counts.messages++;
      if (answer.errors) counts.errors++;
    }
  };
  const timer = setTimeout(() => (stop = true), seconds * 1000);
  await Promise.all([
    ...people.map((p) => queryLoop(p.accessToken)),
    ...people.map((p, i) => ingestLoop(p.accessToken, i + 1)),
    companionLoop(people[0]!.accessToken),
  ]);
  for (const p of people)
    await graphql(
      gatewayUrl,
      'mutation { forgetEverything(confirm: true) }',
      {},
      {
        token: p.accessToken,
      },
    );
  clearTimeout(timer);
  clearInterval(ticker);
  await sampleAll();
} finally {
  for (const socket of sockets) await socket.dispose();
  for (const service of [...services].reverse()) await service.stop();
  await removeStoriesOf(authors);
  for (const name of Object.values(databases)) {
    const db = await openDatabase(MONGODB_URI, name);
    await db.dropDatabase();
    await db.close();
  }
}

console.log(
  `\n${seconds} s under load: ${counts.queries} queries (${(counts.queries / seconds).toFixed(0)}/s), ` +
    `${counts.samples} samples (${(counts.samples / seconds).toFixed(0)}/s), ` +
    `${counts.messages} companion messages, ${subscribers} open subscriptions, ${counts.errors} errors`,
);
console.log('service     idle RSS MiB  peak RSS MiB  mean CPU (cores)  peak CPU (cores, 1 s)');
for (const [name, list] of samples) {
  const loaded = list.slice(1);
  const peakRss = Math.max(...loaded.map((s) => s.rssMiB));
  const first = loaded[0]!;
  const last = loaded.at(-1)!;
  const mean = (last.cpuTicks - first.cpuTicks) / ticksPerSecond / ((last.at - first.at) / 1000);
  let peak = 0;
  for (let i = 1; i < loaded.length; i++) {
    const a = loaded[i - 1]!;
    const b = loaded[i]!;
    peak = Math.max(peak, (b.cpuTicks - a.cpuTicks) / ticksPerSecond / ((b.at - a.at) / 1000));
  }
  console.log(
    `${name.padEnd(12)}${idle.get(name)!.toFixed(0).padStart(12)}  ${peakRss.toFixed(0).padStart(12)}  ${mean.toFixed(2).padStart(16)}  ${peak.toFixed(2).padStart(21)}`,
  );
}
process.exit(0);
