/**
 * A database of the emotions models of its own for a test file that works on the models
 * directly, without a stack: opened with the models' indexes before the file's tests, dropped
 * and closed after them. Call it in the `describe` whose tests use it; read `models` in a test
 * (before the `before` hook ran there are none, and reading them throws).
 */
import { after, before } from 'node:test';
import { openDatabase } from '@mindscape/platform';
import { testEngines, uniqueName } from '@mindscape/test-kit';
import type { Connection } from 'mongoose';
import { emotionsModels, syncIndexes, type EmotionsModels } from '../src/models/index.js';

export function useEmotionsDatabase(prefix: string): { readonly models: EmotionsModels } {
  let db: Connection | undefined;
  let models: EmotionsModels | undefined;
  before(async () => {
    db = await openDatabase(testEngines().mongoUri, uniqueName(prefix));
    models = emotionsModels(db);
    await syncIndexes(models);
  });
  after(async () => {
    if (!db) return;
    await db.dropDatabase();
    await db.close();
  });
  return {
    get models() {
      if (!models) throw new Error('the emotions test database is not open yet');
      return models;
    },
  };
}
