/**
 * `npx tsx deploy/scripts/make-secrets.ts [folder]`: the secrets deploy/compose.yaml mounts,
 * one file each in deploy/secrets/ (git-ignored; the folder 0700). Made with the same
 * generator as `npm start`'s development secrets (scripts/stack/dev-secrets.ts), plus the
 * engines' own. A file already there is kept, so running it again never rotates a secret.
 *
 * For Kubernetes, the same files make the Secret the manifests reference (docs/operations.md):
 *   kubectl -n mindscape create secret generic mindscape-secrets \
 *     --from-file=assertion-secret=deploy/secrets/assertion_secret … (the command is printed)
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSecrets } from '../../scripts/stack/dev-secrets.js';

const folder = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'secrets');
await mkdir(folder, { recursive: true, mode: 0o700 });
await chmod(folder, 0o700);

const read = async (name: string) => {
  try {
    return (await readFile(join(folder, name), 'utf8')).trim();
  } catch {
    return undefined;
  }
};
const generated = await generateSecrets();
const mongoPassword = (await read('mongo_root_password')) ?? randomBytes(18).toString('base64url');
const neo4jPassword = (await read('neo4j_password')) ?? generated.neo4jPassword;
const files: Record<string, string> = {
  assertion_secret: generated.assertionSecret,
  auth_signing_key: generated.authSigningKey,
  companion_keys: generated.companionKeys,
  neo4j_password: neo4jPassword,
  // The official neo4j image's NEO4J_AUTH_FILE format.
  neo4j_auth: `neo4j/${neo4jPassword}`,
  neo4j_uri: 'bolt://neo4j:7687',
  mongo_root_password: mongoPassword,
  // mongod's replica-set key: 6–1024 base64 characters.
  mongo_keyfile: randomBytes(96).toString('base64'),
  mongodb_uri: `mongodb://mindscape:${mongoPassword}@mongo:27017/?replicaSet=rs0&authSource=admin`,
};

const written: string[] = [];
for (const [name, value] of Object.entries(files)) {
  if ((await read(name)) !== undefined) continue;
  // Readable inside the containers (compose mounts the file as it is on the host; the services
  // run as `node`); the 0700 folder keeps it from other users on the host.
  await writeFile(join(folder, name), value, { mode: 0o444 });
  written.push(name);
}
console.log(
  written.length > 0
    ? `Wrote ${written.join(', ')} in ${folder}.`
    : `Every secret was already in ${folder}; none changed.`,
);
const at = relative(process.cwd(), folder) || '.';
const k8sKeys: Record<string, string> = {
  'assertion-secret': 'assertion_secret',
  'auth-signing-key': 'auth_signing_key',
  'companion-keys': 'companion_keys',
  'neo4j-uri': 'neo4j_uri',
  'neo4j-password': 'neo4j_password',
  'mongodb-uri': 'mongodb_uri',
};
console.log(
  '\nFor Kubernetes (point neo4j_uri and mongodb_uri at the cluster engines first):\n' +
    '  kubectl -n mindscape create secret generic mindscape-secrets \\\n' +
    Object.entries(k8sKeys)
      .map(([key, file]) => `    --from-file=${key}=${join(at, file)}`)
      .join(' \\\n'),
);
