import type { EmotionsModels, PhysioStateDoc } from '../models/index.js';
import { downsample } from './downsample.js';

/** The most states one history query reads, however long the range. */
export const MAX_STATES_READ = 200_000;
const SLICES = 50;

/**
 * States over [from, to] downsampled to `points`. The range is read as up to 50 slices of at
 * most MAX_STATES_READ / 50 states each, so a year at one state a second costs bounded
 * memory and still spans the whole range; short ranges come back whole.
 */
export async function stateHistory(
  models: EmotionsModels,
  userId: string,
  from: Date,
  to: Date,
  points: number,
): Promise<PhysioStateDoc[]> {
  const span = to.getTime() - from.getTime();
  const perSlice = Math.ceil(MAX_STATES_READ / SLICES);
  const slices = await Promise.all(
    Array.from({ length: SLICES }, (_, i) => {
      const start = new Date(from.getTime() + (span * i) / SLICES);
      const end = new Date(from.getTime() + (span * (i + 1)) / SLICES);
      const at = i === SLICES - 1 ? { $gte: start, $lte: end } : { $gte: start, $lt: end };
      return models.states
        .find({ userId, at })
        .sort({ at: 1 })
        .limit(perSlice)
        .lean<PhysioStateDoc[]>()
        .exec();
    }),
  );
  return downsample(slices.flat(), from, to, points);
}
