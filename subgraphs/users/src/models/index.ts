import type { Connection } from 'mongoose';
import { consentAuditModel, consentModel } from './consent.js';
import { deviceModel } from './device.js';
import { refreshTokenModel, refreshTokenUseModel } from './refresh-token.js';
import { accountDeletionModel, revocationModel } from './revocation.js';
import { signInFailureModel } from './sign-in-failure.js';
import { userModel } from './user.js';

export * from './consent.js';
export * from './device.js';
export * from './refresh-token.js';
export * from './revocation.js';
export * from './sign-in-failure.js';
export * from './user.js';

/** Every collection of the users subgraph, bound to one connection. */
export function usersModels(db: Connection) {
  return {
    users: userModel(db),
    refreshTokens: refreshTokenModel(db),
    refreshTokenUses: refreshTokenUseModel(db),
    devices: deviceModel(db),
    consents: consentModel(db),
    consentAudit: consentAuditModel(db),
    signInFailures: signInFailureModel(db),
    revocations: revocationModel(db),
    accountDeletions: accountDeletionModel(db),
  };
}
export type UsersModels = ReturnType<typeof usersModels>;

/** Creates indexes (unique email among them) before the service takes requests. */
export async function syncIndexes(models: UsersModels): Promise<void> {
  await Promise.all(Object.values(models).map((model) => model.init()));
}
