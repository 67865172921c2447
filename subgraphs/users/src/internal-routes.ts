import { internalOnly, type Logger } from '@mindscape/platform';
import type { Express } from 'express';
import type { UsersServices } from './context.js';
import type { AccessTokenIssuer } from './accounts/access-tokens.js';
import { MAX_WAIT_MS } from './accounts/revocations.js';
import { CONSENT_SCOPES } from './models/index.js';
import { verifyDeviceToken } from './resolvers/devices.js';

/**
 * Routes beside GraphQL: the public keys that verify access tokens, and what other services
 * ask of accounts (device tokens and owners, consents).
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
    // Everything under /internal answers only holders of the shared assertion secret.
    app.use('/internal', ...internalOnly(secret));
    app.post('/internal/devices/owner', async (req, res) => {
      const deviceId = (req.body as { deviceId?: unknown } | undefined)?.deviceId;
      if (typeof deviceId !== 'string' || !/^[0-9a-f]{24}$/.test(deviceId)) {
        res.json({ ownerId: null, revoked: false });
        return;
      }
      const device = await services.models.devices.findById(deviceId).lean();
      res.json({
        ownerId: device?.userId.toHexString() ?? null,
        revoked: Boolean(device?.revokedAt),
      });
    });
    /**
     * Which of `ownerIds` (up to 1,000) let `granteeId` see `scope`: one query for a whole
     * dashboard, however many people it shows.
     */
    app.post('/internal/consents/check', async (req, res) => {
      const { ownerIds, granteeId, scope } = (req.body ?? {}) as Record<string, unknown>;
      const isId = (id: unknown) => typeof id === 'string' && /^[0-9a-f]{24}$/.test(id);
      if (
        !Array.isArray(ownerIds) ||
        ownerIds.length < 1 ||
        ownerIds.length > 1000 ||
        !ownerIds.every(isId) ||
        !isId(granteeId) ||
        typeof scope !== 'string' ||
        !(CONSENT_SCOPES as readonly string[]).includes(scope)
      ) {
        res.status(400).json({
          error: 'body must be {"ownerIds": [1 to 1000 ids], "granteeId", "scope"}',
        });
        return;
      }
      const consents = await services.models.consents
        .find({ ownerId: { $in: ownerIds }, granteeId, scope, revokedAt: null }, { ownerId: 1 })
        .lean()
        .exec();
      const withConsent = new Set(consents.map((c) => String(c.ownerId)));
      res.json({
        granted: Object.fromEntries((ownerIds as string[]).map((id) => [id, withConsent.has(id)])),
      });
    });
    /**
     * The revocation list, for the gateway: every entry in force (no `after`), or those since
     * `after` (an earlier answer's `cursor`), held open up to `waitMs` until one comes.
     */
    app.post('/internal/revocations', async (req, res) => {
      const { after, waitMs } = (req.body ?? {}) as { after?: unknown; waitMs?: unknown };
      const since = typeof after === 'string' ? new Date(after) : undefined;
      if (
        (after !== undefined && (!since || Number.isNaN(since.getTime()))) ||
        (waitMs !== undefined &&
          (typeof waitMs !== 'number' || !(waitMs >= 0 && waitMs <= MAX_WAIT_MS)))
      ) {
        res.status(400).json({
          error: `body must be {"after"?: ISO time, "waitMs"?: 0 to ${MAX_WAIT_MS}}`,
        });
        return;
      }
      try {
        res.json(
          since
            ? await services.revocations.follow(since, (waitMs as number | undefined) ?? 0)
            : await services.revocations.since(),
        );
      } catch (error) {
        logger.error({ err: error }, 'revocation list unavailable');
        res.status(503).json({ error: 'revocation list unavailable' });
      }
    });
    app.post('/internal/device-tokens/verify', async (req, res) => {
      const token = (req.body as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length > 200) {
        res.status(400).json({ error: 'body must be {"token": "<device token>"}' });
        return;
      }
      try {
        // 200 either way: a 401 here would read like a refused service assertion.
        const device = await verifyDeviceToken(services, token);
        res.json(device ? { valid: true, ...device } : { valid: false });
      } catch (error) {
        logger.error({ err: error }, 'device token check failed');
        res.status(503).json({ error: 'device token check unavailable' });
      }
    });
  };
}
