import mongoose, { type Connection } from 'mongoose';

/**
 * One subgraph's own database on the MongoDB server (MongoDB, Atlas or the embedded FerretDB):
 * each subgraph keeps its own, so they can later live on separate servers.
 */
export function openDatabase(uri: string, dbName: string): Promise<Connection> {
  return mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
}

/** MongoDB's duplicate-key error (E11000): a unique index kept the first of two writes. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Readiness: the server answers a ping. */
export async function pingDatabase(db: Connection): Promise<void> {
  if (!db.db) throw new Error('database connection is not open');
  await db.db.admin().ping();
}
