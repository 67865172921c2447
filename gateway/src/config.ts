import { logLevelVar, portVar, secretVar } from '@mindscape/platform';
import { z } from 'zod';

/** `name=url` pairs, comma-separated: the subgraphs composed into the one graph. */
const subgraphList = z
  .string()
  .default('users=http://127.0.0.1:4001/graphql')
  .transform((text, ctx) => {
    const list = text
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const [name, url] = pair.split('=', 2);
        return { name: name?.trim() ?? '', url: url?.trim() ?? '' };
      });
    for (const { name, url } of list) {
      if (!/^[a-z][a-z0-9-]*$/.test(name) || !URL.canParse(url)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${name}=${url}" is not name=http://host:port/graphql`,
        });
      }
    }
    return list;
  });

/**
 * The gateway's settings without the rule that the users subgraph is among the subgraphs: for
 * `createGateway(config, logger, { anonymous: true })` only (a graph with no people in it, as
 * the federation benchmark's). Deployments start from `gatewayConfigSchema`.
 */
export const anonymousGatewayConfigSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: portVar(4000),
  SUBGRAPHS: subgraphList,
  ASSERTION_SECRET: secretVar(),
  /** Express "trust proxy": set when a load balancer in front sets X-Forwarded-For. */
  TRUST_PROXY: z.string().default('false'),
  /** How long a verified device token is trusted before it is checked again (revocation delay). */
  DEVICE_TOKEN_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** Query limits (docs/decisions/0011): deepest nesting, aliases, tokens, cost, root fields. */
  MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(12),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(5000),
  /**
   * Estimated cost (gateway/src/cost.ts): 2 per object, 1 per scalar, a list times its
   * `first`/`last`/`limit`, or times COST_LIST_SIZE when the operation does not say.
   */
  MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(5000),
  COST_LIST_SIZE: z.coerce.number().int().min(1).max(10_000).default(20),
  MAX_ROOT_FIELDS: z.coerce.number().int().min(1).max(100).default(20),
  /** Resilience (docs/decisions/0012): deadline per subgraph answer, circuit, read retries. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CIRCUIT_BREAK_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  CIRCUIT_HALF_OPEN_AFTER_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  READ_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /** Subscriptions: events held for a slow client before the oldest are dropped. */
  SUBSCRIPTION_QUEUE_BOUND: z.coerce.number().int().min(1).max(10_000).default(100),
  SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * Introspection and "did you mean" suggestions, for development tools. Off by default: a
   * deployment shows its schema only to those who set this (`npm start` does, for local work).
   */
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** WebSocket pings (graphql-ws's keep-alive); a client that misses one is disconnected. */
  KEEPALIVE_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /**
   * Identical queries in flight at the same moment from the same caller (identity, address,
   * headers) share one execution (gateway/src/http-graphql.ts); off: each runs on its own.
   */
  SHARE_INFLIGHT_QUERIES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /**
   * The reads one query's plan sends a subgraph side by side (one stage) go as one request, each
   * under its own aliases (gateway/src/merged-fetches.ts); off: one request per fetch.
   */
  MERGE_SUBGRAPH_READS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Re-read the subgraphs' schemas this often (0: only at start). */
  SUPERGRAPH_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(0),
  /** Requests (and WebSocket connections) a minute per client address, and per person. */
  RATE_LIMIT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(3_000),
  RATE_LIMIT_PER_PERSON_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(1_200),
  /** A persisted-query manifest; when set, only its operations are served. */
  OPERATION_ALLOW_LIST: z.string().min(1).optional(),
  /**
   * Web origins whose pages may call the graph from a browser (CORS, and the WebSocket
   * Origin check): comma-separated. Clients outside a browser send no Origin and are unaffected.
   */
  WEB_ORIGINS: z
    .string()
    .default('http://127.0.0.1:3000,http://localhost:3000')
    .transform((text) =>
      text
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** Shares rate-limit counters between gateway instances. */
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: logLevelVar(),
});

/** The gateway's start-up settings: the users subgraph verifies who is calling. */
export const gatewayConfigSchema = anonymousGatewayConfigSchema.superRefine((config, ctx) => {
  if (!config.SUBGRAPHS.some((s) => s.name === 'users'))
    ctx.addIssue({
      code: 'custom',
      path: ['SUBGRAPHS'],
      message: 'must include the users subgraph',
    });
});

export type GatewayConfig = z.infer<typeof anonymousGatewayConfigSchema>;
