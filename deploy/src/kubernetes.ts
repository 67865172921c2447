import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A parsed manifest document, as kubectl would send it (before any schema check). */
export interface Manifest {
  /** Where it came from: `file.yaml#index`. */
  source: string;
  object: KubeObject;
}

/** The fields every Kubernetes object has; the rest is read through narrow helpers below. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** One problem found in the manifests: where, and what is wrong. */
export interface Finding {
  source: string;
  problem: string;
}

/** Reads deploy/k8s: the kustomization, and every document of every file it lists. */
export async function readManifests(dir: string): Promise<{
  kustomization: Record<string, unknown>;
  files: string[];
  manifests: Manifest[];
}> {
  const kustomization = parseOne(await readFile(join(dir, 'kustomization.yaml'), 'utf8'));
  const files = (await readdir(dir))
    .filter((file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml')
    .sort();
  const manifests: Manifest[] = [];
  for (const file of files) {
    const documents = parseAllDocuments(await readFile(join(dir, file), 'utf8'));
    for (const [index, document] of (Array.isArray(documents)
      ? documents
      : [documents]
    ).entries()) {
      if (document.errors.length > 0)
        throw new Error(`${file}#${index}: ${document.errors.map((e) => e.message).join('; ')}`);
      const object = document.toJS() as KubeObject | null;
      if (object !== null) manifests.push({ source: `${file}#${index}`, object });
    }
  }
  return { kustomization, files, manifests };
}

function parseOne(text: string): Record<string, unknown> {
  const documents = parseAllDocuments(text);
  const first = Array.isArray(documents) ? documents[0] : documents;
  if (!first || first.errors.length > 0) throw new Error('kustomization.yaml does not parse');
  return first.toJS() as Record<string, unknown>;
}

interface ValidatingModel {
  validate(): void;
}
type ModelClass = new (data: unknown) => ValidatingModel;

/**
 * Checks each object against the Kubernetes OpenAPI schema of its apiVersion and kind, with the
 * validators kubernetes-models generates from it (offline, no cluster). An apiVersion or kind
 * the schemas do not know is a finding too, so a typo cannot pass unchecked.
 */
export async function schemaFindings(manifests: Manifest[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { source, object } of manifests) {
    const { apiVersion, kind } = object;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      findings.push({ source, problem: 'has no apiVersion or kind' });
      continue;
    }
    let model: ModelClass | undefined;
    try {
      // "v1" is the core group; "apps/v1", "policy/v1", "networking.k8s.io/v1" name theirs.
      const group = (await import(`kubernetes-models/${apiVersion}`)) as Record<string, unknown>;
      model = group[kind] as ModelClass | undefined;
    } catch {
      model = undefined;
    }
    if (!model) {
      findings.push({ source, problem: `unknown kind ${apiVersion} ${kind}` });
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      findings.push({ source, problem: `${kind}: ${(error as Error).message}` });
    }
  }
  return findings;
}

interface Probe {
  httpGet?: { path?: string };
}
interface Container {
  name?: string;
  image?: string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: unknown };
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  env?: Array<{ name?: string; value?: unknown; valueFrom?: { secretKeyRef?: unknown } }>;
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
}
interface Workload {
  spec?: {
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
  };
}

/** Environment variables that carry credentials: only ever from a Secret. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|_KEY|KEYS$|MONGODB_URI|NEO4J_URI|REDIS_URL/;
/** A URL with a password in it (scheme://user:password@host). */
const CREDENTIAL_URL = /^[a-z][\w+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
/** A version tag: `7.4.1`, `5.26.30-community`, `v1.2`; not `latest`, not a bare major. */
export const VERSION_TAG = /^v?\d+\.\d+(\.\d+)?([-.][\w.]+)?$/;

/** An image pinned to a version tag (or a digest): `redis:7.4.1`, `registry:5000/app:1.2.3`. */
export function isPinnedImage(image: string | undefined): boolean {
  if (!image) return false;
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return true;
  const tagAt = image.lastIndexOf(':');
  if (tagAt <= image.lastIndexOf('/')) return false;
  return VERSION_TAG.test(image.slice(tagAt + 1));
}

/**
 * MindScape's own rules on top of the API schemas: every Deployment is probed on /ready
 * (readiness) and /health (liveness), has resources, a preStop hook and a grace period, a
 * PodDisruptionBudget and a HorizontalPodAutoscaler; the gateway also scales on open
 * subscriptions; images carry a version tag; no secret value is written in a manifest.
 */
export function ruleFindings(manifests: Manifest[], kustomization: Record<string, unknown>) {
  const findings: Finding[] = [];
  const byKind = (kind: string) => manifests.filter((m) => m.object.kind === kind);
  const nameOf = (m: Manifest) => m.object.metadata?.name ?? '(unnamed)';

  for (const secret of byKind('Secret')) {
    const { data, stringData } = secret.object as { data?: unknown; stringData?: unknown };
    if (data !== undefined || stringData !== undefined)
      findings.push({
        source: secret.source,
        problem: `Secret ${nameOf(secret)} holds values: secrets come from the platform's store`,
      });
  }
  for (const config of byKind('ConfigMap')) {
    const data = (config.object as { data?: Record<string, unknown> }).data ?? {};
    for (const [key, value] of Object.entries(data)) {
      if (SECRET_NAME.test(key) && key !== 'REDIS_URL')
        findings.push({
          source: config.source,
          problem: `ConfigMap key ${key} looks like a secret: reference it from a Secret`,
        });
      if (typeof value === 'string' && CREDENTIAL_URL.test(value))
        findings.push({ source: config.source, problem: `ConfigMap key ${key} holds a password` });
    }
  }

  const workloads = [...byKind('Deployment'), ...byKind('StatefulSet')];
  for (const workload of workloads) {
    const pod = (workload.object as Workload).spec?.template?.spec ?? {};
    for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      const where = `${workload.object.kind} ${nameOf(workload)}, container ${container.name}`;
      if (!isPinnedImage(container.image))
        findings.push({
          source: workload.source,
          problem: `${where}: image "${container.image}" is not pinned to a version tag`,
        });
      for (const variable of container.env ?? []) {
        if (variable.value === undefined) continue;
        if (SECRET_NAME.test(variable.name ?? '') || CREDENTIAL_URL.test(String(variable.value)))
          findings.push({
            source: workload.source,
            problem: `${where}: ${variable.name} is written in the manifest; use secretKeyRef`,
          });
      }
    }
  }

  for (const deployment of byKind('Deployment')) {
    const name = nameOf(deployment);
    const spec = (deployment.object as Workload).spec;
    const pod = spec?.template?.spec ?? {};
    const podLabels = spec?.template?.metadata?.labels ?? {};
    const problem = (text: string) =>
      findings.push({ source: deployment.source, problem: `Deployment ${name}: ${text}` });
    if (!pod.terminationGracePeriodSeconds) problem('no terminationGracePeriodSeconds');
    for (const container of pod.containers ?? []) {
      const c = `container ${container.name}`;
      if (container.readinessProbe?.httpGet?.path !== '/ready')
        problem(`${c} has no readiness probe on /ready`);
      if (container.livenessProbe?.httpGet?.path !== '/health')
        problem(`${c} has no liveness probe on /health`);
      if (!container.lifecycle?.preStop) problem(`${c} has no preStop hook (graceful drain)`);
      for (const kind of ['requests', 'limits'] as const)
        for (const resource of ['cpu', 'memory'])
          if (container.resources?.[kind]?.[resource] === undefined)
            problem(`${c} has no ${resource} ${kind === 'requests' ? 'request' : 'limit'}`);
    }
    const selects = (selector: Record<string, string> | undefined) =>
      !!selector &&
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([key, value]) => podLabels[key] === value);
    const pdb = byKind('PodDisruptionBudget').find((p) =>
      selects(
        (p.object as { spec?: { selector?: { matchLabels?: Record<string, string> } } }).spec
          ?.selector?.matchLabels,
      ),
    );
    if (!pdb) problem('no PodDisruptionBudget selects its pods');
    const hpa = byKind('HorizontalPodAutoscaler').find((h) => {
      const target = (h.object as { spec?: { scaleTargetRef?: { kind?: string; name?: string } } })
        .spec?.scaleTargetRef;
      return target?.kind === 'Deployment' && target.name === name;
    });
    if (!hpa) {
      problem('no HorizontalPodAutoscaler scales it');
      continue;
    }
    const metrics =
      (
        hpa.object as {
          spec?: {
            metrics?: Array<{
              type?: string;
              resource?: { name?: string };
              pods?: { metric?: { name?: string } };
            }>;
          };
        }
      ).spec?.metrics ?? [];
    if (!metrics.some((m) => m.type === 'Resource' && m.resource?.name === 'cpu'))
      problem('its autoscaler does not scale on CPU');
    if (
      name === 'gateway' &&
      !metrics.some(
        (m) => m.type === 'Pods' && m.pods?.metric?.name === 'gateway_subscriptions_open',
      )
    )
      problem('its autoscaler does not scale on open subscriptions (gateway_subscriptions_open)');
  }

  // Every Service selects a workload; the Ingress reaches a Service that exists.
  const services = byKind('Service');
  for (const service of services) {
    const selector = (service.object as { spec?: { selector?: Record<string, string> } }).spec
      ?.selector;
    const found = workloads.some((w) => {
      const labels = (w.object as Workload).spec?.template?.metadata?.labels ?? {};
      return !!selector && Object.entries(selector).every(([key, value]) => labels[key] === value);
    });
    if (!found)
      findings.push({
        source: service.source,
        problem: `Service ${nameOf(service)} selects no pods`,
      });
  }
  for (const ingress of byKind('Ingress')) {
    const text = JSON.stringify(ingress.object);
    for (const [, target] of text.matchAll(/"service":\{"name":"([^"]+)"/g))
      if (!services.some((s) => nameOf(s) === target))
        findings.push({
          source: ingress.source,
          problem: `Ingress points at no Service ${target}`,
        });
  }

  for (const image of (kustomization.images as Array<{ name?: string; newTag?: string }>) ?? [])
    if (!image.newTag || !VERSION_TAG.test(image.newTag))
      findings.push({
        source: 'kustomization.yaml',
        problem: `image ${image.name} has no version tag (newTag)`,
      });
  return findings;
}

/** Files in the folder and resources in the kustomization agree: nothing is left out. */
export function kustomizationFindings(
  kustomization: Record<string, unknown>,
  files: string[],
): Finding[] {
  const listed = new Set((kustomization.resources as string[] | undefined) ?? []);
  const findings: Finding[] = [];
  for (const file of files)
    if (!listed.has(file))
      findings.push({ source: 'kustomization.yaml', problem: `${file} is not in resources` });
  for (const file of listed)
    if (!files.includes(file))
      findings.push({ source: 'kustomization.yaml', problem: `resource ${file} does not exist` });
  return findings;
}
