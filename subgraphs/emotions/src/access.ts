import DataLoader from 'dataloader';
import {
  authorizedStream,
  forbidden,
  requireIdentity,
  type EventBus,
  type InternalClient,
  type RequestAssertion,
} from '@mindscape/platform';

export type ConsentScope = 'LIVE_STATE' | 'HISTORY' | 'JOURNAL';

/** What a reader check needs: who asks, and the batched consent lookups of the request. */
export interface ReaderContext {
  assertion: RequestAssertion;
  /** `${scope}:${ownerId}` → whether the caller holds that consent (context.ts). */
  consents: DataLoader<string, boolean>;
}

/**
 * Biometrics and states are private: the person reads their own; anyone else needs the
 * person's standing consent for the scope, which the users subgraph keeps.
 */
export async function requireReader(
  ctx: ReaderContext,
  ownerId: string,
  scope: ConsentScope,
): Promise<void> {
  const { userId, via } = requireIdentity(ctx.assertion);
  // A device token does what a wearable needs: its owner's live state, nothing stored.
  if (via === 'device') {
    if (userId === ownerId && scope === 'LIVE_STATE') return;
    throw forbidden('A device token can read only its owner’s current state; sign in to see more.');
  }
  if (userId === ownerId) return;
  if (!(await ctx.consents.load(`${scope}:${ownerId}`)))
    throw forbidden(`Only the person, or someone they granted ${scope} consent, can see this.`);
}

/**
 * The consent lookups of one request, one call to the users subgraph per scope: N people on a
 * dashboard are one round-trip, not N. Nothing is cached beyond the request: a revoked
 * consent is refused on the next request.
 */
export function consentLoader(
  users: InternalClient,
  assertion: RequestAssertion,
): DataLoader<string, boolean> {
  return new DataLoader(async (keys) => {
    const granteeId = assertion.identity?.userId;
    if (!granteeId) return keys.map(() => false);
    const byScope = new Map<string, string[]>();
    for (const key of keys) {
      const [scope, ownerId] = key.split(':') as [string, string];
      byScope.set(scope, [...(byScope.get(scope) ?? []), ownerId]);
    }
    const answers = new Map<string, boolean>();
    for (const [scope, ownerIds] of byScope) {
      for (let i = 0; i < ownerIds.length; i += 1000) {
        const { granted } = await users.post<{ granted: Record<string, boolean> }>(
          '/internal/consents/check',
          { ownerIds: ownerIds.slice(i, i + 1000), granteeId, scope },
          () => false,
        );
        for (const [ownerId, yes] of Object.entries(granted))
          answers.set(`${scope}:${ownerId}`, yes);
      }
    }
    return keys.map((key) => answers.get(key) ?? false);
  });
}

/** The same reader with an empty consent loader (a DataLoader remembers its answers). */
const fresh = (ctx: ReaderContext & { users: InternalClient }): ReaderContext => ({
  ...ctx,
  consents: consentLoader(ctx.users, ctx.assertion),
});

/**
 * A live stream of one person's events for a subscription field: the caller's own when
 * `userId` is omitted, anyone else's only with the person's consent for `scope`.
 */
export async function personalStream<T>(
  ctx: ReaderContext & { bus: EventBus; users: InternalClient },
  userId: string | null | undefined,
  scope: ConsentScope,
  topicOf: (userId: string) => string,
  field: string,
): Promise<AsyncIterableIterator<Record<string, T>>> {
  return authorizedStream(ctx.bus, field, async () => {
    const { userId: self } = requireIdentity(ctx.assertion);
    const target = userId ?? self;
    await requireReader(ctx, target, scope);
    return {
      topic: topicOf(target),
      present: async (event: T) => {
        // Someone else's stream is authorized again before each event: a revoked consent
        // ends it (FORBIDDEN) at the latest at the next event, whatever the gateway heard.
        if (target !== self) await requireReader(fresh(ctx), target, scope);
        return event;
      },
    };
  });
}
