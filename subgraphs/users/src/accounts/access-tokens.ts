import { SignJWT, exportJWK, importJWK, type JWK, type CryptoKey } from 'jose';

/** The gateway verifies these against this subgraph's JWKS (GET /.well-known/jwks.json). */
export const ACCESS_TOKEN_ISSUER = 'mindscape-users';
export const ACCESS_TOKEN_AUDIENCE = 'mindscape';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessTokenIssuer {
  issue(userId: string, sessionId: string): Promise<string>;
  /** Public keys, for the JWKS endpoint. */
  jwks: { keys: JWK[] };
}

/** `signingKey` is a private EC P-256 JWK with a `kid` (AUTH_SIGNING_KEY). */
export async function accessTokenIssuer(signingKey: JWK): Promise<AccessTokenIssuer> {
  if (!signingKey.kid) throw new Error('AUTH_SIGNING_KEY needs a "kid"');
  const key = (await importJWK(signingKey, 'ES256')) as CryptoKey;
  const { d: _private, ...publicJwk } = signingKey;
  const publicKey = await exportJWK(await importJWK(publicJwk, 'ES256'));
  return {
    jwks: { keys: [{ ...publicKey, kid: signingKey.kid, alg: 'ES256', use: 'sig' }] },
    issue: (userId, sessionId) =>
      new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid })
        .setSubject(userId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
        .sign(key),
  };
}
