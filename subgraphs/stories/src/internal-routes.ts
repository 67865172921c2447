import { serveAccountDeletion, type Logger } from '@mindscape/platform';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import type { PlaythroughModel } from './playthroughs/model.js';

/**
 * POST /internal/accounts/delete `{"userId"}`: the users subgraph asks this when a person
 * deletes their account (docs/decisions/0022). Register it behind the `/internal` guard:
 *
 *   app.use('/internal', ...internalOnly(config.ASSERTION_SECRET));
 *   accountDeletionRoute({ driver, playthroughs, logger })(app);
 *
 * Deleting what is already gone answers the same, so the users subgraph may retry.
 */
export function accountDeletionRoute(deps: {
  driver: Driver;
  playthroughs: PlaythroughModel;
  logger: Logger;
}) {
  return (app: Express) => {
    serveAccountDeletion(app, deps.logger, (userId) => deleteReaderAndAuthor(deps, userId));
  };
}

/**
 * A person's stories data: stories only they author go with their scenes, choices, edit
 * history and versions (and every playthrough of them); from stories they co-author, their
 * id leaves `authorIds` and their name leaves the edit history; their own playthroughs go.
 */
export async function deleteReaderAndAuthor(
  deps: { driver: Driver; playthroughs: PlaythroughModel },
  userId: string,
): Promise<{ storiesDeleted: number; playthroughsDeleted: number }> {
  const session = deps.driver.session();
  let storyIds: string[];
  try {
    storyIds = await session.executeWrite(async (tx) => {
      await tx.run(
        `MATCH (s:Story) WHERE $userId IN s.authorIds AND size(s.authorIds) > 1
         SET s.authorIds = [a IN s.authorIds WHERE a <> $userId]
         WITH s OPTIONAL MATCH (s)-[:HAS_EDIT]->(e:StoryEdit {authorId: $userId})
         SET e.authorId = null`,
        { userId },
      );
      const owned = await tx.run(
        `MATCH (s:Story) WHERE s.authorIds = [$userId]
         OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
         OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(choice:Choice)
         OPTIONAL MATCH (s)-[:HAS_EDIT|HAS_VERSION]->(kept)
         WITH s, s.id AS id, collect(DISTINCT scene) + collect(DISTINCT choice) +
              collect(DISTINCT kept) AS parts
         FOREACH (part IN parts | DETACH DELETE part)
         DETACH DELETE s
         RETURN id`,
        { userId },
      );
      return owned.records.map((record) => String(record.get('id')));
    });
  } finally {
    await session.close();
  }
  const { deletedCount } = await deps.playthroughs.deleteMany({
    $or: [{ readerId: userId }, { storyId: { $in: storyIds } }],
  });
  return { storiesDeleted: storyIds.length, playthroughsDeleted: deletedCount };
}
