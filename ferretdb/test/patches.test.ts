import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mongoose from 'mongoose';
import { patchFerretDb } from '../src/patches.js';
import { ferretBinary, startFerretDb, type RunningMongo } from '../src/index.js';

/** A window document as the state engine writes it: what the optimistic write filters on. */
interface WindowDoc {
  _id: string;
  version: number;
}

/** SQLite's plan for a find, as FerretDB's explain reports it. */
async function plan(db: mongoose.mongo.Db, filter: object): Promise<string> {
  const answer = await db.command({ explain: { find: 'windows', filter } });
  return JSON.stringify(answer.queryPlanner);
}

describe(
  "MindScape's edits to FerretDB's SQLite backend (decision 0033)",
  {
    skip:
      !existsSync(ferretBinary) &&
      'the embedded FerretDB is not built here (MONGODB_URI points elsewhere)',
  },
  () => {
    let dataDir: string;
    let server: RunningMongo;
    let connection: mongoose.Connection;
    let db: mongoose.mongo.Db;

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'mindscape-ferretdb-'));
      server = await startFerretDb({ port: 27118, dataDir });
      connection = await mongoose.createConnection(server.uri, { dbName: 'patches' }).asPromise();
      db = connection.db!;
      await db
        .collection<WindowDoc>('windows')
        .insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `person-${i}`, version: 1 })));
    });

    after(async () => {
      await connection?.close();
      await server?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a lookup by _id searches the _id index instead of scanning the table', async () => {
      assert.match(await plan(db, { _id: 'person-7' }), /SEARCH .*USING INDEX/);
      assert.doesNotMatch(await plan(db, { _id: 'person-7' }), /SCAN/);
    });

    test('an _id beside other conditions narrows by the index, and the whole filter still holds', async () => {
      assert.match(await plan(db, { _id: 'person-7', version: 1 }), /SEARCH .*USING INDEX/);
      const windows = db.collection<WindowDoc>('windows');
      assert.equal((await windows.find({ _id: 'person-7', version: 2 }).toArray()).length, 0);
      assert.deepEqual(await windows.find({ _id: 'person-7', version: 1 }).toArray(), [
        { _id: 'person-7', version: 1 },
      ]);
      const either = { _id: 'person-7', $or: [{ version: 5 }, { version: 1 }] };
      assert.equal((await windows.find(either).toArray()).length, 1);
      assert.equal((await windows.find({ ...either, $or: [{ version: 5 }] }).toArray()).length, 0);
      // Only part of that filter reaches SQL, and explain says so.
      const explained = await db.command({
        explain: { find: 'windows', filter: { _id: 'person-7', version: 1 } },
      });
      assert.equal(explained.filterPushdown, false);
      // The optimistic write the state engine makes: only the version it read matches.
      const stale = await windows.updateOne(
        { _id: 'person-7', version: 0 },
        { $set: { version: 9 } },
      );
      assert.equal(stale.matchedCount, 0);
      const current = await windows.updateOne(
        { _id: 'person-7', version: 1 },
        { $set: { version: 2 } },
      );
      assert.equal(current.matchedCount, 1);
      assert.equal((await windows.findOne({ _id: 'person-7' }))?.version, 2);
      // Conditions on other fields alone still scan, and still answer.
      assert.equal(await windows.countDocuments({ version: 1 }), 49);
    });

    test('concurrent writers by _id and inserts all succeed, each write whole', async () => {
      const windows = db.collection<WindowDoc>('windows');
      const samples = db.collection<{ person: string; n: number }>('samples');
      await Promise.all([
        ...Array.from({ length: 50 }, (_, i) =>
          windows.updateOne({ _id: `person-${i}` }, { $inc: { version: 10 } }),
        ),
        ...Array.from({ length: 20 }, (_, i) =>
          samples.insertMany(Array.from({ length: 25 }, (_, n) => ({ person: `p${i}`, n }))),
        ),
      ]);
      assert.equal(await samples.countDocuments({}), 500);
      assert.equal(await windows.countDocuments({ version: { $gte: 11 } }), 50);
    });
  },
);

test('the build stops when FerretDB’s source does not read as the edits expect', async () => {
  const source = await mkdtemp(join(tmpdir(), 'mindscape-ferretdb-src-'));
  try {
    const metadata = join(source, 'internal/backends/sqlite/metadata');
    await mkdir(metadata, { recursive: true });
    await writeFile(join(metadata, 'metadata.go'), 'package metadata // a later FerretDB\n');
    await assert.rejects(patchFerretDb(source), /not as expected in .*metadata\.go/);
  } finally {
    await rm(source, { recursive: true, force: true });
  }
});
