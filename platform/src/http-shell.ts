import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { REQUEST_ID_HEADER } from './identity.js';
import type { Logger } from './logger.js';

export interface HttpShell {
  app: Express;
  server: Server;
  metrics: Registry;
  /** Listens and returns the bound port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * What every MindScape HTTP service has before its own routes: request ids (taken from
 * x-request-id or made, and echoed), pino request logs, GET /health, GET /ready, GET /metrics
 * with request durations.
 */
export function createHttpShell(
  name: string,
  logger: Logger,
  readiness?: () => Promise<void>,
): HttpShell {
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  const metrics = new Registry();
  metrics.setDefaultLabels({ service: name });
  collectDefaultMetrics({ register: metrics });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics],
  });

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      autoLogging: { ignore: (req) => ['/health', '/ready', '/metrics'].includes(req.url ?? '') },
    }),
  );
  app.use((req, res, next) => {
    // Read the path now: mounted routers rewrite req.path while they run.
    const known = ['/graphql', '/health', '/ready', '/metrics'];
    const route = known.find((r) => req.path === r || req.path.startsWith(`${r}/`)) ?? 'other';
    const end = duration.startTimer({ method: req.method, route });
    res.once('finish', () => end({ status: res.statusCode }));
    next();
  });
  app.get('/health', (_req, res) => void res.json({ status: 'ok', service: name }));
  app.get('/ready', async (_req, res) => {
    try {
      await readiness?.();
      res.json({ status: 'ready', service: name });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'not ready', service: name, reason: (error as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });

  return {
    app,
    server,
    metrics,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        // Last in the chain, so it sees errors from every route added before listening.
        app.use(bodyErrors(logger));
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

/** Request ids as pino-http assigned them. */
export const requestIdOf = (req: { id?: unknown }) =>
  typeof req.id === 'string' ? req.id : undefined;

/**
 * Body parsing failures (malformed JSON, a body over the limit) answered as GraphQL-shaped
 * JSON with a code, instead of Express's HTML page with a stack trace.
 */
function bodyErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 500
          ? 'INTERNAL_SERVER_ERROR'
          : 'BAD_REQUEST';
    const message =
      status === 413
        ? 'The request body is too large.'
        : status === 500
          ? 'Internal server error.'
          : `The request body could not be read: ${error.message ?? 'malformed'}.`;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
