import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, signAssertion } from './identity.js';

/**
 * Calls another service's /internal/* routes, proving it is part of MindScape with an empty
 * assertion signed by the shared secret. Answers are cached briefly: they guard reads that
 * can repeat many times a second (a dashboard's queries, ingest batches).
 */
export class InternalClient {
  private readonly cache = new Map<string, { value: unknown; until: number }>();

  constructor(
    private readonly origin: string,
    private readonly secret: string,
    private readonly cacheMs = 5_000,
  ) {}

  /**
   * POSTs `body` to `path`. Only answers `cacheWhen` accepts are cached, so a cached "yes"
   * can lag a revocation by `cacheMs` while a "no" is always asked again.
   */
  async post<T>(
    path: string,
    body: Record<string, unknown>,
    cacheWhen: (answer: T) => boolean = () => true,
  ): Promise<T> {
    const key = `${path} ${JSON.stringify(body)}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value as T;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.origin), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await signAssertion({}, this.secret),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw unavailable(`${this.origin} did not answer (${(error as Error).message})`);
    }
    if (!response.ok) throw unavailable(`${path} answered ${response.status}`);
    const value = (await response.json()) as T;
    if (!cacheWhen(value)) return value;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { value, until: Date.now() + this.cacheMs });
    return value;
  }
}

function unavailable(detail: string): GraphQLError {
  return new GraphQLError('A service this needs is unavailable; try again shortly.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', detail },
  });
}
