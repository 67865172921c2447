import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const secretsFile = join(repoRoot, '.local', 'dev-secrets.json');

/** Secrets for the embedded development stack; production supplies its own through env. */
export interface DevSecrets {
  assertionSecret: string;
  authSigningKey: string;
  neo4jPassword: string;
  /** The companion's keys for text at rest ("id:key"). */
  companionKeys: string;
}

/**
 * Made on first start and kept in .local/ (ignored by git, mode 0600), so tokens and the
 * database password survive restarts while the repository holds no secret.
 */
export async function loadDevSecrets(): Promise<DevSecrets> {
  let stored: Partial<DevSecrets> | undefined;
  try {
    stored = JSON.parse(await readFile(secretsFile, 'utf8')) as Partial<DevSecrets>;
  } catch {
    stored = undefined;
  }
  // Secrets added since the file was made (the companion's key) are generated and kept too.
  const secrets = { ...(await generateSecrets()), ...stored };
  if (!stored || Object.keys(secrets).some((key) => !(key in stored))) {
    await mkdir(dirname(secretsFile), { recursive: true });
    await writeFile(secretsFile, JSON.stringify(secrets, null, 2));
    await chmod(secretsFile, 0o600);
  }
  return secrets;
}

export async function generateSecrets(): Promise<DevSecrets> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'ES256' };
  return {
    assertionSecret: randomBytes(32).toString('base64url'),
    authSigningKey: JSON.stringify(jwk),
    neo4jPassword: randomBytes(18).toString('base64url'),
    companionKeys: `k1:${randomBytes(32).toString('base64url')}`,
  };
}
