import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Supervised } from '@mindscape/devkit';
import {
  graphql,
  newSigningKey,
  testEngines,
  uniqueName,
  dropDatabase,
  until,
} from '@mindscape/test-kit';
import { serviceSpecs, startServices } from '../../scripts/stack/services.js';

/** What an OTLP/HTTP JSON export carries, as far as this test reads it. */
interface Export {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: Array<{ traceId: string; name: string }> }>;
  }>;
}

const spans: Array<{ service: string; traceId: string; name: string }> = [];
let collector: Server;
let services: Supervised[] = [];
let usersDb: string;
let gatewayUrl: string;

before(async () => {
  // A minimal trace collector: the services export OTLP/HTTP JSON to it.
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      // Traces only; anything else the SDK might send is acknowledged and ignored.
      const data = (req.url === '/v1/traces' ? JSON.parse(body) : { resourceSpans: [] }) as Export;
      for (const { resource, scopeSpans } of data.resourceSpans ?? []) {
        const service =
          resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const { spans: list } of scopeSpans)
          for (const span of list) spans.push({ service, traceId: span.traceId, name: span.name });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as { port: number };
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  usersDb = uniqueName('test_users');
  const engines = testEngines();
  const specs = serviceSpecs(
    {
      mongoUri: engines.mongoUri,
      neo4j: { uri: '', user: '', password: '' },
      pids: [],
      stop: async () => {},
    },
    {
      assertionSecret: 'a'.repeat(48),
      authSigningKey: await newSigningKey(),
      neo4jPassword: '',
      companionKeys: '',
    },
    {
      USERS_PORT: String(base),
      EMOTIONS_PORT: String(base + 1),
      GATEWAY_PORT: String(base + 2),
      LOG_LEVEL: 'error',
    },
  ).filter((spec) => spec.name === 'users' || spec.name === 'gateway');
  const gateway = specs.find((spec) => spec.name === 'gateway')!;
  gateway.env.SUBGRAPHS = `users=http://127.0.0.1:${base}/graphql`;
  for (const spec of specs) {
    Object.assign(spec.env, {
      USERS_DB: usersDb,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  }
  services = await startServices(specs);
  gatewayUrl = `http://127.0.0.1:${base + 2}/graphql`;
});
after(async () => {
  for (const service of services.reverse()) await service.stop();
  collector?.close();
  await dropDatabase(usersDb);
});

test('with OTEL_* set, one request is one trace across the gateway and the subgraph', async () => {
  const answer = await graphql(
    gatewayUrl,
    'mutation { signUp(email: "trace@example.com", password: "lavender-morning-42", displayName: "Tracy") { user { id } } }',
  );
  assert.equal(answer.errors, undefined);
  // The collector hears the services' exports (every 100 ms) as they come.
  const shared = await until(
    'a trace with spans from both services',
    () => {
      const gatewayTraces = new Set(
        spans.filter((s) => s.service === 'gateway').map((s) => s.traceId),
      );
      const found = spans.find((s) => s.service === 'users' && gatewayTraces.has(s.traceId));
      if (!found) throw new Error(`spans so far: ${JSON.stringify(spans)}`);
      return found.traceId;
    },
    { timeoutMs: 15_000 },
  );
  const names = spans.filter((s) => s.traceId === shared).map((s) => `${s.service}: ${s.name}`);
  assert.ok(
    names.some((n) => n.startsWith('gateway:')),
    names.join(', '),
  );
  assert.ok(
    names.some((n) => n.startsWith('users:')),
    names.join(', '),
  );
});
