import { beatsFromSamples, hrvFeatures } from '@mindscape/biosignals';
import { DateTimeScalar, badUserInput } from '@mindscape/platform';
import { checkRange, type Range } from '../input.js';
import { requireReader } from '../access.js';
import type { EmotionsContext } from '../context.js';
import type { PhysioStateDoc } from '../models/index.js';
import { stateHistory } from '../state/history.js';

const DAY_MS = 24 * 3600_000;
const MAX_HISTORY_MS = 366 * DAY_MS;
const MAX_HRV_MS = DAY_MS;

export const userResolvers = {
  DateTime: DateTimeScalar,
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),

    async currentState(user: { id: string }, _: unknown, ctx: EmotionsContext) {
      await requireReader(ctx, user.id, 'LIVE_STATE');
      return ctx.latestState.load(user.id);
    },

    async stateHistory(
      user: { id: string },
      args: Range & { resolution?: number | null },
      ctx: EmotionsContext,
    ) {
      await requireReader(ctx, user.id, 'HISTORY');
      checkRange(args, MAX_HISTORY_MS, 'a range of at most 366 days, `from` before `to`');
      const resolution = args.resolution ?? 200;
      if (!Number.isInteger(resolution) || resolution < 1 || resolution > 2000) {
        throw badUserInput(
          'resolution',
          `resolution ${resolution} is out of range.`,
          'an integer from 1 to 2000',
        );
      }
      return stateHistory(ctx.models, user.id, args.from, args.to, resolution);
    },

    async hrv(user: { id: string }, args: Range, ctx: EmotionsContext) {
      await requireReader(ctx, user.id, 'HISTORY');
      checkRange(args, MAX_HRV_MS, 'a range of at most 24 hours, `from` before `to`');
      const samples = await ctx.models.samples
        .find(
          { userId: user.id, t: { $gte: args.from, $lte: args.to }, rr: { $exists: true } },
          { t: 1, rr: 1, deviceId: 1 },
        )
        .sort({ t: 1 })
        .lean()
        .exec();
      if (samples.length === 0) return null;
      // The device with the most RR data in the range: beats of two devices do not mix.
      const perDevice = new Map<string, typeof samples>();
      for (const s of samples) {
        const list = perDevice.get(s.deviceId);
        if (list) list.push(s);
        else perDevice.set(s.deviceId, [s]);
      }
      const chosen = [...perDevice.values()].sort((a, b) => b.length - a.length)[0]!;
      return hrvFeatures(
        beatsFromSamples(chosen.map((s) => ({ timestamp: s.t.getTime(), rrIntervals: s.rr }))),
      );
    },

    async checkIns(user: { id: string }, args: Range, ctx: EmotionsContext) {
      await requireReader(ctx, user.id, 'HISTORY');
      checkRange(args, MAX_HISTORY_MS, 'a range of at most 366 days, `from` before `to`');
      return ctx.checkIns.load({ userId: user.id, from: args.from, to: args.to });
    },
  },
  PhysioState: {
    user: (state: PhysioStateDoc) => ({ id: state.userId }),
    updatedAt: (state: PhysioStateDoc) => state.at,
  },
  CheckIn: { id: (checkIn: { _id: { toHexString(): string } }) => checkIn._id.toHexString() },
};
