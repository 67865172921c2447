import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { REQUEST_ID_HEADER } from './identity.js';
import type { Logger } from './logger.js';

export interface HttpShell {
  app: Express;
  server: Server;
  metrics: Registry;
  /** Listens and returns the bound port (0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /**
   * Shutting down: GET /ready answers 503 from now on, so a load balancer stops sending new
   * requests while the service drains what it holds (call first in `close`).
   */
  drain(): void;
  close(): Promise<void>;
}

/**
 * What every MindScape HTTP service has before its own routes: request ids (taken from
 * x-request-id or made, and echoed), one debug log line per request, GET /health, GET /ready,
 * GET /metrics with request durations.
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

  app.use(requestSummaries(logger));
  app.use((req, res, next) => {
    // Read the path now: mounted routers rewrite req.path while they run.
    const known = ['/graphql', '/health', '/ready', '/metrics'];
    const route = known.find((r) => req.path === r || req.path.startsWith(`${r}/`)) ?? 'other';
    const end = duration.startTimer({ method: req.method, route });
    res.once('finish', () => end({ status: res.statusCode }));
    next();
  });
  app.get('/health', (_req, res) => void res.json({ status: 'ok', service: name }));
  let draining = false;
  app.get('/ready', async (_req, res) => {
    try {
      if (draining) throw new Error('shutting down');
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
    drain: () => {
      draining = true;
    },
    close: () =>
      new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

const requestIds = new WeakMap<IncomingMessage, string>();

/** The request's id: the caller's x-request-id when well formed, else one made here. */
export const requestIdOf = (req: IncomingMessage): string | undefined => requestIds.get(req);

/** Paths polled by supervisors and scrapers: a line each would drown the rest. */
const UNLOGGED = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives each request its id and logs one line when it ends: method, path (no query string),
 * status, duration, id. Never headers, cookies or bodies: they carry access tokens, device
 * tokens and gateway assertions. At debug level, so a running stack stays quiet unless asked.
 */
function requestSummaries(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers[REQUEST_ID_HEADER];
    const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    requestIds.set(req, id);
    res.setHeader(REQUEST_ID_HEADER, id);
    const path = req.path;
    if (UNLOGGED.has(path) || !logger.isLevelEnabled('debug')) return next();
    const began = process.hrtime.bigint();
    const done = () => {
      res.off('finish', done).off('close', done);
      const ms = Math.round(Number(process.hrtime.bigint() - began) / 1e5) / 10;
      const status = res.writableFinished ? res.statusCode : 'aborted';
      logger.debug(
        { method: req.method, path, status, ms, requestId: id },
        `${req.method} ${path} ${status} ${ms} ms`,
      );
    };
    res.on('finish', done).on('close', done);
    next();
  };
}

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
