import type { Express } from 'express';
import type { Logger } from './logger.js';

/**
 * POST /internal/accounts/delete `{"userId"}` on a subgraph that keeps a person's data: the
 * users subgraph calls it when the person deletes their account (docs/decisions/0022) and
 * retries until it answers 200, so `deletePerson` must be idempotent. Register it behind the
 * `/internal` guard. What `deletePerson` returns is added to the answer.
 */
export function serveAccountDeletion(
  app: Express,
  logger: Logger,
  deletePerson: (userId: string) => Promise<Record<string, unknown> | void>,
): void {
  app.post('/internal/accounts/delete', async (req, res) => {
    const userId = (req.body as { userId?: unknown } | undefined)?.userId;
    if (typeof userId !== 'string' || !/^[0-9a-f]{24}$/.test(userId)) {
      res.status(400).json({ error: 'body must be {"userId": "<24 hex digits>"}' });
      return;
    }
    try {
      res.json({ deleted: true, ...(await deletePerson(userId)) });
    } catch (error) {
      logger.error({ err: error, userId }, 'deleting an account’s data failed');
      res.status(503).json({ error: 'deletion failed; retry' });
    }
  });
}
