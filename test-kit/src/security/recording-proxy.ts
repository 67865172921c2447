import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a gateway sent to a subgraph through the proxy, and the answer it got. */
export interface RecordedExchange {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  answer: string;
}

export interface RecordingProxy {
  /** Stands where the subgraph's /graphql stands: give it to a gateway instead. */
  url: string;
  exchanges: RecordedExchange[];
  close(): Promise<void>;
}

/** Headers a replay must not copy: the transport sets them again for the new body. */
const HOP_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/**
 * A loopback HTTP proxy in front of one subgraph that keeps every exchange, so a test can
 * read what a real gateway sends (its assertion headers, its composition queries) and what
 * the subgraph answers, then replay the headers with another operation.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
      fetch(new URL(req.url ?? '/', targetUrl), {
        method: req.method ?? 'POST',
        headers,
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      }).then(
        async (upstream) => {
          const answer = await upstream.text();
          exchanges.push({ headers: req.headers, body, status: upstream.status, answer });
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(answer);
        },
        (error: Error) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`recording proxy: ${error.message}`);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${new URL(targetUrl).pathname}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The headers of a recorded request, ready to send again with another body. */
export function replayableHeaders(exchange: RecordedExchange): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(exchange.headers))
    if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
  return headers;
}
