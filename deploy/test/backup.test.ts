/**
 * Backup, wipe, restore, and everything is there: a person, their check-in, their story and
 * the companion's memory of them, written and read back through the gateway.
 *
 * MongoDB: the test's own databases on the shared engine (dumped, dropped, restored; nothing
 * else there is touched). Neo4j: Community has one database and dump/load needs it stopped,
 * so the test starts a second embedded Neo4j of its own (the project's launcher, on a free
 * port and a temporary folder), stops it, runs neo4j-admin dump, deletes its store, loads,
 * and starts it again. The shared Neo4j is never stopped.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNeo4j, type RunningNeo4j } from '@mindscape/neo4j';
import { openDatabase } from '@mindscape/platform';
import { freePort } from '@mindscape/devkit';
import { graphql, signUp, startTestStack, type TestStack } from '@mindscape/test-kit';
import { dumpMongo, restoreMongo } from '../src/backup/mongo.js';
import { dumpNeo4j, loadNeo4j, wipeNeo4j } from '../src/backup/neo4j.js';

const READ = `query($from: DateTime!, $to: DateTime!) {
  me { displayName checkIns(from: $from, to: $to) { mood energy note } }
  myStories { id title }
  exportMyMemories
}`;
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { accessToken }
}`;

describe('backup and restore (deploy/scripts/backup.ts)', () => {
  let folder: string;
  let neo4jHome: string;
  let neo4j: RunningNeo4j;
  let boltPort: number;
  let stack: TestStack;
  const password = randomBytes(18).toString('base64url');
  const startOwnNeo4j = async () => {
    neo4j = await startNeo4j({ password, boltPort, dataDir: neo4jHome, heap: '384m' });
  };

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'mindscape-backup-'));
    neo4jHome = join(folder, 'neo4j-home');
    boltPort = await freePort();
    await startOwnNeo4j();
    // The stack's Neo4j is this test's own; MongoDB is the shared engine (own databases).
    Object.assign(process.env, {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: password,
    });
    stack = await startTestStack({ companion: true });
  });

  after(async () => {
    await stack?.close();
    await neo4j?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('finds a person, their check-in, story and memories again after a wipe', async () => {
    const url = stack.gatewayUrl;
    const person = await signUp(url, 'Haneul');
    const as = { token: person.accessToken };
    const written = [
      await graphql(
        url,
        'mutation { recordCheckIn(mood: 4, energy: 2, note: "tired but calm") { id } }',
        {},
        as,
      ),
      await graphql(url, 'mutation { createStory(title: "The lighthouse keeper") { id } }', {}, as),
      await graphql(
        url,
        'mutation($id: ID!) { sendCompanionMessage(text: "My sister Mina taught me to swim at Haeundae.", clientMessageId: $id) { memoriesSaved } }',
        { id: `backup-${Date.now()}` },
        as,
      ),
    ];
    for (const answer of written)
      assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    const range = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const before = await graphql<{
      me: { displayName: string; checkIns: unknown[] };
      myStories: Array<{ title: string }>;
      exportMyMemories: string;
    }>(url, READ, range, as);
    assert.equal(before.errors, undefined, JSON.stringify(before.errors));
    assert.equal(before.data?.me.checkIns.length, 1);
    assert.equal(before.data?.myStories[0]?.title, 'The lighthouse keeper');
    assert.match(before.data!.exportMyMemories, /Mina/);

    // Back up: MongoDB online (the test's databases only), Neo4j stopped.
    const databases = [stack.usersDb, stack.emotionsDb, stack.companionDb!];
    let began = performance.now();
    const manifest = await dumpMongo(
      process.env.MONGODB_URI!,
      join(folder, 'backup', 'mongo'),
      databases,
    );
    const mongoDumpMs = performance.now() - began;
    await neo4j.stop();
    began = performance.now();
    const archive = await dumpNeo4j(neo4jHome, join(folder, 'backup', 'neo4j'));
    const neo4jDumpMs = performance.now() - began;
    assert.ok((await stat(archive)).size > 0);

    // Wipe: the MongoDB databases dropped, the Neo4j store deleted; the graph shows it.
    for (const name of databases) {
      const db = await openDatabase(process.env.MONGODB_URI!, name);
      await db.dropDatabase();
      await db.close();
    }
    await wipeNeo4j(neo4jHome);
    await startOwnNeo4j();
    const wiped = await graphql<{ signIn: unknown }>(url, SIGN_IN, {
      email: person.email,
      password: person.password,
    });
    assert.equal(wiped.data?.signIn ?? null, null, 'nobody can sign in after the wipe');
    const noStory = await graphql<{ myStories: unknown[] }>(
      url,
      'query { myStories { id } }',
      {},
      as,
    );
    assert.deepEqual(noStory.data?.myStories ?? [], [], JSON.stringify(noStory));
    await neo4j.stop();

    // Restore, then start again.
    began = performance.now();
    await loadNeo4j(neo4jHome, join(folder, 'backup', 'neo4j'));
    const neo4jLoadMs = performance.now() - began;
    began = performance.now();
    await restoreMongo(process.env.MONGODB_URI!, join(folder, 'backup', 'mongo'));
    const mongoRestoreMs = performance.now() - began;
    await startOwnNeo4j();

    // Everything is there: sign-in with the password (users), the check-in (emotions), the
    // story (Neo4j), the memories (Neo4j and MongoDB, decrypted with the companion's key).
    const signedIn = await graphql<{ signIn: { accessToken: string } }>(url, SIGN_IN, {
      email: person.email,
      password: person.password,
    });
    assert.ok(signedIn.data?.signIn.accessToken, JSON.stringify(signedIn.errors));
    const restored = await graphql<typeof before.data>(url, READ, range, {
      token: signedIn.data.signIn.accessToken,
    });
    assert.equal(restored.errors, undefined, JSON.stringify(restored.errors));
    assert.deepEqual(restored.data?.me, before.data?.me);
    assert.deepEqual(restored.data?.myStories, before.data?.myStories);
    // The export is stamped with the time it was made; the rest must be the same.
    const memories = (text: string | undefined) => ({
      ...(JSON.parse(text ?? '{}') as object),
      exportedAt: undefined,
    });
    assert.deepEqual(
      memories(restored.data?.exportMyMemories),
      memories(before.data?.exportMyMemories),
    );
    const documents = Object.values(manifest.databases).reduce(
      (sum, db) => sum + Object.values(db).reduce((n, c) => n + c.documents, 0),
      0,
    );
    console.log(
      `  MongoDB: ${documents} documents dumped in ${mongoDumpMs.toFixed(0)} ms, restored in ${mongoRestoreMs.toFixed(0)} ms; ` +
        `Neo4j: dump ${neo4jDumpMs.toFixed(0)} ms, load ${neo4jLoadMs.toFixed(0)} ms (${(await stat(archive)).size} bytes)`,
    );
  });
});
