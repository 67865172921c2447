/**
 * Query throughput and latency of three gateways over the same subgraphs, side by side in one
 * run: MindScape's gateway, stock @apollo/gateway, and @graphql-hive/gateway-runtime. Each
 * gateway runs in its own process; the load generator is this process. Figures only.
 *
 *   npm run bench:gateway [-- --seconds 8 --concurrency 16 --rounds 2]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { graphql, signUp } from '@mindscape/test-kit';
import { percentile, table } from './measure.js';
import { cpuMs, withSubgraphs, type Role } from './roles.js';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '2' },
    people: { type: 'string', default: '5' },
    watchers: { type: 'string', default: '8' },
  },
});
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);

/** Three sequential subgraph fetches: users → emotions → users. */
const DEEP = `query Dashboard($from: DateTime!, $to: DateTime!) {
  me {
    displayName
    currentState { heartRate stress }
    consentsReceived {
      scope
      owner {
        displayName
        currentState { heartRate stress label }
        checkIns(from: $from, to: $to) { mood energy }
        emotionReadings(from: $from, to: $to) {
          text valence user { displayName }
        }
      }
    }
  }
}`;
/** The week around now: the seeded check-ins and journal entries are recorded now. */
const THIS_WEEK = {
  from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
};

await withSubgraphs(async (subgraphs, start) => {
  const seedUrl = subgraphs.details.url;

  console.log(`seeding: ${args.watchers} watchers and ${args.people} people who share with them…`);
  const watchers = await Promise.all(
    Array.from({ length: Number(args.watchers) }, (_, i) => signUp(seedUrl, `Watcher${i}`)),
  );
  const watcher = watchers[0]!;
  const tokens = watchers.map((w) => w.accessToken);
  for (let i = 0; i < Number(args.people); i++) {
    const person = await signUp(seedUrl, `Person${i}`);
    for (const scope of ['LIVE_STATE', 'HISTORY', 'JOURNAL'])
      for (const { email } of watchers)
        await graphql(
          seedUrl,
          'mutation($s: ConsentScope!, $e: String!) { grantConsent(scope: $s, granteeEmail: $e) { id } }',
          { s: scope, e: email },
          { token: person.accessToken },
        );
    await graphql(
      seedUrl,
      'mutation { recordCheckIn(mood: 4, energy: 3) { id } }',
      {},
      {
        token: person.accessToken,
      },
    );
    await graphql(
      seedUrl,
      'mutation($t: String!) { recordEmotion(text: $t) { id } }',
      {
        t: 'A calm evening walk by the river',
      },
      { token: person.accessToken },
    );
  }

  const gateways: Array<{ name: string; role: Role<{ url: string }> }> = [];
  for (const [name, role] of [
    ['MindScape gateway', 'ours'],
    ['stock @apollo/gateway', 'apollo'],
    ['@graphql-hive/gateway-runtime', 'hive'],
  ] as const) {
    console.log(`starting ${name}…`);
    gateways.push({ name, role: await start(role) });
  }

  // Same answer from every gateway, or the comparison means nothing.
  const answers = await Promise.all(
    gateways.map(({ role }) =>
      graphql(role.details.url, DEEP, THIS_WEEK, { token: watcher.accessToken }),
    ),
  );
  for (const [i, answer] of answers.entries()) {
    if (answer.errors || JSON.stringify(answer.data) !== JSON.stringify(answers[0]!.data))
      throw new Error(
        `${gateways[i]!.name} answered differently: ${JSON.stringify(answer).slice(0, 400)}`,
      );
  }
  // An empty dashboard would measure nothing: every person shared a check-in and an entry.
  const shared = (
    answers[0]!.data as {
      me: {
        consentsReceived: Array<{ owner: { checkIns: unknown[]; emotionReadings: unknown[] } }>;
      };
    }
  ).me.consentsReceived;
  if (
    !shared.length ||
    shared.some((c) => !c.owner.checkIns.length || !c.owner.emotionReadings.length)
  )
    throw new Error(
      'the dashboard came back without the seeded check-ins or entries; check THIS_WEEK',
    );

  // How many subgraph requests one query costs through each gateway.
  const fetchesPerQuery = new Map<string, number>();
  for (const { name, role } of gateways) {
    const before = await subgraphRequests([subgraphs.details.users, subgraphs.details.emotions]);
    for (let i = 0; i < 10; i++)
      await graphql(role.details.url, DEEP, THIS_WEEK, { token: watcher.accessToken });
    const after = await subgraphRequests([subgraphs.details.users, subgraphs.details.emotions]);
    fetchesPerQuery.set(name, (after - before) / 10);
  }

  const results = new Map<
    string,
    Array<
      Awaited<ReturnType<typeof load>> & {
        gatewayCpu: number;
        subgraphsCpu: number;
        requestsUnderLoad: number;
      }
    >
  >();
  for (let round = 1; round <= Number(args.rounds); round++) {
    for (const { name, role } of gateways) {
      process.stdout.write(`round ${round}: ${name} for ${seconds} s… `);
      await load(role.details.url, tokens, 1); // warm-up
      const subgraphUrls = [subgraphs.details.users, subgraphs.details.emotions];
      const requestsBefore = await subgraphRequests(subgraphUrls);
      const cpuBefore = [await cpuMs(role.child.pid!), await cpuMs(subgraphs.child.pid!)];
      const measured = await load(role.details.url, tokens, seconds);
      const queries = measured.rps * seconds;
      const result = {
        ...measured,
        requestsUnderLoad: ((await subgraphRequests(subgraphUrls)) - requestsBefore) / queries,
        gatewayCpu: ((await cpuMs(role.child.pid!)) - cpuBefore[0]!) / queries,
        subgraphsCpu: ((await cpuMs(subgraphs.child.pid!)) - cpuBefore[1]!) / queries,
      };
      console.log(`${result.rps.toFixed(0)} req/s`);
      results.set(name, [...(results.get(name) ?? []), result]);
    }
  }

  const best = (name: string) => results.get(name)!.reduce((a, b) => (b.rps > a.rps ? b : a));
  const baseline = best('stock @apollo/gateway');
  table(
    `Deep federated query (3 sequential subgraph fetches, ${Number(args.people) * 3} consents), ` +
      `${concurrency} concurrent clients as ${args.watchers} people, best of ${args.rounds} × ${seconds} s — ` +
      `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    [
      'gateway',
      'subgraph requests/query (alone)',
      '(under load)',
      'gateway CPU ms/query',
      'subgraphs CPU ms/query',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'wrong person',
      'throughput vs stock',
      'p99 vs stock',
    ],
    gateways.map(({ name }) => {
      const r = best(name);
      return [
        name,
        fetchesPerQuery.get(name)!,
        r.requestsUnderLoad,
        r.gatewayCpu,
        r.subgraphsCpu,
        r.rps,
        r.p50,
        r.p95,
        r.p99,
        r.errors,
        r.wrong,
        `${(r.rps / baseline.rps).toFixed(2)}×`,
        `${(r.p99 / baseline.p99).toFixed(2)}×`,
      ];
    }),
  );
});

async function load(url: string, tokens: string[], forSeconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let wrong = 0;
  const body = JSON.stringify({ query: DEEP, variables: THIS_WEEK });
  const end = performance.now() + forSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      const token = tokens[client % tokens.length]!;
      const name = `Watcher${client % tokens.length}`;
      while (performance.now() < end) {
        const began = performance.now();
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          });
          const answer = (await response.json()) as {
            errors?: unknown;
            data?: { me?: { displayName?: string } };
          };
          if (!response.ok || answer.errors) errors++;
          // An answer made for someone else (a gateway merging requests across people).
          else if (answer.data?.me?.displayName !== name) wrong++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - began);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / forSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    wrong,
  };
}

/** GraphQL requests the subgraphs have served so far (their own metrics). */
async function subgraphRequests(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const text = await (await fetch(new URL('/metrics', url))).text();
    for (const line of text.split('\n')) {
      if (
        line.startsWith('http_request_duration_seconds_count{') &&
        line.includes('route="/graphql"')
      )
        total += Number(line.split(' ').pop());
    }
  }
  return total;
}
