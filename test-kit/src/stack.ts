import { randomUUID } from 'node:crypto';
import { after, before } from 'node:test';
import {
  createEmotionsSubgraph,
  emotionsConfigSchema,
  type EmotionsSubgraph,
} from '@mindscape/emotions';
import { createGateway, gatewayConfigSchema, type RunningGateway } from '@mindscape/gateway';
import { createLogger, openDatabase } from '@mindscape/platform';
import { freePort } from '@mindscape/devkit';
import {
  createStoriesSubgraph,
  storiesConfigSchema,
  type StoriesSubgraph,
} from '@mindscape/stories';
import { createUsersSubgraph, usersConfigSchema, type UsersSubgraph } from '@mindscape/users';
import {
  TextVault,
  companionConfigSchema,
  createCompanionSubgraph,
  type CompanionSubgraph,
} from '@mindscape/companion';
import { exportJWK, generateKeyPair } from 'jose';
import neo4j from 'neo4j-driver';
import { testEngines, uniqueName } from './engines.js';

export interface TestStack {
  gatewayUrl: string;
  users: UsersSubgraph;
  emotions: EmotionsSubgraph;
  stories: StoriesSubgraph;
  /** Started when `companion` is asked for. */
  companion: CompanionSubgraph | undefined;
  gateway: RunningGateway;
  usersDb: string;
  emotionsDb: string;
  /** Set when the companion runs. */
  companionDb: string | undefined;
  secret: string;
  /** The private JWK the users subgraph signs access tokens with. */
  signingKey: string;
  /** Stops the emotions subgraph (as a crash would, from the gateway's side). */
  stopEmotions(): Promise<void>;
  /** Starts it again on the same port and database. */
  startEmotions(): Promise<void>;
  /** Another emotions instance on the same database (and Redis): scale-out tests. Closed with the stack. */
  addEmotionsInstance(): Promise<EmotionsSubgraph>;
  /**
   * Another gateway with the stack's secret over `subgraphs` ("name=url,…"): scale-out and
   * composition tests. Closed with the stack.
   */
  addGateway(subgraphs: string, settings?: Record<string, string>): Promise<RunningGateway>;
  close(): Promise<void>;
}

type SecondArg<F> = F extends (a: never, b?: infer B) => unknown ? NonNullable<B> : never;

export interface TestStackOptions {
  throttle?: SecondArg<typeof createUsersSubgraph>['throttle'];
  engine?: SecondArg<typeof createEmotionsSubgraph>['engine'];
  /** Reuse a database (to test that data survives a restart). */
  usersDb?: string;
  /** Keep the users database on close (the next stack of a restart test reuses it). */
  keepData?: boolean;
  /** How often the users subgraph retries account deletions other services did not confirm. */
  deletionRetryMs?: number;
  /** Carry state events over this Redis instead of in-process. */
  redisUrl?: string;
  secret?: string;
  signingKey?: string;
  /** Gateway settings (environment variable names) over the test defaults. */
  gateway?: Record<string, string>;
  /**
   * Start the companion subgraph too (it loads the sentence encoder, so only the tests that
   * need it pay for it). `now` sets its clock, for conversations days apart.
   */
  companion?: boolean | { now?: () => number };
}

/** Service logs in tests: silent unless TEST_LOG_LEVEL asks for them. */
const logLevel = process.env.TEST_LOG_LEVEL ?? 'silent';

/**
 * Every subgraph and the gateway in this process, on free ports, each subgraph with a fresh
 * database, dropped on close (unless `keepData`).
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const engines = testEngines();
  const secret = options.secret ?? randomUUID() + randomUUID();
  const signingKey = options.signingKey ?? (await newSigningKey());
  const usersDb = options.usersDb ?? uniqueName('test_users');
  // Ports chosen up front: the users subgraph must know where account deletions go.
  const emotionsPort = await freePort();
  const storiesPort = await freePort();
  const companionPort = options.companion ? await freePort() : undefined;
  const users = await createUsersSubgraph(
    usersConfigSchema.parse({
      PORT: '0',
      MONGODB_URI: engines.mongoUri,
      USERS_DB: usersDb,
      ASSERTION_SECRET: secret,
      AUTH_SIGNING_KEY: signingKey,
      ACCOUNT_DATA_SERVICES:
        `emotions=http://127.0.0.1:${emotionsPort},stories=http://127.0.0.1:${storiesPort}` +
        (companionPort ? `,companion=http://127.0.0.1:${companionPort}` : ''),
      LOG_LEVEL: logLevel,
    }),
    {
      ...(options.throttle ? { throttle: options.throttle } : {}),
      ...(options.deletionRetryMs ? { deletionRetryMs: options.deletionRetryMs } : {}),
    },
  );
  const emotionsDb = uniqueName('test_emotions');
  const startEmotions = (port: number) =>
    createEmotionsSubgraph(
      emotionsConfigSchema.parse({
        PORT: String(port),
        MONGODB_URI: engines.mongoUri,
        EMOTIONS_DB: emotionsDb,
        ASSERTION_SECRET: secret,
        USERS_URL: new URL(users.url).origin,
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
        LOG_LEVEL: logLevel,
      }),
      options.engine ? { engine: options.engine } : {},
    );
  let emotions: EmotionsSubgraph | undefined = await startEmotions(emotionsPort);
  const storiesDb = uniqueName('test_stories');
  const stories = await createStoriesSubgraph(
    storiesConfigSchema.parse({
      PORT: String(storiesPort),
      NEO4J_URI: engines.neo4jUri,
      NEO4J_USER: engines.neo4jUser,
      NEO4J_PASSWORD: engines.neo4jPassword,
      MONGODB_URI: engines.mongoUri,
      STORIES_DB: storiesDb,
      EMOTIONS_URL: new URL(emotions.url).origin,
      ASSERTION_SECRET: secret,
      LOG_LEVEL: logLevel,
    }),
  );
  const companionDb = uniqueName('test_companion');
  const companion = companionPort
    ? await createCompanionSubgraph(
        companionConfigSchema.parse({
          PORT: String(companionPort),
          NEO4J_URI: engines.neo4jUri,
          NEO4J_USER: engines.neo4jUser,
          NEO4J_PASSWORD: engines.neo4jPassword,
          MONGODB_URI: engines.mongoUri,
          COMPANION_DB: companionDb,
          COMPANION_KEYS: TextVault.generateSpec(),
          USERS_URL: new URL(users.url).origin,
          EMOTIONS_URL: new URL(emotions.url).origin,
          ASSERTION_SECRET: secret,
          LOG_LEVEL: logLevel,
        }),
        typeof options.companion === 'object' && options.companion.now
          ? { now: options.companion.now }
          : {},
      )
    : undefined;
  const extra: EmotionsSubgraph[] = [];
  const startGateway = (subgraphs: string, settings: Record<string, string> = {}) =>
    createGateway(
      gatewayConfigSchema.parse({
        PORT: '0',
        SUBGRAPHS: subgraphs,
        DEVICE_TOKEN_CACHE_MS: '0',
        ...settings,
        ASSERTION_SECRET: secret,
        LOG_LEVEL: logLevel,
      }),
      createLogger('gateway', logLevel),
    );
  const gateway = await startGateway(
    `users=${users.url},emotions=${emotions.url},stories=${stories.url}` +
      (companion ? `,companion=${companion.url}` : ''),
    options.gateway,
  );
  const extraGateways: RunningGateway[] = [];
  return {
    gatewayUrl: gateway.url,
    users,
    get emotions() {
      if (!emotions) throw new Error('the emotions subgraph is stopped');
      return emotions;
    },
    stories,
    companion,
    gateway,
    usersDb,
    companionDb: companion ? companionDb : undefined,
    emotionsDb,
    secret,
    signingKey,
    async stopEmotions() {
      await emotions?.close();
      emotions = undefined;
    },
    async startEmotions() {
      emotions ??= await startEmotions(emotionsPort);
    },
    async addGateway(subgraphs, settings) {
      const added = await startGateway(subgraphs, settings);
      extraGateways.push(added);
      return added;
    },
    async addEmotionsInstance() {
      const instance = await startEmotions(0);
      extra.push(instance);
      return instance;
    },
    async close() {
      for (const added of extraGateways) await added.close();
      await gateway.close();
      for (const instance of extra) await instance.close();
      await stories.close();
      await dropDatabase(storiesDb);
      if (companion) {
        await companion.close();
        await dropDatabase(companionDb);
      }
      await emotions?.close();
      await users.close();
      await dropDatabase(emotionsDb);
      if (!options.keepData) await dropDatabase(usersDb);
    },
  };
}

export async function newSigningKey(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return JSON.stringify({ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'ES256' });
}

/** Drops a test database. */
export async function dropDatabase(name: string): Promise<void> {
  const db = await openDatabase(testEngines().mongoUri, name);
  await db.dropDatabase();
  await db.close();
}

/**
 * Removes the stories these people author, with their scenes and choices: Neo4j Community has
 * one database, shared by every test run.
 */
export async function removeStoriesOf(people: string[]): Promise<void> {
  const engines = testEngines();
  const driver = neo4j.driver(
    engines.neo4jUri,
    neo4j.auth.basic(engines.neo4jUser, engines.neo4jPassword),
  );
  try {
    await driver.executeQuery(
      `MATCH (s:Story) WHERE any(a IN s.authorIds WHERE a IN $people)
       OPTIONAL MATCH (s)-[:HAS_SCENE]->(scene:Scene)
       OPTIONAL MATCH (scene)-[:HAS_CHOICE]->(choice:Choice)
       OPTIONAL MATCH (s)-[:HAS_EDIT|HAS_VERSION]->(kept)
       DETACH DELETE s, scene, choice, kept`,
      { people },
    );
  } finally {
    await driver.close();
  }
}

/**
 * The preamble every integration test file shares: a stack started before the file's tests
 * (options may be computed then, e.g. from a port chosen in `before`) and closed after them,
 * `cleanup` first (remove the stories the tests wrote, say). The answer stands for the stack
 * once it runs; touching it before the `before` hook ran is a mistake and throws. A `before`
 * hook of the file's own that uses the stack goes in the same `describe`: at a file's top
 * level Node 20 starts the next `before` hook without waiting for this one.
 */
export function useTestStack(
  options: TestStackOptions | (() => TestStackOptions | Promise<TestStackOptions>) = {},
  cleanup?: () => Promise<void>,
): TestStack {
  let started: TestStack | undefined;
  before(async () => {
    started = await startTestStack(typeof options === 'function' ? await options() : options);
  });
  after(async () => {
    try {
      await cleanup?.();
    } finally {
      await started?.close();
    }
  });
  const live = (key: string | symbol) => {
    if (!started) throw new Error(`the test stack is not started yet (reading ${String(key)})`);
    return started;
  };
  return new Proxy({} as TestStack, {
    get(_, key) {
      const stack = live(key);
      const value: unknown = Reflect.get(stack, key);
      return typeof value === 'function' ? value.bind(stack) : value;
    },
    // Listing the stack (Object.keys: the security tests find its subgraphs so) lists the started one.
    has: (_, key) => Reflect.has(live(key), key),
    ownKeys: () => Reflect.ownKeys(live('its keys')),
    getOwnPropertyDescriptor(_, key) {
      const found = Reflect.getOwnPropertyDescriptor(live(key), key);
      return found && { ...found, configurable: true };
    },
  });
}
