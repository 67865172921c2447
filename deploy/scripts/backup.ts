/**
 * Backup and restore of the development stack's engines (docs/operations.md, "Backup and
 * restore"):
 *
 *   npx tsx deploy/scripts/backup.ts backup  [--to deploy/backups/<time>] [--db NAME …]
 *   npx tsx deploy/scripts/backup.ts restore --from deploy/backups/<time> [--db NAME …]
 *
 * MongoDB (FerretDB here, or MONGODB_URI): a logical dump through the driver, online. Neo4j:
 * `neo4j-admin database dump/load` on the embedded server's home (or --neo4j-home); Community
 * Edition needs the server stopped first (Ctrl-C `npm start`, or stop the engines), and the
 * command says so if it is not. --skip-neo4j / --skip-mongo do one engine only.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dumpMongo, restoreMongo } from '../src/backup/mongo.js';
import { DEV_NEO4J_HOME, dumpNeo4j, loadNeo4j } from '../src/backup/neo4j.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: 'string' },
    from: { type: 'string' },
    db: { type: 'string', multiple: true },
    'neo4j-home': { type: 'string', default: DEV_NEO4J_HOME },
    'skip-neo4j': { type: 'boolean', default: false },
    'skip-mongo': { type: 'boolean', default: false },
  },
});
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/';
const home = resolve(values['neo4j-home']);
const began = Date.now();

try {
  switch (positionals[0]) {
    case 'backup': {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const to = resolve(values.to ?? join(import.meta.dirname, '..', 'backups', stamp));
      if (!values['skip-mongo']) {
        const manifest = await dumpMongo(mongoUri, join(to, 'mongo'), values.db);
        const count = Object.values(manifest.databases).reduce(
          (sum, db) => sum + Object.values(db).reduce((n, c) => n + c.documents, 0),
          0,
        );
        console.log(
          `MongoDB: ${Object.keys(manifest.databases).length} databases, ${count} documents`,
        );
      }
      if (!values['skip-neo4j']) console.log(`Neo4j: ${await dumpNeo4j(home, join(to, 'neo4j'))}`);
      console.log(`Backup in ${to} (${((Date.now() - began) / 1000).toFixed(1)} s).`);
      break;
    }
    case 'restore': {
      if (!values.from) throw new Error('restore needs --from <backup folder>');
      const from = resolve(values.from);
      if (!values['skip-mongo']) await restoreMongo(mongoUri, join(from, 'mongo'), values.db);
      if (!values['skip-neo4j']) await loadNeo4j(home, join(from, 'neo4j'));
      console.log(
        `Restored from ${from} (${((Date.now() - began) / 1000).toFixed(1)} s). Start the stack again.`,
      );
      break;
    }
    default:
      throw new Error('say `backup` or `restore` (see the top of deploy/scripts/backup.ts)');
  }
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  if (/store_lock|in use|lock/i.test((error as Error).message))
    console.error(
      'Neo4j Community dumps and loads only a stopped database: stop the stack, then run this again.',
    );
  process.exit(1);
}
