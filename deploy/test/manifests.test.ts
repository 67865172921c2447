/**
 * The deployment files, checked offline (no cluster, no Docker): every Kubernetes object
 * against the API's OpenAPI schema (kubernetes-models) and the project's rules; the compose file
 * against the Compose specification's JSON schema and the same rules. Each check is also shown
 * failing on a deliberately broken copy, so a check that accepts everything cannot pass here.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateSecrets } from '../../scripts/stack/dev-secrets.js';
import { composeFindings, readCompose } from '../src/compose.js';
import {
  kustomizationFindings,
  readManifests,
  ruleFindings,
  schemaFindings,
  type Finding,
  type Manifest,
} from '../src/kubernetes.js';
import { composeConfigFindings, kubernetesConfigFindings } from '../src/service-config.js';

const deployDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const k8s = await readManifests(join(deployDir, 'k8s'));
const compose = await readCompose(join(deployDir, 'compose.yaml'));
/** Secret values shaped like the real ones (the generator `npm start` uses), by Secret key. */
const generated = await generateSecrets();
const sampleSecrets = {
  'assertion-secret': generated.assertionSecret,
  'auth-signing-key': generated.authSigningKey,
  'companion-keys': generated.companionKeys,
  'neo4j-uri': 'neo4j+s://example.databases.neo4j.io',
  'neo4j-password': generated.neo4jPassword,
  'mongodb-uri': 'mongodb+srv://mindscape:sample@cluster.example.net/',
};

const shown = (findings: Finding[]) =>
  findings.map((f) => `  ${f.source}: ${f.problem}`).join('\n') || '  (none)';
/** A deep copy of the manifests with one object changed. */
function broken(name: string, kind: string, change: (object: Record<string, unknown>) => void) {
  const copy = structuredClone(k8s.manifests) as Manifest[];
  const target = copy.find((m) => m.object.kind === kind && m.object.metadata?.name === name);
  assert.ok(target, `${kind} ${name} is in the manifests`);
  change(target.object as Record<string, unknown>);
  return copy;
}
// Narrow paths into a Deployment copy, for the broken cases below.
type Container = Record<string, unknown> & { env: Array<Record<string, unknown>> };
const firstContainer = (deployment: Record<string, unknown>) =>
  (deployment as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec
    .containers[0]!;

describe('Kubernetes manifests (deploy/k8s)', () => {
  it('lists every file in kustomization.yaml, and nothing else', () => {
    const findings = kustomizationFindings(k8s.kustomization, k8s.files);
    assert.deepEqual(findings, [], shown(findings));
  });

  it('has the objects a deployment needs', () => {
    const kinds = k8s.manifests.map((m) => `${m.object.kind}/${m.object.metadata?.name}`);
    for (const service of ['gateway', 'users', 'emotions', 'stories', 'companion'])
      for (const kind of [
        'Deployment',
        'Service',
        'PodDisruptionBudget',
        'HorizontalPodAutoscaler',
      ])
        assert.ok(kinds.includes(`${kind}/${service}`), `${kind}/${service} is missing`);
    for (const object of ['Ingress/graph', 'ConfigMap/mindscape-config', 'StatefulSet/redis'])
      assert.ok(kinds.includes(object), `${object} is missing`);
  });

  it('validates every object against the Kubernetes API schemas', async () => {
    const findings = await schemaFindings(k8s.manifests);
    assert.deepEqual(findings, [], shown(findings));
    console.log(`  ${k8s.manifests.length} objects valid in ${k8s.files.length} files`);
  });

  it('keeps the project rules: probes, resources, drain, PDB, HPA, pinned images, no secrets', () => {
    const findings = ruleFindings(k8s.manifests, k8s.kustomization);
    assert.deepEqual(findings, [], shown(findings));
  });

  it('gives each service a configuration its own start-up schema accepts', () => {
    const findings = kubernetesConfigFindings(k8s.manifests, sampleSecrets);
    assert.deepEqual(findings, [], shown(findings));
    const copy = broken('stories', 'Deployment', (deployment) => {
      const container = firstContainer(deployment);
      container.env = container.env.filter((v) => v.name !== 'NEO4J_PASSWORD');
    });
    const problems = kubernetesConfigFindings(copy, sampleSecrets).map((f) => f.problem);
    assert.ok(
      problems.some((p) => /stories would not start: NEO4J_PASSWORD/.test(p)),
      problems.join('\n'),
    );
  });

  it('finds a manifest broken against the schema', async () => {
    const copy = broken('gateway', 'Deployment', (deployment) => {
      (deployment.spec as Record<string, unknown>).replicas = 'three';
      delete (deployment.spec as Record<string, unknown>).selector;
    });
    const findings = await schemaFindings(copy);
    assert.ok(
      findings.some((f) => /replicas must be integer/.test(f.problem)),
      shown(findings),
    );
    assert.ok(
      findings.some((f) => /selector/.test(f.problem)),
      shown(findings),
    );
    const typo = structuredClone(k8s.manifests) as Manifest[];
    typo[0]!.object.kind = 'Deploymnet';
    assert.ok((await schemaFindings(typo)).some((f) => /unknown kind/.test(f.problem)));
  });

  it('finds manifests that break the project rules', () => {
    const copy = broken('companion', 'Deployment', (deployment) => {
      const container = firstContainer(deployment);
      container.image = 'mindscape:latest';
      delete container.readinessProbe;
      delete (container.resources as Record<string, unknown>).limits;
      container.env.push({ name: 'COMPANION_KEYS', value: 'k1:c2VjcmV0' });
    });
    const withoutBudget = copy.filter(
      (m) => !(m.object.kind === 'PodDisruptionBudget' && m.object.metadata?.name === 'stories'),
    );
    withoutBudget.push({
      source: 'secret.yaml#0',
      object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, data: { a: 'Yg==' } },
    });
    const problems = ruleFindings(withoutBudget, k8s.kustomization).map((f) => f.problem);
    for (const expected of [
      /companion.*image "mindscape:latest" is not pinned/,
      /companion.*no readiness probe on \/ready/,
      /companion.*no cpu limit/,
      /COMPANION_KEYS is written in the manifest/,
      /stories: no PodDisruptionBudget/,
      /Secret x holds values/,
    ])
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not found in:\n${problems.join('\n')}`,
      );
    const noSubscriptions = broken('gateway', 'HorizontalPodAutoscaler', (hpa) => {
      const spec = hpa.spec as { metrics: Array<{ type: string }> };
      spec.metrics = spec.metrics.filter((m) => m.type !== 'Pods');
    });
    assert.ok(
      ruleFindings(noSubscriptions, k8s.kustomization).some((f) =>
        /open subscriptions/.test(f.problem),
      ),
    );
  });
});

describe('compose file (deploy/compose.yaml)', () => {
  it('validates against the Compose specification and keeps the project rules', () => {
    const findings = composeFindings(compose);
    assert.deepEqual(findings, [], shown(findings));
  });

  it('gives each service a configuration its own start-up schema accepts', () => {
    const findings = composeConfigFindings(compose, sampleSecrets);
    assert.deepEqual(findings, [], shown(findings));
    const copy = structuredClone(compose) as {
      services: Record<string, { secrets: string[]; environment: Record<string, string> }>;
    };
    copy.services.companion!.secrets = copy.services.companion!.secrets.filter(
      (name) => name !== 'companion_keys',
    );
    copy.services.gateway!.environment.HOST = '127.0.0.1';
    const problems = composeConfigFindings(copy, sampleSecrets).map((f) => f.problem);
    for (const expected of [
      /companion would not start: COMPANION_KEYS/,
      /gateway.*HOST is 127.0.0.1/,
    ])
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not found in:\n${problems.join('\n')}`,
      );
  });

  it('finds a compose file broken against the schema and the rules', () => {
    const copy = structuredClone(compose) as {
      services: Record<string, Record<string, unknown>>;
      secrets: Record<string, unknown>;
    };
    copy.services.gateway!.healthcheck = { test: 42 };
    copy.services.gateway!.restart_policy = 'always';
    copy.services.users!.environment = { ASSERTION_SECRET: 'x'.repeat(40) };
    copy.services.redis!.image = 'redis';
    copy.services.emotions!.deploy = { replicas: 1 };
    copy.secrets.assertion_secret = { environment: 'ASSERTION_SECRET' };
    const problems = composeFindings(copy).map((f) => `${f.source}: ${f.problem}`);
    for (const expected of [
      /services\/gateway\/healthcheck\/test: schema/,
      /services\/gateway: schema: must NOT have additional properties.*restart_policy/,
      /services.gateway: no healthcheck on \/ready/,
      /services.users: ASSERTION_SECRET is written inline/,
      /services.redis: image "redis" is not pinned/,
      /services.emotions: fewer than 2 replicas/,
      /secrets.assertion_secret: a secret comes from a file/,
    ])
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not found in:\n${problems.join('\n')}`,
      );
  });
});
