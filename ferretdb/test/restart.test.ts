import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import mongoose from 'mongoose';
import { ferretBinary, startFerretDb } from '../src/index.js';

test(
  'FerretDB keeps data across a restart, and enforces unique indexes',
  {
    skip:
      !existsSync(ferretBinary) &&
      'the embedded FerretDB is not built here (MONGODB_URI points elsewhere)',
  },
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mindscape-ferretdb-'));
    const port = 27117;
    try {
      let server = await startFerretDb({ port, dataDir });
      let db = await mongoose.createConnection(server.uri, { dbName: 'restart' }).asPromise();
      await db.collection('people').createIndex({ email: 1 }, { unique: true });
      await db.collection('people').insertOne({ email: 'ana@example.com' });
      await assert.rejects(
        db.collection('people').insertOne({ email: 'ana@example.com' }),
        /E11000|duplicate/i,
      );
      await db.close();
      await server.stop();

      server = await startFerretDb({ port, dataDir });
      db = await mongoose.createConnection(server.uri, { dbName: 'restart' }).asPromise();
      assert.equal(await db.collection('people').countDocuments({ email: 'ana@example.com' }), 1);
      await db.close();
      await server.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
