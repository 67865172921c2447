import {
  requireOwner,
  requireSignedInPerson,
  type RequestAssertion,
  type Revocation,
} from '@mindscape/platform';
import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { AccountDeletions } from './accounts/deletion.js';
import type { Revocations, Revoker } from './accounts/revocations.js';
import type { SignInThrottle } from './accounts/throttle.js';
import type { Sessions } from './accounts/sessions.js';
import type { UserDoc, UsersModels } from './models/index.js';

/** Long-lived parts of the service, built once at start-up. */
export interface UsersServices {
  models: UsersModels;
  sessions: Sessions;
  throttle: SignInThrottle;
  /** Revoked sessions, people, devices and consents, announced to the gateway. */
  revocations: Revocations;
  /** Account deletions carried to the other services' data. */
  deletions: AccountDeletions;
}

export interface UsersContext extends Omit<UsersServices, 'revocations'> {
  assertion: RequestAssertion;
  /** Revokes, noting each revocation in `revokedNow`. */
  revocations: Revoker;
  /** What this operation revoked, returned with its answer for the gateway to apply at once. */
  revokedNow: Revocation[];
  /**
   * A person who proved who they are within this operation (signUp, signIn, refreshSession):
   * the payload's `user { email }` is theirs even though the request came in anonymous.
   */
  authenticatedNow?: string;
  /** Per request, so one operation over N users is one database query. */
  usersById: DataLoader<string, UserDoc | null>;
}

/**
 * FORBIDDEN unless the caller is the person who owns `ownerId` (signed in, not a device: a
 * wearable's token never reads account details), or just signed in as it in this operation.
 */
export function requireAccountOwner(ctx: UsersContext, ownerId: string, what: string): void {
  if (ctx.authenticatedNow === ownerId) return;
  requireOwner(ctx.assertion, ownerId, what);
  requireSignedInPerson(ctx.assertion);
}

export function usersContext(services: UsersServices, assertion: RequestAssertion): UsersContext {
  const revokedNow: Revocation[] = [];
  const revocations = services.revocations.reportingTo(revokedNow);
  return {
    ...services,
    revocations,
    sessions: services.sessions.revokingWith(revocations),
    revokedNow,
    assertion,
    usersById: new DataLoader(async (ids) => {
      const valid = ids.filter((id) => Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/.test(id));
      const docs = await services.models.users.find({ _id: { $in: valid } }).lean<UserDoc[]>();
      const byId = new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
