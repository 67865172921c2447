import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { progress } from '@mindscape/devkit';
import { BSON, MongoClient, type Document, type IndexDescription } from 'mongodb';

const { EJSON } = BSON;

/** Databases that belong to the server, never to MindScape. */
const SYSTEM_DATABASES = new Set(['admin', 'local', 'config']);
const BATCH = 1000;

/** What a dump holds, written beside it as manifest.json and checked on restore. */
export interface MongoDumpManifest {
  format: 'mindscape-mongo-ejson/1';
  takenAt: string;
  databases: Record<string, Record<string, { documents: number; indexes: number }>>;
}

/**
 * A logical dump through the MongoDB driver, for servers `mongodump` cannot be had for (the
 * development stack's FerretDB: Debian ships no mongo-tools). Each collection is one file of
 * canonical Extended JSON, a document a line (types survive: dates, binaries, longs), and
 * its indexes beside it. Reads are not one snapshot across collections: take it when writes
 * are quiet, or use mongodump --oplog on a replica set (docs/operations.md).
 */
export async function dumpMongo(
  uri: string,
  to: string,
  only?: string[],
): Promise<MongoDumpManifest> {
  const client = await MongoClient.connect(uri);
  const manifest: MongoDumpManifest = {
    format: 'mindscape-mongo-ejson/1',
    takenAt: new Date().toISOString(),
    databases: {},
  };
  try {
    const names =
      only ??
      (await client.db().admin().listDatabases({ nameOnly: true })).databases
        .map((d) => d.name)
        .filter((name) => !SYSTEM_DATABASES.has(name));
    for (const name of names) {
      const db = client.db(name);
      const dir = join(to, name);
      await mkdir(dir, { recursive: true });
      manifest.databases[name] = {};
      for (const { name: collection } of await db
        .listCollections({}, { nameOnly: true })
        .toArray()) {
        if (collection.startsWith('system.')) continue;
        const out = createWriteStream(join(dir, `${collection}.ejson`));
        let documents = 0;
        for await (const document of db.collection(collection).find({}, { batchSize: BATCH })) {
          if (!out.write(`${EJSON.stringify(document, { relaxed: false })}\n`))
            await once(out, 'drain');
          documents++;
        }
        out.end();
        await once(out, 'finish');
        const indexes = (await db.collection(collection).indexes()).filter(
          (index) => index.name !== '_id_',
        );
        await writeFile(
          join(dir, `${collection}.indexes.json`),
          EJSON.stringify(indexes, { relaxed: false }),
        );
        manifest.databases[name][collection] = { documents, indexes: indexes.length };
      }
      progress(
        'backup',
        `mongo ${name}: ${Object.keys(manifest.databases[name]).length} collections`,
      );
    }
  } finally {
    await client.close();
  }
  await writeFile(join(to, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/**
 * Loads a dump made by `dumpMongo`. Each database named in it (or in `only`) is dropped first,
 * so the result is the dump, not a merge; indexes are made before the documents go in.
 */
export async function restoreMongo(uri: string, from: string, only?: string[]): Promise<void> {
  const manifest = JSON.parse(
    await readFile(join(from, 'manifest.json'), 'utf8'),
  ) as MongoDumpManifest;
  if (manifest.format !== 'mindscape-mongo-ejson/1')
    throw new Error(`${from} is not a MindScape MongoDB dump (format ${manifest.format})`);
  const client = await MongoClient.connect(uri);
  try {
    for (const name of only ?? Object.keys(manifest.databases)) {
      const collections = manifest.databases[name];
      if (!collections) throw new Error(`the dump in ${from} has no database ${name}`);
      const db = client.db(name);
      await db.dropDatabase();
      for (const [collection, expected] of Object.entries(collections)) {
        const target = await db.createCollection(collection);
        const indexes = EJSON.parse(
          await readFile(join(from, name, `${collection}.indexes.json`), 'utf8'),
          { relaxed: false },
        ) as Array<IndexDescription & { v?: number; ns?: string }>;
        if (indexes.length > 0)
          await target.createIndexes(indexes.map(({ v: _v, ns: _ns, ...index }) => index));
        let batch: Document[] = [];
        let restored = 0;
        const lines = createInterface({
          input: createReadStream(join(from, name, `${collection}.ejson`)),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          if (!line) continue;
          batch.push(EJSON.parse(line, { relaxed: false }) as Document);
          if (batch.length === BATCH) {
            await target.insertMany(batch, { ordered: true });
            restored += batch.length;
            batch = [];
          }
        }
        if (batch.length > 0) await target.insertMany(batch, { ordered: true });
        restored += batch.length;
        if (restored !== expected.documents)
          throw new Error(
            `${name}.${collection}: restored ${restored} documents, the dump says ${expected.documents}`,
          );
      }
      progress('restore', `mongo ${name}: ${Object.keys(collections).length} collections`);
    }
  } finally {
    await client.close();
  }
}

/** The databases a dump folder holds. */
export async function dumpedDatabases(from: string): Promise<string[]> {
  return (await readdir(from, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}
