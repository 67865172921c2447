import type { Identity } from './identity.js';

/**
 * What the users subgraph announces when something stops being allowed (docs/decisions/0022).
 * The gateway refuses a revoked session, person or device on its next request and closes
 * their sockets; a revoked consent makes the grantee's live streams authorize again.
 * `until` (ISO time) is when the entry no longer matters: every access token issued before
 * the revocation has expired by then.
 */
export type Revocation =
  | { kind: 'session'; id: string; until: string }
  | { kind: 'user'; id: string; until: string }
  | { kind: 'device'; id: string; until: string }
  | { kind: 'consent'; ownerId: string; granteeId: string; scope: string; until: string };

/** The event bus topic revocations travel on. */
export const REVOCATIONS_TOPIC = 'identity.revoked';

/**
 * The response extension in which the users subgraph returns what an operation revoked: the
 * gateway that carried it applies them before it answers (docs/decisions/0022).
 */
export const REVOCATIONS_EXTENSION = 'revocations';

const ID = /^[\w.:-]{1,200}$/;

/** `value` as a revocation when it has one's shape, else undefined (nothing else is applied). */
export function asRevocation(value: unknown): Revocation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const ok = (field: unknown) => typeof field === 'string' && ID.test(field);
  if (typeof r.until !== 'string' || Number.isNaN(Date.parse(r.until))) return undefined;
  if (r.kind === 'consent')
    return ok(r.ownerId) && ok(r.granteeId) && ok(r.scope) ? (r as Revocation) : undefined;
  if (r.kind === 'session' || r.kind === 'user' || r.kind === 'device')
    return ok(r.id) ? (r as Revocation) : undefined;
  return undefined;
}

/** The key an entry is stored and de-duplicated under. */
export function revocationKey(revocation: Revocation): string {
  return revocation.kind === 'consent'
    ? `consent:${revocation.ownerId}:${revocation.granteeId}:${revocation.scope}`
    : `${revocation.kind}:${revocation.id}`;
}

/** Whether `revocation` ends what `identity` may do (consent revocations do not end identities). */
export function revokesIdentity(revocation: Revocation, identity: Identity): boolean {
  switch (revocation.kind) {
    case 'user':
      return identity.userId === revocation.id;
    case 'session':
      return identity.via === 'session' && identity.sessionId === revocation.id;
    case 'device':
      return identity.via === 'device' && identity.deviceId === revocation.id;
    case 'consent':
      return false;
  }
}

/** Whether `revocation` changes what `identity` may watch (it was the grantee, or it ended). */
export function concernsIdentity(revocation: Revocation, identity: Identity): boolean {
  return revocation.kind === 'consent'
    ? revocation.granteeId === identity.userId
    : revokesIdentity(revocation, identity);
}

/**
 * The revoked sessions, people and devices a service knows of, each kept until its `until`:
 * a lookup per request is three map reads.
 */
export class RevocationList {
  private readonly entries = new Map<string, number>();

  add(revocation: Revocation): void {
    if (revocation.kind === 'consent') return;
    const until = Date.parse(revocation.until);
    if (!(until > Date.now())) return;
    const key = revocationKey(revocation);
    this.entries.set(key, Math.max(until, this.entries.get(key) ?? 0));
  }

  revokes(identity: Identity): boolean {
    const now = Date.now();
    const keys = [`user:${identity.userId}`];
    if (identity.via === 'session' && identity.sessionId)
      keys.push(`session:${identity.sessionId}`);
    if (identity.via === 'device' && identity.deviceId) keys.push(`device:${identity.deviceId}`);
    return keys.some((key) => (this.entries.get(key) ?? 0) > now);
  }

  /** Forgets entries whose tokens have all expired. */
  prune(now = Date.now()): void {
    for (const [key, until] of this.entries) if (until <= now) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
