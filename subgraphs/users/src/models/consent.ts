import { Schema, type Connection, type Types } from 'mongoose';

export const CONSENT_SCOPES = ['LIVE_STATE', 'HISTORY', 'JOURNAL', 'CRISIS_ALERTS'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** A standing permission: `granteeId` may watch `ownerId`'s data within `scope`. */
const consentSchema = new Schema({
  ownerId: { type: Schema.Types.ObjectId, required: true, index: true },
  granteeId: { type: Schema.Types.ObjectId, required: true, index: true },
  scope: { type: String, enum: CONSENT_SCOPES, required: true },
  grantedAt: { type: Date, required: true },
  revokedAt: { type: Date, default: null },
});

export interface ConsentDoc {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  granteeId: Types.ObjectId;
  scope: ConsentScope;
  grantedAt: Date;
  revokedAt: Date | null;
}
export const consentModel = (db: Connection) =>
  db.model<ConsentDoc>('Consent', consentSchema, 'consents');

/**
 * The append-only record of every grant and revocation. It names people by id only and is
 * kept when an account is deleted, so a grantee's past access stays accountable.
 */
const consentAuditSchema = new Schema({
  ownerId: { type: Schema.Types.ObjectId, required: true, index: true },
  granteeId: { type: Schema.Types.ObjectId, required: true },
  consentId: { type: Schema.Types.ObjectId, required: true },
  scope: { type: String, enum: CONSENT_SCOPES, required: true },
  action: { type: String, enum: ['GRANTED', 'REVOKED'], required: true },
  at: { type: Date, required: true },
});
const refuseChange = () => {
  throw new Error('The consent audit trail is append-only.');
};
for (const op of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const) {
  consentAuditSchema.pre(op, refuseChange);
}

export interface ConsentAuditDoc {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  granteeId: Types.ObjectId;
  consentId: Types.ObjectId;
  scope: ConsentScope;
  action: 'GRANTED' | 'REVOKED';
  at: Date;
}
export const consentAuditModel = (db: Connection) =>
  db.model<ConsentAuditDoc>('ConsentAudit', consentAuditSchema, 'consent_audit');
