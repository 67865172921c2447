import { Schema, type Connection } from 'mongoose';

/** Failed sign-ins per key (`account:<email>` or `ip:<address>`), for backoff. */
const signInFailureSchema = new Schema({
  _id: { type: String, required: true },
  failures: { type: Number, required: true, default: 0 },
  lastFailureAt: { type: Date, required: true },
  blockedUntil: { type: Date, default: null },
});

export interface SignInFailureDoc {
  _id: string;
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
}
export const signInFailureModel = (db: Connection) =>
  db.model<SignInFailureDoc>('SignInFailure', signInFailureSchema, 'sign_in_failures');
