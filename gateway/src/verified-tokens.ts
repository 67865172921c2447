import type { Identity } from '@mindscape/platform';

/**
 * Access tokens this gateway has verified, by their exact text, until they expire or for at
 * most `maxAgeMs` (so a key withdrawn from the users subgraph's key set stops counting within
 * that). A wearable or page sends the same token with every request; verifying its ES256
 * signature each time was a tenth of the gateway's CPU per ingest request at 1,000 streaming
 * people. Revocation is not cached here: the revocation list is checked on every request.
 */
export class VerifiedTokens {
  /** Map order is insertion order: the first entry is the oldest, evicted first. */
  private readonly entries = new Map<
    string,
    { identity: Identity; expiresAt: number; until: number }
  >();

  constructor(
    private readonly capacity = 10_000,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The token's identity and expiry (epoch ms) if it was verified and is still current. */
  get(token: string): { identity: Identity; expiresAt: number } | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return { identity: { ...entry.identity }, expiresAt: entry.expiresAt };
  }

  /** Remembers a token whose signature and claims just verified. */
  set(token: string, identity: Identity, expiresAt: number): void {
    const until = Math.min(expiresAt, this.now() + this.maxAgeMs);
    if (until <= this.now()) return;
    this.entries.delete(token);
    this.entries.set(token, { identity: { ...identity }, expiresAt, until });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
