import { requireIdentity } from '@mindscape/platform';
import { requireReader } from '../access.js';
import type { EmotionsContext } from '../context.js';
import type { PhysioStateDoc } from '../models/index.js';
import { stateTopic } from '../state/state-engine.js';

export const subscriptionResolvers = {
  Subscription: {
    stateChanged: {
      async *subscribe(_: unknown, args: { userId?: string | null }, ctx: EmotionsContext) {
        const { userId: self } = requireIdentity(ctx.assertion);
        const target = args.userId ?? self;
        await requireReader(ctx.assertion, ctx.users, target, 'LIVE_STATE');
        const stop = new AbortController();
        try {
          for await (const state of ctx.bus.subscribe<PhysioStateDoc>(
            stateTopic(target),
            stop.signal,
          )) {
            yield { stateChanged: state };
          }
        } finally {
          stop.abort();
        }
      },
    },
  },
};
