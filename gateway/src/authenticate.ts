import {
  ErrorCode,
  InternalClient,
  codedError,
  type Identity,
  type Logger,
} from '@mindscape/platform';
import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify, errors as joseErrors } from 'jose';
import { RevocationFeed } from './revocation.js';
import { VerifiedTokens } from './verified-tokens.js';

const ACCESS_TOKEN_ISSUER = 'mindscape-users';
const ACCESS_TOKEN_AUDIENCE = 'mindscape';
const DEVICE_TOKEN_PREFIX = 'dt_';

export interface Authenticator {
  /**
   * The identity behind an Authorization header value. No header: anonymous (undefined).
   * A header that does not verify: UNAUTHENTICATED, never a silent downgrade to anonymous.
   */
  identify(authorization: string | undefined): Promise<Identity | undefined>;
  /** When the token behind an identity `identify` returned expires (epoch ms); none for devices. */
  expiresAt(identity: Identity): number | undefined;
  /** Revoked sessions, people, devices and consents, as the users subgraph announces them. */
  revocations: Pick<RevocationFeed, 'hear' | 'onRevocation' | 'watch'>;
  close(): Promise<void>;
}

/**
 * Access tokens are JWTs checked against the users subgraph's public keys (fetched and cached
 * by jose); device tokens are opaque and checked by the users subgraph, with a short cache.
 * Either way the identity is then checked against the revocation list (revocation.ts), so a
 * signed-out session, a revoked device or a deleted account is refused on its next request.
 */
export function createAuthenticator(
  usersOrigin: string,
  assertionSecret: string,
  deviceCacheMs: number,
  logger?: Logger,
): Authenticator {
  const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', usersOrigin), {
    cooldownDuration: 30_000,
  });
  const users = new InternalClient(usersOrigin, assertionSecret, deviceCacheMs);
  const revocations = new RevocationFeed(new InternalClient(usersOrigin, assertionSecret), logger);
  const expiries = new WeakMap<Identity, number>();
  const verified = new VerifiedTokens();

  async function verifyAccessToken(token: string): Promise<Identity> {
    const known = verified.get(token);
    if (known) {
      expiries.set(known.identity, known.expiresAt);
      return known.identity;
    }
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        algorithms: ['ES256'],
      });
      if (typeof payload.sub !== 'string') throw rejected('The access token has no subject.');
      const identity: Identity = {
        userId: payload.sub,
        via: 'session',
        ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
      };
      if (typeof payload.exp === 'number') {
        expiries.set(identity, payload.exp * 1000);
        verified.set(token, identity, payload.exp * 1000);
      }
      return identity;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw rejected('The access token has expired; refresh the session.');
      if (error instanceof joseErrors.JOSEError) throw rejected('The access token is not valid.');
      throw error;
    }
  }

  async function verifyDeviceToken(token: string): Promise<Identity> {
    let answer: { valid: boolean; userId?: string; deviceId?: string };
    try {
      // Only a valid token is cached: a revoked one is asked about again every time.
      answer = await users.post('/internal/device-tokens/verify', { token }, (a) => a.valid);
    } catch {
      throw codedError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'Device tokens cannot be checked right now; try again shortly.',
        {},
        503,
      );
    }
    if (!answer.valid || !answer.userId || !answer.deviceId) {
      throw rejected('The device token is not valid or has been revoked.');
    }
    return { userId: answer.userId, via: 'device', deviceId: answer.deviceId };
  }

  return {
    revocations,
    async identify(authorization) {
      if (authorization === undefined || authorization === '') return undefined;
      const match = /^Bearer ([\x21-\x7e]{1,4096})$/.exec(authorization.trim());
      if (!match) throw rejected('The Authorization header must be "Bearer <token>".');
      const token = match[1]!;
      const [identity] = await Promise.all([
        token.startsWith(DEVICE_TOKEN_PREFIX) ? verifyDeviceToken(token) : verifyAccessToken(token),
        revocations.ready(),
      ]);
      if (revocations.revokes(identity)) {
        throw rejected(
          identity.via === 'device'
            ? 'The device token is not valid or has been revoked.'
            : 'This session has ended (signed out, revoked or the account deleted); sign in again.',
        );
      }
      return identity;
    },
    expiresAt: (identity) => expiries.get(identity),
    close: () => revocations.close(),
  };
}

/**
 * For a graph with no people in it (`createGateway`'s `anonymous` option): every request is
 * anonymous, and a request that brings a token is refused, never served as anonymous, since
 * nothing here could verify it. Nothing is ever revoked.
 */
export function anonymousAuthenticator(): Authenticator {
  return {
    revocations: {
      hear() {},
      onRevocation: () => () => {},
      watch() {
        throw new Error('an anonymous gateway has no identities to watch');
      },
    },
    async identify(authorization) {
      if (authorization === undefined || authorization === '') return undefined;
      throw rejected('This graph has no sign-in; send requests without an Authorization header.');
    },
    expiresAt: () => undefined,
    close: async () => {},
  };
}

function rejected(message: string): GraphQLError {
  return codedError(ErrorCode.UNAUTHENTICATED, message, {}, 401);
}
