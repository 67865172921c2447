import express, { type RequestHandler } from 'express';
import { ReplayGuard } from './bound-token.js';
import { INTERNAL_CALL_HEADER, verifyInternalCall } from './internal-call.js';

/**
 * For `app.use('/internal', ...internalOnly(secret))`: service-to-service routes answer only
 * a MindScape service's internal-call token made for this route and this body, once.
 */
export function internalOnly(secret: string): RequestHandler[] {
  const replay = new ReplayGuard();
  return [
    // A batch of 1,000 ids is about 28 KB. The raw text is kept: the token is bound to it.
    express.text({ type: 'application/json', limit: '64kb' }),
    async (req, res, next) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      try {
        await verifyInternalCall(
          String(req.headers[INTERNAL_CALL_HEADER] ?? ''),
          secret,
          { path: req.originalUrl.split('?')[0]!, body: raw },
          replay,
        );
      } catch {
        res
          .status(401)
          .json({ error: 'internal endpoint: a MindScape service call token is required' });
        return;
      }
      try {
        req.body = raw === '' ? {} : (JSON.parse(raw) as unknown);
      } catch {
        res.status(400).json({ error: 'the body must be JSON' });
        return;
      }
      next();
    },
  ];
}
