import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

/**
 * Short-lived HS256 tokens between MindScape services, each bound to one audience (the
 * service and kind of call it is for) and one digest (what it carries), and usable once.
 * A token seen on the wire therefore opens nothing else: not another service, not another
 * operation or route, not the same call a second time.
 */
export interface BoundClaims {
  /** Who signs: the gateway for client requests, a service name for internal calls. */
  issuer: string;
  /** What the token is for, e.g. `subgraph:users` or `internal:/internal/consents/check`. */
  audience: string;
  /** sha256 of what the call carries (see `digest`). */
  digest: string;
  /** Any further claims (who is asking). */
  payload?: Record<string, unknown>;
}

/** Long enough for a fetch to reach its subgraph on a busy machine, short enough to be useless later. */
export const BOUND_TOKEN_LIFETIME_SECONDS = 15;

const encoder = new TextEncoder();

export function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

export function signBound(claims: BoundClaims, secret: string): Promise<string> {
  return new SignJWT({ ...claims.payload, dig: claims.digest })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${BOUND_TOKEN_LIFETIME_SECONDS}s`)
    .sign(encoder.encode(secret));
}

export class InvalidAssertionError extends Error {
  override name = 'InvalidAssertionError';
}

export interface VerifiedBound {
  issuer: string;
  digest: string;
  payload: Record<string, unknown>;
}

/**
 * Checks signature, issuer set, audience, lifetime, digest (when the call is known already)
 * and single use. Throws `InvalidAssertionError` for every refusal.
 */
export async function verifyBound(
  token: string,
  secret: string,
  expected: { issuers: readonly string[]; audience: string; digest?: string },
  replay: ReplayGuard,
): Promise<VerifiedBound> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(secret), {
      issuer: [...expected.issuers],
      audience: expected.audience,
      algorithms: ['HS256'],
      maxTokenAge: `${BOUND_TOKEN_LIFETIME_SECONDS}s`,
      requiredClaims: ['jti', 'exp', 'iat', 'iss', 'dig'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw new InvalidAssertionError(error.message);
    throw error;
  }
  const { jti, exp, iss, dig } = payload;
  if (typeof jti !== 'string' || typeof exp !== 'number' || typeof dig !== 'string') {
    throw new InvalidAssertionError('token claims are malformed');
  }
  // Checked before the token counts as used: a mismatched copy must not burn the real call.
  if (expected.digest !== undefined && dig !== expected.digest) {
    throw new InvalidAssertionError('token was signed for another call');
  }
  if (!replay.firstUse(jti, exp * 1000)) throw new InvalidAssertionError('token was already used');
  return { issuer: String(iss), digest: dig, payload };
}

/**
 * Remembers the ids of tokens this process accepted until they expire, so each is accepted
 * once. Per process: with several replicas a replay could reach another one within the
 * token's lifetime, but only for the very call it was bound to (same operation, same body).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  firstUse(id: string, expiresAtMs: number, now = Date.now()): boolean {
    if (now >= this.nextSweep) this.sweep(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, expiresAtMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
    this.nextSweep = now + 1_000;
  }
}
