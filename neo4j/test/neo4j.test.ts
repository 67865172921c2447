import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import neo4j from 'neo4j-driver';
import { neo4jHome, schemaStatements, startNeo4j } from '../src/index.js';

test('the schema is in place on the server npm test uses', async () => {
  const { NEO4J_URI, NEO4J_USER = 'neo4j', NEO4J_PASSWORD = '' } = process.env;
  assert.ok(NEO4J_URI, 'run through npm test');
  const driver = neo4j.driver(NEO4J_URI, neo4j.auth.basic(NEO4J_USER, NEO4J_PASSWORD));
  try {
    const { records } = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
    );
    const names = records[0]!.get('names') as string[];
    for (const statement of await schemaStatements()) {
      const name = /CONSTRAINT (\w+)/.exec(statement)?.[1];
      if (name) assert.ok(names.includes(name), `constraint ${name} exists`);
    }
  } finally {
    await driver.close();
  }
});

test(
  'the embedded Neo4j keeps data across a restart and requires its password',
  {
    skip:
      !existsSync(join(neo4jHome, 'lib')) &&
      'the embedded Neo4j is not provisioned here (NEO4J_URI points elsewhere)',
  },
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mindscape-neo4j-'));
    const password = 'restart-test-password';
    const boltPort = 7787;
    try {
      let server = await startNeo4j({ password, boltPort, dataDir, heap: '512m' });
      let driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', password));
      await driver.executeQuery('CREATE (:Story {id: "s1", title: "The Lighthouse"})');
      await driver.close();
      const wrong = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', 'not-the-password'));
      await assert.rejects(wrong.executeQuery('RETURN 1'), /auth|credentials|unauthorized/i);
      await wrong.close();
      await server.stop();

      server = await startNeo4j({ password, boltPort, dataDir, heap: '512m' });
      driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', password));
      const { records } = await driver.executeQuery(
        'MATCH (s:Story {id: "s1"}) RETURN s.title AS title',
      );
      assert.equal(records[0]?.get('title'), 'The Lighthouse');
      await driver.close();
      await server.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
