import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * Refresh and device tokens are opaque: `<prefix>_<record id>.<secret>`. The record id finds
 * the stored row; only a SHA-256 of the 256-bit secret is stored, which is enough for a
 * random secret (no dictionary to guess from) and cheap to check on every request.
 */
export interface OpaqueToken {
  id: Types.ObjectId;
  secret: string;
}

export function newSecret(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: hashSecret(secret) };
}

export const formatToken = (prefix: string, id: Types.ObjectId, secret: string) =>
  `${prefix}_${id.toHexString()}.${secret}`;

/** Parses a token with the given prefix; undefined for anything malformed. */
export function parseToken(prefix: string, token: string): OpaqueToken | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-f]{24})\\.([A-Za-z0-9_-]{43})$`).exec(token);
  if (!match) return undefined;
  return { id: new Types.ObjectId(match[1]), secret: match[2]! };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
