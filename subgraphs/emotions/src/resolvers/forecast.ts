import { DAY_MS, dailySeries, dayOf, forecastNextDay, type Day } from '@mindscape/ml';
import { requireReader } from '../access.js';
import type { EmotionsContext } from '../context.js';
import { stateHistory } from '../state/history.js';

const HISTORY_DAYS = 120;

export const forecastResolvers = {
  User: {
    /** Refit on every call (≈ 70 ms), so it always reflects the newest check-ins. */
    async moodForecast(user: { id: string }, _: unknown, ctx: EmotionsContext) {
      await requireReader(ctx, user.id, 'HISTORY');
      const to = ctx.requestedAt;
      const from = new Date(to.getTime() - HISTORY_DAYS * DAY_MS);
      const [checkIns, states] = await Promise.all([
        ctx.checkIns.load({ userId: user.id, from, to }),
        stateHistory(ctx.models, user.id, from, to, HISTORY_DAYS),
      ]);
      if (checkIns.length === 0) return null;
      const days = dailySeries(checkIns, states);
      // Up to today, so the forecast is for tomorrow even after days without data.
      const today = dayOf(to);
      for (let day = (days.at(-1)?.day ?? today) + 1; day <= today; day++)
        days.push({ day, mood: null, energy: null, stress: null } satisfies Day);
      const forecast = await forecastNextDay(days);
      return { ...forecast, date: new Date((today + 1) * DAY_MS) };
    },
  },
};
