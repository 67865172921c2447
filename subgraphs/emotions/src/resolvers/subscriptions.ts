import { personalStream } from '../access.js';
import type { EmotionsContext } from '../context.js';
import type { PhysioStateDoc } from '../models/index.js';
import { stateTopic } from '../state/state-engine.js';

export const subscriptionResolvers = {
  Subscription: {
    stateChanged: {
      subscribe: (_: unknown, args: { userId?: string | null }, ctx: EmotionsContext) =>
        personalStream<PhysioStateDoc>(ctx, args.userId, 'LIVE_STATE', stateTopic, 'stateChanged'),
    },
  },
};
