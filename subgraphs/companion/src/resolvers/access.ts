import { forbidden, requireSignedInPerson, type Identity } from '@mindscape/platform';
import type { CompanionContext } from '../context.js';

/**
 * The companion's data is its person's alone, read in a signed-in session: a device acting
 * for them (a wearable) has no business with their confidences.
 */
export function requireSelf(ctx: CompanionContext, userId: string): Identity {
  const identity = requireSignedInPerson(ctx.assertion);
  if (identity.userId !== userId) throw forbidden('Only the person themself can see this.');
  return identity;
}

/** Crisis alerts: the person, or someone holding their CRISIS_ALERTS consent. */
export async function requireCrisisWatcher(
  ctx: CompanionContext,
  userId: string,
): Promise<Identity> {
  const identity = requireSignedInPerson(ctx.assertion);
  if (identity.userId === userId) return identity;
  if (await ctx.mayWatchCrisis(userId, identity.userId)) return identity;
  throw forbidden("Crisis alerts are shown only with the person's CRISIS_ALERTS consent.");
}
