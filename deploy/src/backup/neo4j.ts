import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { neo4jHome, provisionNeo4j } from '@mindscape/neo4j';
import { progress, run } from '@mindscape/devkit';

/** The embedded server's home (its data under data/databases): what `npm start` uses. */
export const DEV_NEO4J_HOME = join(neo4jHome, 'data');

/**
 * `neo4j-admin`, from the Neo4j distribution the project already resolves (the
 * neo4j-command-line jar is on the embedded server's classpath), over a server home.
 */
async function neo4jAdmin(home: string, args: string[]): Promise<void> {
  const classpath = await provisionNeo4j();
  await run('neo4j-admin', 'java', ['-cp', classpath, 'org.neo4j.cli.AdminTool', ...args], {
    env: { ...process.env, NEO4J_HOME: home },
  });
}

/**
 * `neo4j-admin database dump`: the whole database, consistent, in one archive
 * (`<to>/neo4j.dump`). Community Edition dumps only a stopped database: the command refuses
 * while the server holds its store lock, and says so.
 */
export async function dumpNeo4j(home: string, to: string, database = 'neo4j'): Promise<string> {
  await mkdir(to, { recursive: true });
  progress('backup', `neo4j-admin database dump ${database} (the server must be stopped)`);
  await neo4jAdmin(home, [
    'database',
    'dump',
    database,
    `--to-path=${to}`,
    '--overwrite-destination=true',
  ]);
  return join(to, `${database}.dump`);
}

/**
 * Deletes a database's store and transaction logs (the server stopped), as a lost disk would:
 * the next start makes it anew, empty. The system database (users, passwords) is kept.
 */
export async function wipeNeo4j(home: string, database = 'neo4j'): Promise<void> {
  await rm(join(home, 'data', 'databases', database), { recursive: true, force: true });
  await rm(join(home, 'data', 'transactions', database), { recursive: true, force: true });
}

/**
 * `neo4j-admin database load --overwrite-destination`: replaces the database with the dump.
 * The server must be stopped.
 */
export async function loadNeo4j(home: string, from: string, database = 'neo4j'): Promise<void> {
  progress('restore', `neo4j-admin database load ${database} (the server must be stopped)`);
  await neo4jAdmin(home, [
    'database',
    'load',
    database,
    `--from-path=${from}`,
    '--overwrite-destination=true',
  ]);
}
