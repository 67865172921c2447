import { Schema, type Connection, type Types } from 'mongoose';

/**
 * One refresh token of a session. Tokens of a session form a rotation family: each works
 * once, and presenting a spent one revokes the whole family (it was probably stolen).
 */
const refreshTokenSchema = new Schema({
  sessionId: { type: Schema.Types.ObjectId, required: true, index: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  /** SHA-256 of the token's secret part; the secret itself is never stored. */
  secretHash: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  usedAt: { type: Date, default: null },
  revokedAt: { type: Date, default: null },
});

export interface RefreshTokenDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  userId: Types.ObjectId;
  secretHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}
export const refreshTokenModel = (db: Connection) =>
  db.model<RefreshTokenDoc>('RefreshToken', refreshTokenSchema, 'refresh_tokens');

/**
 * The use of a refresh token, keyed by the token's id: inserting it is the claim. A duplicate
 * `_id` is refused by the storage itself, so of two concurrent uses exactly one wins, also on
 * servers whose find-and-modify is not atomic under concurrency (FerretDB v1 on SQLite).
 */
const refreshTokenUseSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
export const refreshTokenUseModel = (db: Connection) =>
  db.model('RefreshTokenUse', refreshTokenUseSchema, 'refresh_token_uses');
