import { IDENTITY_HEADER, verifyAssertion, type Logger } from '@mindscape/platform';
import express, { type Express } from 'express';
import type { UsersServices } from './context.js';
import type { AccessTokenIssuer } from './accounts/access-tokens.js';
import { verifyDeviceToken } from './resolvers/devices.js';

/**
 * Routes beside GraphQL: the public keys that verify access tokens, and the device-token check
 * the gateway calls. The latter answers only callers holding the gateway's assertion secret.
 */
export function internalRoutes(
  services: UsersServices,
  issuer: AccessTokenIssuer,
  secret: string,
  logger: Logger,
) {
  return (app: Express) => {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.json(issuer.jwks);
    });
    app.post('/internal/device-tokens/verify', express.json({ limit: '4kb' }), async (req, res) => {
      try {
        await verifyAssertion(String(req.headers[IDENTITY_HEADER] ?? ''), secret);
      } catch {
        res.status(401).json({ error: 'internal endpoint: gateway assertion required' });
        return;
      }
      const token = (req.body as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length > 200) {
        res.status(400).json({ error: 'body must be {"token": "<device token>"}' });
        return;
      }
      try {
        const device = await verifyDeviceToken(services, token);
        if (device) res.json(device);
        else res.status(401).json({ error: 'invalid or revoked device token' });
      } catch (error) {
        logger.error({ err: error }, 'device token check failed');
        res.status(503).json({ error: 'device token check unavailable' });
      }
    });
  };
}
