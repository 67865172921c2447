import type { GraphQLError } from 'graphql';
import { serviceUnavailable } from './errors.js';
import { INTERNAL_CALL_HEADER, signInternalCall } from './internal-call.js';

/**
 * Calls another service's /internal/* routes with a call token bound to the route and body.
 * Answers are not cached unless `cacheMs` is given: a cached "yes" would outlive a
 * revocation (consents, devices), so callers that cache must also hear revocations.
 */
export class InternalClient {
  private readonly cache = new Map<string, { value: unknown; until: number }>();

  constructor(
    private readonly origin: string,
    private readonly secret: string,
    private readonly cacheMs = 0,
  ) {}

  /** POSTs `body` to `path`. Only answers `cacheWhen` accepts are cached (when `cacheMs` > 0). */
  async post<T>(
    path: string,
    body: Record<string, unknown>,
    cacheWhen: (answer: T) => boolean = () => true,
  ): Promise<T> {
    const text = JSON.stringify(body);
    const key = `${path} ${text}`;
    const hit = this.cacheMs > 0 ? this.cache.get(key) : undefined;
    if (hit && hit.until > Date.now()) return hit.value as T;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.origin), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_CALL_HEADER]: await signInternalCall(path, text, this.secret),
        },
        body: text,
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw unavailable(`${this.origin} did not answer (${(error as Error).message})`);
    }
    if (!response.ok) throw unavailable(`${path} answered ${response.status}`);
    const value = (await response.json()) as T;
    if (this.cacheMs <= 0 || !cacheWhen(value)) return value;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { value, until: Date.now() + this.cacheMs });
    return value;
  }

  /** Forgets cached answers (e.g. when a revocation is heard). */
  forget(): void {
    this.cache.clear();
  }
}

function unavailable(detail: string): GraphQLError {
  return serviceUnavailable('A service this needs is unavailable; try again shortly.', { detail });
}
