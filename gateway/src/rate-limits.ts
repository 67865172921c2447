import { tooManyRequests } from '@mindscape/platform';
import type { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface RateLimitSettings {
  RATE_LIMIT_PER_IP_PER_MINUTE: number;
  RATE_LIMIT_PER_PERSON_PER_MINUTE: number;
  REDIS_URL?: string | undefined;
}

export interface RateLimits {
  /** Every HTTP request and WebSocket connection, by client address. */
  address(ip: string): Promise<void>;
  /** Every operation of a signed-in person or device, wherever it connects. */
  person(userId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Fixed one-minute windows per client address and per person. With REDIS_URL the counters are
 * shared by every gateway instance (a person cannot multiply their budget by reconnecting
 * elsewhere); should Redis fail, each instance falls back to its own memory counters.
 */
export function createRateLimits(settings: RateLimitSettings): RateLimits {
  const redis = settings.REDIS_URL
    ? new Redis(settings.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 })
    : undefined;
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `mindscape:rate:${keyPrefix}`,
          points,
          duration: 60,
          insuranceLimiter: memory,
        })
      : memory;
  };
  const perAddress = limiter('ip', settings.RATE_LIMIT_PER_IP_PER_MINUTE);
  const perPerson = limiter('person', settings.RATE_LIMIT_PER_PERSON_PER_MINUTE);
  return {
    address: (ip) => consume(perAddress, ip, 'this address'),
    person: (userId) => consume(perPerson, userId, 'this account'),
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}

async function consume(limiter: RateLimiterAbstract, key: string, who: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw withStatus(
      tooManyRequests(
        `Too many requests from ${who}: at most ${limiter.points} a minute. Retry in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      ),
      429,
    );
  }
}

/** Apollo Server answers an error thrown while building the context with this HTTP status. */
function withStatus(error: GraphQLError, status: number): GraphQLError {
  (error.extensions as Record<string, unknown>).http = {
    status,
    headers: new Map([['retry-after', String(error.extensions.retryAfterSeconds)]]),
  };
  return error;
}
