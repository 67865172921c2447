import { digest, signBound, verifyBound, type ReplayGuard } from './bound-token.js';

/**
 * Service-to-service calls to `/internal/*` routes carry their own kind of token: signed by a
 * MindScape service, bound to the route and the exact JSON body, short-lived and single-use.
 * A client request's assertion (audience `subgraph:*`) is never accepted here.
 */
const SERVICE_ISSUER = 'mindscape-service';
const audienceOf = (path: string) => `internal:${path}`;

export const INTERNAL_CALL_HEADER = 'x-mindscape-internal-call';

export function signInternalCall(path: string, body: string, secret: string): Promise<string> {
  return signBound(
    { issuer: SERVICE_ISSUER, audience: audienceOf(path), digest: digest(body) },
    secret,
  );
}

/** Throws `InvalidAssertionError` (from bound-token) unless the token was signed for this route and this body. */
export async function verifyInternalCall(
  token: string,
  secret: string,
  call: { path: string; body: string },
  replay: ReplayGuard,
): Promise<void> {
  await verifyBound(
    token,
    secret,
    { issuers: [SERVICE_ISSUER], audience: audienceOf(call.path), digest: digest(call.body) },
    replay,
  );
}
