import {
  forbidden,
  requireIdentity,
  type InternalClient,
  type RequestAssertion,
} from '@mindscape/platform';

export type ConsentScope = 'LIVE_STATE' | 'HISTORY' | 'JOURNAL';

/**
 * Biometrics and states are private: the person reads their own; anyone else needs the
 * person's standing consent for the scope, which the users subgraph keeps.
 */
export async function requireReader(
  assertion: RequestAssertion,
  users: InternalClient,
  ownerId: string,
  scope: ConsentScope,
): Promise<void> {
  const { userId } = requireIdentity(assertion);
  if (userId === ownerId) return;
  const { granted } = await users.post<{ granted: boolean }>(
    '/internal/consents/check',
    { ownerId, granteeId: userId, scope },
    (answer) => answer.granted,
  );
  if (!granted)
    throw forbidden(`Only the person, or someone they granted ${scope} consent, can see this.`);
}
