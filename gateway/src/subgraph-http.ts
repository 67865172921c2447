// Default imports, looked up at each call: OpenTelemetry's http instrumentation (platform's
// telemetry.ts) patches these modules' objects, and the trace must reach the subgraphs.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Idle kept-alive sockets close after this long (below Node servers' 5 s keep-alive). */
const IDLE_SOCKET_MS = 4_000;
/**
 * The largest subgraph answer read: far above any answer the limits let a query ask for (cost
 * 5,000), and a subgraph gone wrong cannot fill the gateway's memory.
 */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

/**
 * The fetcher the gateway sends subgraph requests with: node:http over kept-alive
 * connections, the whole answer read into one buffer. The platform's fetch spends more on
 * each request (a Request, web streams, a body mixin) than the cached subgraph answers of a
 * busy graph cost to produce; this is a third of that. Each call has a deadline: a hung
 * subgraph must not hold a client forever.
 */
export function subgraphFetcher(options: { timeoutMs: number }): Fetcher {
  // Enough sockets for a busy gateway's concurrent fetches to one subgraph. An idle socket is
  // closed after IDLE_SOCKET_MS, before a Node subgraph's own 5 s keep-alive ends it (a request
  // sent on a socket the server is closing fails) and before a proxy or NAT on the way forgets
  // it silently (a request sent on it would wait out the whole deadline).
  const agentOptions = {
    keepAlive: true,
    maxSockets: 256,
    maxFreeSockets: 64,
    timeout: IDLE_SOCKET_MS,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  return (url: string, init: FetcherRequestInit = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = init.body ?? '';
      const request = (secure ? https : http).request(
        target,
        {
          method: init.method ?? 'POST',
          headers: { ...init.headers, 'content-length': Buffer.byteLength(body) },
          agent: agents[secure ? 'https:' : 'http:'],
          signal: AbortSignal.timeout(options.timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) {
              request.destroy(new Error(`the subgraph's answer passed ${MAX_ANSWER_BYTES} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.once('error', reject);
          response.once('close', () => {
            if (!response.complete) reject(new Error('the subgraph closed the answer midway'));
          });
          response.once('end', () => resolve(new BufferedResponse(url, response, chunks)));
        },
      );
      request.once('error', reject);
      request.end(body);
    });
}

class BufferedResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: FetcherHeaders;
  private readonly body: Buffer;

  constructor(
    readonly url: string,
    response: IncomingMessage,
    chunks: Buffer[],
  ) {
    this.status = response.statusCode ?? 0;
    this.ok = this.status >= 200 && this.status < 300;
    this.statusText = response.statusMessage ?? '';
    this.headers = new ResponseHeaders(response.headers);
    this.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }

  async text() {
    return this.body.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }
  async arrayBuffer() {
    return new Uint8Array(this.body).buffer;
  }
  clone(): FetcherResponse {
    return this;
  }
}

class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(headers: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(headers))
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  get(name: string) {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string) {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string) {
    this.map.set(name.toLowerCase(), value);
  }
  append(name: string, value: string) {
    const known = this.get(name);
    this.set(name, known === null ? value : `${known}, ${value}`);
  }
  delete(name: string) {
    this.map.delete(name.toLowerCase());
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}
