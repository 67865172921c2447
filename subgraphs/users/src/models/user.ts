import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const userSchema = new Schema(
  {
    /** Trimmed and lower-cased, so one address is one account. */
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true },
  },
  { timestamps: true },
);

export type UserDoc = InferSchemaType<typeof userSchema> & {
  _id: import('mongoose').Types.ObjectId;
};
export const userModel = (db: Connection) => db.model('User', userSchema, 'users');
