import { companionConfigSchema } from '@mindscape/companion';
import { emotionsConfigSchema } from '@mindscape/emotions';
import { gatewayConfigSchema } from '@mindscape/gateway';
import { storiesConfigSchema } from '@mindscape/stories';
import { usersConfigSchema } from '@mindscape/users';
import type { z } from 'zod';
import { interpolated, type ComposeFile } from './compose.js';
import type { Finding, Manifest } from './kubernetes.js';

/** Each service's own start-up schema: the one `runService` validates its environment with. */
export const SERVICE_SCHEMAS: Record<string, z.ZodType> = {
  gateway: gatewayConfigSchema,
  users: usersConfigSchema,
  emotions: emotionsConfigSchema,
  stories: storiesConfigSchema,
  companion: companionConfigSchema,
};

/**
 * Values shaped like the real secrets (by Secret key), standing in for what the platform's
 * store holds: the schemas check shapes (lengths, JSON, `id:key` lists), never the values.
 */
export type SampleSecrets = Record<string, string>;

function schemaProblems(service: string, env: Record<string, string>, port: number | undefined) {
  const problems: string[] = [];
  const parsed = SERVICE_SCHEMAS[service]!.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    return problems;
  }
  const config = parsed.data as { HOST?: string; PORT?: number };
  // Loopback inside a container or pod is unreachable from the balancer and the gateway.
  if (config.HOST !== '0.0.0.0') problems.push(`HOST is ${config.HOST}: must be 0.0.0.0`);
  if (port !== undefined && config.PORT !== port)
    problems.push(`PORT is ${config.PORT}, the container port ${port}`);
  return problems;
}

/**
 * Each Deployment gives its service a configuration that service's own schema accepts: the
 * ConfigMap, the container's variables and its Secret references (filled with sample values),
 * listening on all interfaces at the container's port. A variable the service requires and
 * the manifest forgot fails here, not at 3 a.m. in a crash loop.
 */
export function kubernetesConfigFindings(manifests: Manifest[], secrets: SampleSecrets): Finding[] {
  const findings: Finding[] = [];
  const configMaps = new Map(
    manifests
      .filter((m) => m.object.kind === 'ConfigMap')
      .map((m) => [
        m.object.metadata?.name,
        (m.object as { data?: Record<string, string> }).data ?? {},
      ]),
  );
  for (const manifest of manifests.filter((m) => m.object.kind === 'Deployment')) {
    const service = manifest.object.metadata?.name ?? '';
    if (!SERVICE_SCHEMAS[service]) continue;
    const container = (
      manifest.object as {
        spec?: {
          template?: {
            spec?: {
              containers?: Array<{
                ports?: Array<{ containerPort?: number }>;
                envFrom?: Array<{ configMapRef?: { name?: string } }>;
                env?: Array<{
                  name: string;
                  value?: string;
                  valueFrom?: { secretKeyRef?: { key?: string; optional?: boolean } };
                }>;
              }>;
            };
          };
        };
      }
    ).spec?.template?.spec?.containers?.[0];
    const env: Record<string, string> = {};
    for (const source of container?.envFrom ?? []) {
      const data = configMaps.get(source.configMapRef?.name);
      if (!data)
        findings.push({
          source: manifest.source,
          problem: `${service}: ConfigMap ${source.configMapRef?.name} is not in the manifests`,
        });
      Object.assign(env, data);
    }
    for (const variable of container?.env ?? []) {
      if (variable.value !== undefined) env[variable.name] = variable.value;
      const ref = variable.valueFrom?.secretKeyRef;
      if (!ref) continue;
      const sample = ref.key ? secrets[ref.key] : undefined;
      if (sample !== undefined) env[variable.name] = sample;
      else if (!ref.optional)
        findings.push({
          source: manifest.source,
          problem: `${service}: ${variable.name} names Secret key ${ref.key}, which is not documented`,
        });
    }
    for (const problem of schemaProblems(service, env, container?.ports?.[0]?.containerPort))
      findings.push({ source: manifest.source, problem: `${service} would not start: ${problem}` });
  }
  return findings;
}

/**
 * The same for the compose file: a service's `environment` plus its secrets, as the image's
 * entrypoint turns each `/run/secrets/<name>` into the variable `<NAME>`.
 */
export function composeConfigFindings(compose: ComposeFile, secrets: SampleSecrets): Finding[] {
  const findings: Finding[] = [];
  const services = (compose.services ?? {}) as Record<
    string,
    { environment?: Record<string, unknown>; secrets?: Array<string | { source?: string }> }
  >;
  for (const [service, definition] of Object.entries(services)) {
    if (!SERVICE_SCHEMAS[service]) continue;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(definition.environment ?? {}))
      if (value !== null && value !== undefined) env[name] = interpolated(String(value));
    for (const reference of definition.secrets ?? []) {
      const name = typeof reference === 'string' ? reference : (reference.source ?? '');
      const sample = secrets[name.replaceAll('_', '-')];
      if (sample !== undefined) env[name.toUpperCase()] = sample;
    }
    for (const problem of schemaProblems(service, env, Number(env.PORT)))
      findings.push({
        source: `services.${service}`,
        problem: `${service} would not start: ${problem}`,
      });
  }
  return findings;
}
