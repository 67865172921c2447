import {
  InvalidAssertionError,
  digest,
  signBound,
  verifyBound,
  type ReplayGuard,
} from './bound-token.js';

export { InvalidAssertionError, ReplayGuard } from './bound-token.js';

/**
 * Who is calling, as the gateway verified it. Subgraphs never see client tokens' claims
 * directly: the gateway re-states the identity in an assertion signed with a secret only it
 * and the subgraphs hold, so a client cannot forge one even if it reached a subgraph.
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

/** The GraphQL operation an assertion travels with, as the subgraph receives it. */
export interface OperationBody {
  query: string;
  variables?: Record<string, unknown> | null | undefined;
}

/** What an assertion is for: one subgraph, one operation. */
export interface AssertionTarget {
  service: string;
  operation: OperationBody;
}

export const IDENTITY_HEADER = 'x-mindscape-assertion';
export const REQUEST_ID_HEADER = 'x-request-id';

const GATEWAY_ISSUER = 'mindscape-gateway';
const audienceOf = (service: string) => `subgraph:${service}`;

/**
 * Variables are hashed as JSON text: what the gateway serialises is what the subgraph parses,
 * and JSON.stringify of that parse gives the same text back.
 */
export const operationDigest = (operation: OperationBody) =>
  digest(operation.query, JSON.stringify(operation.variables ?? {}));

/**
 * Signs what the gateway asserts about one fetch: valid for one subgraph, one operation, a
 * few seconds and one use. Every fetch (and every subscription connection) gets its own.
 */
export function signAssertion(
  assertion: RequestAssertion,
  secret: string,
  target: AssertionTarget,
): Promise<string> {
  return signBound(
    {
      issuer: GATEWAY_ISSUER,
      audience: audienceOf(target.service),
      digest: operationDigest(target.operation),
      payload: { ...assertion },
    },
    secret,
  );
}

/** An assertion checked for signature, audience, lifetime and single use. */
export interface VerifiedAssertion {
  assertion: RequestAssertion;
  /** Which operation it was signed for; compare with `matchesOperation`. */
  operationDigest: string;
}

/**
 * Returns the assertion, or throws `InvalidAssertionError` when it is forged, stale, meant
 * for another service, already used or malformed. With `operation`, it must be the one signed.
 */
export async function verifyAssertion(
  token: string,
  secret: string,
  expected: { service: string; replay: ReplayGuard; operation?: OperationBody },
): Promise<VerifiedAssertion> {
  const verified = await verifyBound(
    token,
    secret,
    {
      issuers: [GATEWAY_ISSUER],
      audience: audienceOf(expected.service),
      ...(expected.operation ? { digest: operationDigest(expected.operation) } : {}),
    },
    expected.replay,
  );
  return { assertion: parseAssertion(verified.payload), operationDigest: verified.digest };
}

export const matchesOperation = (verified: VerifiedAssertion, operation: OperationBody) =>
  verified.operationDigest === operationDigest(operation);

function parseAssertion(payload: Record<string, unknown>): RequestAssertion {
  const out: RequestAssertion = {};
  const identity = payload.identity as Partial<Identity> | undefined;
  if (identity !== undefined) {
    if (
      typeof identity !== 'object' ||
      identity === null ||
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
