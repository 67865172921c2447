import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const schemaFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema.cypher');

/** The statements of schema.cypher, comments dropped. */
export async function schemaStatements(): Promise<string[]> {
  const text = await readFile(schemaFile, 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Applies constraints and indexes; safe to run at every start and against Aura. */
export async function applySchema(uri: string, user: string, password: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const statements = await schemaStatements();
    for (const statement of statements) await driver.executeQuery(statement);
    return statements.length;
  } finally {
    await driver.close();
  }
}
