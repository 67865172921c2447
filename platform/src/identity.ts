import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

/**
 * Who is calling, as the gateway verified it. Subgraphs never see client tokens' claims
 * directly: the gateway re-states the identity in a short-lived assertion signed with a
 * secret only it and the subgraphs hold, so a client cannot forge one even if it reached a
 * subgraph.
 */
export interface Identity {
  /** The person the request acts for. */
  userId: string;
  /** How the caller proved it: an interactive session or a registered device's token. */
  via: 'session' | 'device';
  /** Set when `via` is `device`. */
  deviceId?: string;
  /** Set when `via` is `session`: the sign-in session the access token belongs to. */
  sessionId?: string;
}

/** What the gateway tells a subgraph about a request; identity is absent for anonymous calls. */
export interface RequestAssertion {
  identity?: Identity;
  clientIp?: string;
  requestId?: string;
}

export const IDENTITY_HEADER = 'x-mindscape-assertion';
export const REQUEST_ID_HEADER = 'x-request-id';

const ISSUER = 'mindscape-gateway';
const AUDIENCE = 'mindscape-subgraph';
const encoder = new TextEncoder();

export async function signAssertion(assertion: RequestAssertion, secret: string): Promise<string> {
  return new SignJWT({ ...assertion })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(encoder.encode(secret));
}

/** Returns the assertion, or throws `InvalidAssertionError` when it is forged, stale or malformed. */
export async function verifyAssertion(token: string, secret: string): Promise<RequestAssertion> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    return parseAssertion(payload);
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof InvalidAssertionError) {
      throw new InvalidAssertionError(error.message);
    }
    throw error;
  }
}

export class InvalidAssertionError extends Error {
  override name = 'InvalidAssertionError';
}

function parseAssertion(payload: Record<string, unknown>): RequestAssertion {
  const out: RequestAssertion = {};
  const identity = payload.identity as Partial<Identity> | undefined;
  if (identity !== undefined) {
    if (
      typeof identity.userId !== 'string' ||
      (identity.via !== 'session' && identity.via !== 'device')
    ) {
      throw new InvalidAssertionError('assertion identity is malformed');
    }
    out.identity = { userId: identity.userId, via: identity.via };
    if (typeof identity.deviceId === 'string') out.identity.deviceId = identity.deviceId;
    if (typeof identity.sessionId === 'string') out.identity.sessionId = identity.sessionId;
  }
  if (typeof payload.clientIp === 'string') out.clientIp = payload.clientIp;
  if (typeof payload.requestId === 'string') out.requestId = payload.requestId;
  return out;
}
