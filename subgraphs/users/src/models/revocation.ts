import type { Revocation } from '@mindscape/platform';
import { Schema, type Connection } from 'mongoose';

/**
 * Revoked sessions, people, devices and consents, kept until every access token issued before
 * the revocation has expired (`expiresAt`). The gateway loads them at start and follows them
 * (docs/decisions/0022); `_id` is the entry's key, so revoking twice is one row.
 */
const revocationSchema = new Schema(
  {
    _id: { type: String, required: true },
    revocation: { type: Schema.Types.Mixed, required: true },
    revokedAt: { type: Date, required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export interface RevocationDoc {
  _id: string;
  revocation: Revocation;
  revokedAt: Date;
  expiresAt: Date;
}
export const revocationModel = (db: Connection) =>
  db.model<RevocationDoc>('Revocation', revocationSchema, 'revocations');

/**
 * An account deletion other services still have to carry out: written before the account's
 * own rows go, removed once every service in `pending` confirmed, retried until then.
 */
const accountDeletionSchema = new Schema(
  {
    _id: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    pending: { type: [String], required: true },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
  },
  { versionKey: false },
);

export interface AccountDeletionDoc {
  _id: string;
  requestedAt: Date;
  pending: string[];
  attempts: number;
  lastError: string | null;
}
export const accountDeletionModel = (db: Connection) =>
  db.model<AccountDeletionDoc>('AccountDeletion', accountDeletionSchema, 'account_deletions');
