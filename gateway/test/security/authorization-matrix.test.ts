/**
 * The authorization matrix (issue 13): every root field of the composed graph, every generated
 * input path and `_entities` of every entity type, tried against a person's private data by
 * everyone who must not reach it, through the gateway and directly at each subgraph with a
 * replayed gateway assertion. Generated from the schema: a field added is tried on the next run.
 *
 * A leak is one of three: `read` (a private value of the owner's in the answer that the
 * request did not carry: planted secret markers, ids and timestamps of private objects),
 * `write` (a value of the owner's own view changed after the case), `accepted` (a deleted
 * account's token did what an anonymous caller may not). Each is listed as
 * `kind Field [variant: targets and input path] → what`; full operations go to a JSON file.
 * What is public by design is in PUBLIC_BY_DESIGN (test-kit/src/security/matrix.ts), with why.
 */
import assert from 'node:assert/strict';
import { appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  OwnerView,
  PrivateTokens,
  describeLeaks,
  fieldsById,
  gatewayOperations,
  graphql,
  harvestPrivateValues,
  plantPrivateData,
  post,
  recordGraph,
  replayableHeaders,
  runMatrix,
  signUp,
  useTestStack,
  subgraphOperations,
  removeStoriesOf,
  runStreamMatrix,
  consentScopes,
  generateOperations,
  type Actor,
  type MatrixCase,
  type PlantedPerson,
  type RecordedGraph,
  type SignedUp,
  type SubgraphUnderTest,
  type Targets,
} from '@mindscape/test-kit';

/** Limits out of the way: the matrix is about who may see what, not how much one may ask. */
const ROOMY: Record<string, string> = {
  MAX_DEPTH: '40',
  MAX_ALIASES: '1000',
  MAX_TOKENS: '100000',
  MAX_COST: '1000000',
  MAX_ROOT_FIELDS: '100',
  RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_PERSON_PER_MINUTE: '10000000',
  GRAPHQL_INTROSPECTION: 'true',
};

/** A replayed assertion is recaptured this often, so one that merely expired hides nothing. */
const RECAPTURE_MS = 15_000;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authorization matrix generated from the composed schema', () => {
  let graph: RecordedGraph;
  let ana: PlantedPerson;
  let dora: PlantedPerson;
  const tokens = new PrivateTokens();
  const people: string[] = [];

  const stack = useTestStack(
    {
      companion: true,
      gateway: ROOMY,
      throttle: { perAccount: 1_000_000, perIp: 1_000_000 },
    },
    async () => {
      await graph?.close();
      await removeStoriesOf(people);
    },
  );
  before(async () => {
    graph = await recordGraph(stack, ROOMY);
    console.log(
      `schema from ${graph.source}; subgraphs: ${graph.subgraphs.map((s) => s.name).join(', ')}`,
    );
    ana = await plantPrivateData(stack.gatewayUrl, 'Ana', graph.api);
    dora = await plantPrivateData(stack.gatewayUrl, 'Dora', graph.api);
    people.push(ana.account.userId, dora.account.userId);
    tokens.merge(ana.tokens).merge(dora.tokens);
  });

  test(
    'no one but the owner reads or changes their data (0 leaks)',
    { timeout: 1_800_000 },
    async () => {
      const started = Date.now();
      const targetsOf = (person: PlantedPerson): Targets => ({
        ids: person.ids,
        email: person.account.email,
        fields: new Map(),
      });
      const anaTargets = targetsOf(ana);
      const doraTargets = targetsOf(dora);

      // What each owner sees of their own data: its ids and timestamps become private values.
      const anaView = await OwnerView.open(stack.gatewayUrl, ana, graph.api, anaTargets);
      harvestPrivateValues(anaView.latest, tokens, 'Ana');
      fieldsById(anaView.latest, anaTargets.fields);
      const doraView = await OwnerView.open(stack.gatewayUrl, dora, graph.api, doraTargets);
      // Nothing of a deleted account is public any more, not even its published story.
      harvestPrivateValues(doraView.latest, tokens, 'Dora (deleted)', {});
      for (const marker of JSON.stringify(doraView.latest).match(/public-marker-[0-9a-f-]{36}/g) ??
        [])
        tokens.add(marker, 'Dora (deleted): published story text');
      fieldsById(doraView.latest, doraTargets.fields);
      for (const [type, ids] of Object.entries(dora.ids))
        for (const id of ids) if (!tokens.has(id)) tokens.add(id, `Dora (deleted): ${type} id`);
      const doraCapture = await captureAssertions(graph, dora.account.accessToken, doraView);
      const deleted = await graphql(
        stack.gatewayUrl,
        'mutation($p: String!) { deleteAccount(password: $p) }',
        { p: dora.account.password },
        { token: dora.account.accessToken },
      );
      assert.equal(deleted.data?.deleteAccount, true, JSON.stringify(deleted.errors));

      // The people who try.
      let bo = await signUp(stack.gatewayUrl, 'Bo');
      let boDevice = await registerDevice(stack.gatewayUrl, bo);
      const coach = ana.formerCoach;
      people.push(bo.userId, coach.userId);
      const gatewayActors: Array<Actor & { targets: Targets }> = [
        {
          name: 'anonymous',
          url: stack.gatewayUrl,
          headers: async () => ({}),
          targets: anaTargets,
        },
        {
          name: 'another person (Bo)',
          url: stack.gatewayUrl,
          headers: async () => bearer(bo.accessToken),
          get userId() {
            return bo.userId;
          },
          renewIfEnded: async () => {
            if (await stillValid(stack.gatewayUrl, bo.accessToken)) return false;
            bo = await signUp(stack.gatewayUrl, 'Bo');
            people.push(bo.userId);
            return true;
          },
          targets: anaTargets,
        },
        {
          name: "a device of Bo's",
          url: stack.gatewayUrl,
          headers: async () => bearer(boDevice),
          get userId() {
            return bo.userId;
          },
          renewIfEnded: async () => {
            if (await stillValid(stack.gatewayUrl, boDevice)) return false;
            if (!(await stillValid(stack.gatewayUrl, bo.accessToken)))
              bo = await signUp(stack.gatewayUrl, 'Bo');
            boDevice = await registerDevice(stack.gatewayUrl, bo);
            return true;
          },
          targets: anaTargets,
        },
        {
          name: 'coach after Ana revoked consent',
          url: stack.gatewayUrl,
          headers: async () => bearer(coach.accessToken),
          userId: coach.userId,
          renewIfEnded: async () => {
            if (await stillValid(stack.gatewayUrl, coach.accessToken)) return false;
            coach.accessToken = await signIn(stack.gatewayUrl, coach);
            return true;
          },
          targets: anaTargets,
        },
        {
          name: "Dora's old token after deleting her account",
          url: stack.gatewayUrl,
          headers: async () => bearer(dora.account.accessToken),
          userId: dora.account.userId,
          targets: doraTargets,
        },
      ];

      // Directly at each subgraph: no assertion, and gateway assertions replayed with other
      // operations (an anonymous one, Bo's, Ana's own, and Dora's from before her deletion).
      const subgraphActors: Array<Actor & { targets: Targets; subgraph: SubgraphUnderTest }> = [];
      const anaCapture = await captureAssertions(graph, ana.account.accessToken, anaView);
      for (const subgraph of graph.subgraphs) {
        const replays: Array<[string, string | undefined, Targets]> = [
          ['an anonymous', undefined, anaTargets],
          ["Bo's", bo.accessToken, anaTargets],
          ["Ana's own", ana.account.accessToken, anaTargets],
        ];
        subgraphActors.push({
          name: `${subgraph.name} subgraph, no assertion`,
          url: subgraph.url,
          headers: async () => ({}),
          targets: anaTargets,
          subgraph,
        });
        for (const [whose, token, targets] of replays) {
          let captured = whose === "Ana's own" ? anaCapture : undefined;
          subgraphActors.push({
            name: `${subgraph.name} subgraph, ${whose} gateway assertion replayed`,
            url: subgraph.url,
            headers: async () => {
              if (!captured || Date.now() - captured.at > RECAPTURE_MS)
                captured = await captureAssertions(graph, token, anaView);
              return captured.headers.get(subgraph.name) ?? {};
            },
            userId: whose === "Bo's" ? bo.userId : ana.account.userId,
            targets,
            subgraph,
          });
        }
        subgraphActors.push({
          name: `${subgraph.name} subgraph, Dora's gateway assertion replayed after her deletion`,
          url: subgraph.url,
          headers: async () => doraCapture.headers.get(subgraph.name) ?? {},
          userId: dora.account.userId,
          targets: doraTargets,
          subgraph,
        });
      }

      // Control: the owner's own reads must show her private values, or the matrix is blind.
      const ownerActor: Actor = {
        name: 'Ana herself (control)',
        url: stack.gatewayUrl,
        headers: async () => bearer(ana.account.accessToken),
      };
      const control = await runMatrix(
        gatewayOperations(graph.api, anaTargets)
          .filter((operation) => operation.kind === 'query')
          .map((operation) => ({ operation, actor: ownerActor })),
        { tokens: ana.tokens },
      );
      const seen = new Set(control.leaks.flatMap((leak) => leak.what));
      const planted = new Set(ana.tokens.labels());
      const unseen = [...planted].filter((label) => !seen.has(label));
      console.log(
        `control: Ana's own reads show ${planted.size - unseen.length} of ${planted.size} kinds of her planted values` +
          (unseen.length
            ? ` (never read back, or only as an echo of the id asked for: ${unseen.join('; ')})`
            : ''),
      );
      assert.ok(
        seen.has('Ana: journal text') && seen.has('Ana: email'),
        'the owner sees her own data',
      );

      // Reads first, then writes, so a write that gets through spoils as little as possible.
      const cases: MatrixCase[] = [];
      const gatewayOps = new Map<Targets, ReturnType<typeof gatewayOperations>>();
      for (const actor of gatewayActors) {
        if (!gatewayOps.has(actor.targets))
          gatewayOps.set(actor.targets, gatewayOperations(graph.api, actor.targets));
        for (const operation of gatewayOps.get(actor.targets)!) cases.push({ operation, actor });
      }
      for (const actor of subgraphActors)
        for (const operation of subgraphOperations(
          actor.subgraph.schema,
          actor.subgraph.entityKeys,
          actor.targets,
        ))
          cases.push({ operation, actor });
      cases.sort(
        (a, b) => Number(a.operation.kind === 'mutation') - Number(b.operation.kind === 'mutation'),
      );

      const fields = new Set(cases.map((c) => c.operation.field)).size;
      console.log(
        `matrix: ${cases.length} cases (${fields} root fields and entity types, ` +
          `${gatewayActors.length} actors at the gateway, ${subgraphActors.length} at subgraphs); ` +
          `${tokens.size} private values watched; owner view of ${anaView.readCount} reads, ${anaView.fieldCount} values watched for writes (${anaView.leftOut} reads left out: they fail for Ana too)`,
      );
      let lastPrint = Date.now();
      const file = join(tmpdir(), `mindscape-authorization-matrix-${process.pid}.json`);
      // Each leak as found, one JSON a line: a long run that is stopped keeps what it found.
      const stream = `${file}l`;
      await writeFile(stream, '');
      const report = await runMatrix(cases, {
        onLeak: (leak) => void appendFile(stream, `${JSON.stringify(leak)}\n`),
        tokens,
        ownerView: anaView,
        deletedActors: new Set(
          [...gatewayActors, ...subgraphActors]
            .filter((a) => a.name.includes('Dora'))
            .map((a) => a.name),
        ),
        anonymousUrl: stack.gatewayUrl,
        onProgress: (done, total, leaks) => {
          if (Date.now() - lastPrint < 10_000 && done !== total) return;
          lastPrint = Date.now();
          console.log(`  ${done}/${total} cases, ${leaks} leaks so far`);
        },
      });
      const summary =
        `${report.cases} cases in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `${report.leaks.length} leaks\n` +
        [...report.byActor]
          .map(
            ([actor, n]) =>
              `  ${n} as ${actor}: ${[...(report.outcomes.get(actor) ?? [])].map(([o, k]) => `${k}× ${o}`).join(', ')}`,
          )
          .join('\n');
      console.log(summary);
      await writeFile(file, JSON.stringify(report.leaks, null, 2));
      if (report.leaks.length > 0)
        console.log(`leaks (full operations in ${file}):\n${describeLeaks(report.leaks)}`);
      assert.equal(
        report.leaks.length,
        0,
        `${report.leaks.length} leaks:\n${describeLeaks(report.leaks)}`,
      );
    },
  );

  test('no one but the owner hears her live streams (0 leaks)', { timeout: 300_000 }, async () => {
    const anaTargets: Targets = { ids: ana.ids, email: ana.account.email, fields: new Map() };
    const operations = generateOperations(graph.api, anaTargets).filter(
      (op) => op.kind === 'subscription',
    );
    const bo = await signUp(stack.gatewayUrl, 'Bo');
    const boDevice = await registerDevice(stack.gatewayUrl, bo);
    // A coach who holds every consent while subscribing, and loses them before Ana acts.
    const coach = await signUp(stack.gatewayUrl, 'Coach');
    people.push(bo.userId, coach.userId);
    const consents: string[] = [];
    for (const scope of consentScopes(graph.api)) {
      const granted = await graphql<{ grantConsent: { id: string } }>(
        stack.gatewayUrl,
        'mutation($s: ConsentScope!, $e: String!) { grantConsent(scope: $s, granteeEmail: $e) { id } }',
        { s: scope, e: coach.email },
        { token: ana.account.accessToken },
      );
      consents.push(granted.data!.grantConsent.id);
    }
    const report = await runStreamMatrix(
      stack.gatewayUrl,
      ana,
      operations,
      [
        { name: 'anonymous' },
        { name: 'another person (Bo)', authorization: `Bearer ${bo.accessToken}` },
        { name: "a device of Bo's", authorization: `Bearer ${boDevice}` },
        {
          name: 'coach after Ana revoked consent',
          authorization: `Bearer ${ana.formerCoach.accessToken}`,
        },
        {
          name: 'coach whose consent Ana revoked while he was subscribed',
          authorization: `Bearer ${coach.accessToken}`,
        },
        {
          name: "Dora's old token after deleting her account",
          authorization: `Bearer ${dora.account.accessToken}`,
        },
      ],
      tokens,
      async () => {
        for (const id of consents)
          await graphql(
            stack.gatewayUrl,
            'mutation($id: ID!) { revokeConsent(id: $id) { id } }',
            { id },
            { token: ana.account.accessToken },
          );
      },
    );
    console.log(
      `streams: ${report.cases} subscriptions (${operations.length} generated × 6 actors); ` +
        `${report.leaks.length} leaks; unverified: ${report.unverified.join(', ') || 'none'}`,
    );
    if (report.leaks.length > 0) console.log(describeLeaks(report.leaks));
    assert.deepEqual(report.unverified, [], 'every subscription heard the owner act');
    assert.equal(
      report.leaks.length,
      0,
      `${report.leaks.length} leaks:\n${describeLeaks(report.leaks)}`,
    );
  });
});

async function registerDevice(url: string, person: SignedUp): Promise<string> {
  const answer = await graphql<{ registerDevice: { token: string } }>(
    url,
    'mutation { registerDevice(kind: PHONE, name: "probe phone") { token } }',
    {},
    { token: person.accessToken },
  );
  if (!answer.data) throw new Error(`registerDevice failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.registerDevice.token;
}

async function signIn(url: string, person: SignedUp): Promise<string> {
  const answer = await graphql<{ signIn: { accessToken: string } }>(
    url,
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
    { e: person.email, p: person.password },
  );
  if (!answer.data) throw new Error(`signIn failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.signIn.accessToken;
}

async function stillValid(url: string, token: string): Promise<boolean> {
  const answer = await post(url, '{ me { id } }', bearer(token));
  return answer.status === 200 && !!answer.body.data?.me;
}

/**
 * Sends the owner view's reads through the recording gateway with `token` (none: anonymous)
 * and keeps, per subgraph, the headers of the last request the gateway made to it.
 */
async function captureAssertions(
  graph: RecordedGraph,
  token: string | undefined,
  view: OwnerView,
): Promise<{ at: number; headers: Map<string, Record<string, string>> }> {
  const marks = graph.subgraphs.map((s) => s.proxy.exchanges.length);
  await post(graph.gatewayUrl, view.documentText, token ? bearer(token) : {});
  const headers = new Map<string, Record<string, string>>();
  graph.subgraphs.forEach((subgraph, i) => {
    const last = subgraph.proxy.exchanges.slice(marks[i]).at(-1);
    if (last) headers.set(subgraph.name, replayableHeaders(last));
  });
  return { at: Date.now(), headers };
}
