import { forbidden, unauthenticated } from './errors.js';
import type { Identity, RequestAssertion } from './identity.js';

/** The caller's identity, or UNAUTHENTICATED. */
export function requireIdentity(assertion: RequestAssertion): Identity {
  if (!assertion.identity) throw unauthenticated();
  return assertion.identity;
}

/** Account management needs a person signed in, not a device acting for them. */
export function requireSignedInPerson(assertion: RequestAssertion): Identity {
  const identity = requireIdentity(assertion);
  if (identity.via !== 'session') {
    throw forbidden('A device token cannot do this; sign in as the person who owns the account.');
  }
  return identity;
}

/** FORBIDDEN unless the caller is the owner of the data. */
export function requireOwner(assertion: RequestAssertion, ownerId: string, what: string): Identity {
  const identity = requireIdentity(assertion);
  if (identity.userId !== ownerId) throw forbidden(`Only its owner can see ${what}.`);
  return identity;
}
