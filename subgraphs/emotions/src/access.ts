import {
  forbidden,
  requireIdentity,
  type EventBus,
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

/**
 * A live stream of one person's events for a subscription field: the caller's own when
 * `userId` is omitted, anyone else's only with the person's consent for `scope`.
 */
export async function* personalStream<T>(
  ctx: { assertion: RequestAssertion; users: InternalClient; bus: EventBus },
  userId: string | null | undefined,
  scope: ConsentScope,
  topicOf: (userId: string) => string,
  field: string,
): AsyncGenerator<Record<string, T>> {
  const { userId: self } = requireIdentity(ctx.assertion);
  const target = userId ?? self;
  await requireReader(ctx.assertion, ctx.users, target, scope);
  const stop = new AbortController();
  try {
    for await (const event of ctx.bus.subscribe<T>(topicOf(target), stop.signal))
      yield { [field]: event };
  } finally {
    stop.abort();
  }
}
