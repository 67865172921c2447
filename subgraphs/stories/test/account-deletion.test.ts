import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLogger, openDatabase } from '@mindscape/platform';
import { dropDatabase, testEngines, uniqueName } from '@mindscape/test-kit';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import neo4j, { type Driver } from 'neo4j-driver';
import { deleteReaderAndAuthor } from '../src/internal-routes.js';
import { playthroughModel, type PlaythroughModel } from '../src/playthroughs/model.js';

let driver: Driver;
let db: Connection;
let dbName: string;
let playthroughs: PlaythroughModel;
const ana = new Types.ObjectId().toHexString();
const ben = new Types.ObjectId().toHexString();
const solo = `solo-${ana}`;
const shared = `shared-${ana}`;

before(async () => {
  const engines = testEngines();
  driver = neo4j.driver(
    engines.neo4jUri,
    neo4j.auth.basic(engines.neo4jUser, engines.neo4jPassword),
  );
  dbName = uniqueName('test_stories_deletion');
  db = await openDatabase(engines.mongoUri, dbName);
  playthroughs = playthroughModel(db);
  // Two stories as the editor leaves them: one Ana wrote alone, one she writes with Ben.
  await driver.executeQuery(
    `CREATE (s:Story {id: $solo, title: 'Solo', authorIds: [$ana]})
       -[:HAS_SCENE]->(:Scene {name: 'start'})-[:HAS_CHOICE]->(:Choice {label: 'on'})
     CREATE (s)-[:HAS_EDIT]->(:StoryEdit {seq: 1, authorId: $ana})
     CREATE (s)-[:HAS_VERSION]->(:StoryVersion {storyId: $solo, number: 1})
     CREATE (t:Story {id: $shared, title: 'Shared', authorIds: [$ana, $ben]})
       -[:HAS_SCENE]->(:Scene {name: 'start'})
     CREATE (t)-[:HAS_EDIT]->(:StoryEdit {seq: 1, authorId: $ana})
     CREATE (t)-[:HAS_EDIT]->(:StoryEdit {seq: 2, authorId: $ben})`,
    { solo, shared, ana, ben },
  );
  const at = new Date();
  const reading = (storyId: string, readerId: string) => ({
    storyId,
    readerId,
    sceneId: 'start',
    history: [],
    startedAt: at,
    updatedAt: at,
  });
  await playthroughs.create([reading(shared, ana), reading(solo, ben), reading(shared, ben)]);
});

after(async () => {
  await driver.executeQuery(
    `MATCH (s:Story) WHERE s.id IN [$solo, $shared]
     OPTIONAL MATCH (s)-[*1..2]->(part) DETACH DELETE s, part`,
    { solo, shared },
  );
  await driver.close();
  await db.close();
  await dropDatabase(dbName);
});

test('account deletion: stories only the person wrote go, co-authored ones lose their name, their playthroughs go', async () => {
  const deps = { driver, playthroughs, logger: createLogger('stories', 'silent') };
  assert.deepEqual(await deleteReaderAndAuthor(deps, ana), {
    storiesDeleted: 1,
    playthroughsDeleted: 2,
  });
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (s:Story {id: $solo}) WITH count(s) AS solo
     MATCH (t:Story {id: $shared})
     OPTIONAL MATCH (t)-[:HAS_EDIT]->(e:StoryEdit)
     WITH solo, t, collect(e.authorId) AS editors
     RETURN solo, t.authorIds AS authors, editors`,
    { solo, shared },
  );
  assert.equal(records[0]!.get('solo').toNumber(), 0);
  assert.deepEqual(records[0]!.get('authors'), [ben]);
  assert.deepEqual(records[0]!.get('editors'), [ben]);
  const orphans = await driver.executeQuery(
    `MATCH (v:StoryVersion {storyId: $solo}) RETURN count(v) AS n`,
    { solo },
  );
  assert.equal(orphans.records[0]!.get('n').toNumber(), 0);
  const left = await playthroughs.find({}, { storyId: 1, readerId: 1, _id: 0 }).lean();
  assert.deepEqual(left, [{ storyId: shared, readerId: ben }]);
  // Asked again (a retry), nothing changes and nothing fails.
  assert.deepEqual(await deleteReaderAndAuthor(deps, ana), {
    storiesDeleted: 0,
    playthroughsDeleted: 0,
  });
});
