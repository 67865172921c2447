import { randomUUID } from 'node:crypto';
import { createGateway, gatewayConfigSchema, type RunningGateway } from '@mindscape/gateway';
import { createLogger } from '@mindscape/platform';
import { createUsersSubgraph, usersConfigSchema, type UsersSubgraph } from '@mindscape/users';
import { exportJWK, generateKeyPair } from 'jose';
import mongoose from 'mongoose';
import { testEngines, uniqueName } from './engines.js';

export interface TestStack {
  gatewayUrl: string;
  users: UsersSubgraph;
  gateway: RunningGateway;
  usersDb: string;
  secret: string;
  /** The private JWK the users subgraph signs access tokens with. */
  signingKey: string;
  close(): Promise<void>;
}

export interface TestStackOptions {
  throttle?: Parameters<typeof createUsersSubgraph>[1] extends infer O
    ? O extends { throttle?: infer T }
      ? T
      : never
    : never;
  /** Reuse a database (to test that data survives a restart). */
  usersDb?: string;
  secret?: string;
  signingKey?: string;
}

/** Service logs in tests: silent unless TEST_LOG_LEVEL asks for them. */
const logLevel = process.env.TEST_LOG_LEVEL ?? 'silent';

/** Users subgraph + gateway in this process, on free ports, with a fresh database. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const engines = testEngines();
  const secret = options.secret ?? randomUUID() + randomUUID();
  const signingKey = options.signingKey ?? (await newSigningKey());
  const usersDb = options.usersDb ?? uniqueName('test_users');
  const users = await createUsersSubgraph(
    usersConfigSchema.parse({
      PORT: '0',
      MONGODB_URI: engines.mongoUri,
      USERS_DB: usersDb,
      ASSERTION_SECRET: secret,
      AUTH_SIGNING_KEY: signingKey,
      LOG_LEVEL: logLevel,
    }),
    options.throttle ? { throttle: options.throttle } : {},
  );
  const gateway = await createGateway(
    gatewayConfigSchema.parse({
      PORT: '0',
      SUBGRAPHS: `users=${users.url}`,
      ASSERTION_SECRET: secret,
      DEVICE_TOKEN_CACHE_MS: '0',
      LOG_LEVEL: logLevel,
    }),
    createLogger('gateway', logLevel),
  );
  return {
    gatewayUrl: gateway.url,
    users,
    gateway,
    usersDb,
    secret,
    signingKey,
    async close() {
      await gateway.close();
      await users.close();
    },
  };
}

export async function newSigningKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return JSON.stringify({ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'ES256' });
}

/** Drops a test database. */
export async function dropDatabase(name: string): Promise<void> {
  const db = await mongoose.createConnection(testEngines().mongoUri, { dbName: name }).asPromise();
  await db.dropDatabase();
  await db.close();
}
