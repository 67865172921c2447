import express, { type RequestHandler } from 'express';
import { IDENTITY_HEADER, verifyAssertion } from './identity.js';

/**
 * For `app.use('/internal', ...internalOnly(secret))`: service-to-service routes answer only
 * holders of the shared assertion secret, with small JSON bodies.
 */
export function internalOnly(secret: string): RequestHandler[] {
  return [
    // A batch of 1,000 ids is about 28 KB.
    express.json({ limit: '64kb' }),
    async (req, res, next) => {
      try {
        await verifyAssertion(String(req.headers[IDENTITY_HEADER] ?? ''), secret);
        next();
      } catch {
        res
          .status(401)
          .json({ error: 'internal endpoint: a MindScape service assertion is required' });
      }
    },
  ];
}
