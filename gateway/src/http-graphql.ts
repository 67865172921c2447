import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { REQUEST_ID_HEADER } from '@mindscape/platform';
import type { Request, RequestHandler } from 'express';
import { InflightReads, type WriteEpoch } from './inflight.js';

/** What an identical request must also share to share an answer: who is asking, from where. */
export type CallerKey = (req: Request) => Promise<unknown>;

/** Headers that differ between identical requests without changing the answer. */
const UNKEYED_HEADERS = new Set([REQUEST_ID_HEADER, 'content-length', 'connection']);

/**
 * A query in the `mutation` or `subscription` keyword's absence cannot be either: only such
 * operations are shared. A false alarm (a field so named) only means no sharing.
 */
const MAY_WRITE = /\b(?:mutation|subscription)\b/;

/**
 * Apollo Server over Express (as `@as-integrations/express5`'s expressMiddleware), with one
 * addition: identical queries in flight at the same moment from the same caller (same
 * identity, address and headers) are executed once and every one of them gets the answer.
 * Each request still goes through authentication, revocation and rate limits on its own
 * (`callerKey` runs for each); a request whose caller cannot be established is never shared,
 * and is answered by Apollo as before. Mutations, subscriptions, persisted-query hashes
 * without their text and incremental delivery are never shared.
 */
export function serveGraphQL<Context extends object>(
  apollo: ApolloServer<Context>,
  options: {
    context: (req: Request) => Promise<Context>;
    /** Who is calling, for sharing; without it nothing is shared. */
    callerKey?: CallerKey;
    /** Writes seen complete (inflight.ts): no read joins one begun before the last. */
    writes: WriteEpoch;
  },
): RequestHandler {
  const answers = new InflightReads<HTTPGraphQLResponse>((answer) => answer, options.writes);
  const encoded = new WeakMap<HTTPGraphQLResponse, { bytes: Buffer; etag?: string }>();
  const bytesOf = (answer: HTTPGraphQLResponse, text: string, req: Request) => {
    let known = encoded.get(answer);
    if (!known) {
      const bytes = Buffer.from(text, 'utf8');
      const etagOf = req.app.get('etag fn') as ((body: Buffer) => string) | undefined;
      known = { bytes, ...(etagOf ? { etag: etagOf(bytes) } : {}) };
      encoded.set(answer, known);
    }
    return known;
  };
  const execute = (req: Request) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url.indexOf('?');
    return apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query < 0 ? '' : req.url.slice(query),
        body: req.body as unknown,
      },
      context: () => options.context(req),
    });
  };
  const shareKey = async (req: Request): Promise<string | undefined> => {
    if (!options.callerKey) return undefined;
    const body = req.body as { query?: unknown } | undefined;
    const text = req.method === 'GET' ? req.url : body?.query;
    if (typeof text !== 'string' || MAY_WRITE.test(text)) return undefined;
    if (String(req.headers.accept).toLowerCase().includes('multipart')) return undefined;
    let caller: unknown;
    try {
      caller = await options.callerKey(req);
    } catch {
      return undefined; // answered (refused) by Apollo through the context, unshared
    }
    const headers = Object.entries(req.headers).filter(([name]) => !UNKEYED_HEADERS.has(name));
    return JSON.stringify([caller, req.ip, req.method, req.url, headers, req.body]);
  };
  return (req, res, next) => {
    shareKey(req)
      .then((key) => answers.run(key, () => execute(req)))
      .then(async (answer) => {
        for (const [key, value] of answer.headers) res.setHeader(key, value);
        res.statusCode = answer.status ?? 200;
        // Bytes only where res.send would leave the content type as it is (charset given).
        if (
          answer.body.kind === 'complete' &&
          !/charset=utf-8/i.test(res.get('content-type') ?? '')
        ) {
          res.send(answer.body.string);
          return;
        }
        if (answer.body.kind === 'complete') {
          // As res.send(string) would, with the bytes and the ETag made once per shared answer.
          const { bytes, etag } = bytesOf(answer, answer.body.string, req);
          if (etag && !res.get('ETag')) res.setHeader('ETag', etag);
          res.send(bytes);
          return;
        }
        for await (const chunk of answer.body.asyncIterator) {
          res.write(chunk);
          if (typeof (res as { flush?: () => void }).flush === 'function')
            (res as unknown as { flush: () => void }).flush();
        }
        res.end();
      })
      .catch(next);
  };
}
