import { Schema, type Connection, type Types } from 'mongoose';

export const DEVICE_KINDS = ['WEARABLE', 'PHONE', 'BROWSER'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

const deviceSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    kind: { type: String, enum: DEVICE_KINDS, required: true },
    name: { type: String, required: true },
    /** SHA-256 of the device token's secret part. */
    secretHash: { type: String, required: true },
    lastSeenAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export interface DeviceDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: DeviceKind;
  name: string;
  secretHash: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}
export const deviceModel = (db: Connection) =>
  db.model<DeviceDoc>('Device', deviceSchema, 'devices');
