import {
  badUserInput,
  hasControlCharacters,
  isDuplicateKey,
  requireSignedInPerson,
} from '@mindscape/platform';
import { requireReader } from '../access.js';
import type { EmotionsContext } from '../context.js';
import { checkRange, type Range } from '../input.js';
import type { EmotionsModels, ListeningSessionDoc } from '../models/index.js';

const HOUR_MS = 3600_000;
const MAX_SESSION_MS = 12 * HOUR_MS;
const MAX_RANGE_MS = 366 * 24 * HOUR_MS;
/** A client clock a little ahead of ours is not an error; a session ending later than this is. */
const CLOCK_SLACK_MS = 60_000;
const SUMMARY_WINDOW_MS = 60_000;

export interface ListeningSessionInput {
  clientId: string;
  program: string;
  startedAt: Date;
  endedAt: Date;
  exposureSeconds: number;
  adjustments: number;
}

/** Refuses anything a real session could not be, naming the field and what is allowed. */
export function checkSessionInput(input: ListeningSessionInput, now = Date.now()): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.clientId))
    throw badUserInput(
      'input.clientId',
      'The client id is not valid.',
      '1–64 letters, digits, - or _',
    );
  const program = input.program.trim();
  if (program.length === 0 || [...program].length > 64 || hasControlCharacters(program))
    throw badUserInput(
      'input.program',
      'The program name is not valid.',
      '1–64 characters of text',
    );
  const started = input.startedAt.getTime();
  const ended = input.endedAt.getTime();
  if (ended <= started)
    throw badUserInput('input.endedAt', '`endedAt` must be after `startedAt`.', 'after startedAt');
  if (ended - started > MAX_SESSION_MS)
    throw badUserInput('input.endedAt', 'The session is too long.', 'at most 12 hours');
  if (ended > now + CLOCK_SLACK_MS)
    throw badUserInput('input.endedAt', '`endedAt` is in the future.', 'a time in the past');
  const duration = (ended - started) / 1000;
  if (!(input.exposureSeconds >= 0 && input.exposureSeconds <= duration + 1))
    throw badUserInput(
      'input.exposureSeconds',
      `exposureSeconds ${input.exposureSeconds} is out of range.`,
      `0 to the session's duration (${Math.round(duration)} s)`,
    );
  if (!Number.isInteger(input.adjustments) || input.adjustments < 0 || input.adjustments > 10_000)
    throw badUserInput(
      'input.adjustments',
      `adjustments ${input.adjustments} is out of range.`,
      'an integer from 0 to 10,000',
    );
}

type Summary = Pick<
  ListeningSessionDoc,
  'heartRateStart' | 'heartRateEnd' | 'rmssdStart' | 'rmssdEnd' | 'stressStart' | 'stressEnd'
>;

/** Means of the stored states over the session's first and last minute (a third if shorter). */
export async function summarize(
  models: EmotionsModels,
  userId: string,
  startedAt: Date,
  endedAt: Date,
): Promise<Summary> {
  const span = Math.min(SUMMARY_WINDOW_MS, (endedAt.getTime() - startedAt.getTime()) / 3);
  const within = (from: number, to: number) =>
    models.states
      .find(
        { userId, at: { $gte: new Date(from), $lte: new Date(to) } },
        { heartRate: 1, 'hrv.rmssd': 1, stress: 1 },
      )
      .lean()
      .exec();
  const [first, last] = await Promise.all([
    within(startedAt.getTime(), startedAt.getTime() + span),
    within(endedAt.getTime() - span, endedAt.getTime()),
  ]);
  const mean = (states: typeof first, pick: (s: (typeof first)[number]) => unknown) => {
    const values = states.map(pick).filter((v): v is number => typeof v === 'number');
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
  };
  const summary: Summary = {
    heartRateStart: mean(first, (s) => s.heartRate),
    heartRateEnd: mean(last, (s) => s.heartRate),
    rmssdStart: mean(first, (s) => s.hrv?.rmssd),
    rmssdEnd: mean(last, (s) => s.hrv?.rmssd),
    stressStart: mean(first, (s) => s.stress),
    stressEnd: mean(last, (s) => s.stress),
  };
  return Object.fromEntries(
    Object.entries(summary).filter(([, value]) => value !== undefined),
  ) as Summary;
}

export const listeningSessionResolvers = {
  Mutation: {
    async recordListeningSession(
      _: unknown,
      { input }: { input: ListeningSessionInput },
      ctx: EmotionsContext,
    ) {
      // A wearable's token records biometrics only; journal and sessions are the person's own act.
      const { userId } = requireSignedInPerson(ctx.assertion);
      checkSessionInput(input);
      const existing = await ctx.models.listeningSessions
        .findOne({ userId, clientId: input.clientId })
        .lean()
        .exec();
      if (existing) return existing;
      const doc = {
        userId,
        clientId: input.clientId,
        program: input.program.trim(),
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        exposureSeconds: input.exposureSeconds,
        adjustments: input.adjustments,
        ...(await summarize(ctx.models, userId, input.startedAt, input.endedAt)),
        createdAt: new Date(),
      };
      try {
        return (await ctx.models.listeningSessions.create(doc)).toObject();
      } catch (error) {
        // Two saves of one session raced: the unique index kept the first; answer with it.
        if (!isDuplicateKey(error)) throw error;
        return ctx.models.listeningSessions
          .findOne({ userId, clientId: input.clientId })
          .lean()
          .exec();
      }
    },
  },
  User: {
    async listeningSessions(user: { id: string }, args: Range, ctx: EmotionsContext) {
      await requireReader(ctx, user.id, 'HISTORY');
      checkRange(args, MAX_RANGE_MS, 'a range of at most 366 days, `from` before `to`');
      return ctx.models.listeningSessions
        .find({ userId: user.id, startedAt: { $gte: args.from, $lte: args.to } })
        .sort({ startedAt: 1 })
        .limit(5000)
        .lean()
        .exec();
    },
  },
  ListeningSession: {
    id: (doc: ListeningSessionDoc) => String(doc._id),
    user: (doc: ListeningSessionDoc) => ({ id: doc.userId }),
    durationSeconds: (doc: ListeningSessionDoc) =>
      (doc.endedAt.getTime() - doc.startedAt.getTime()) / 1000,
  },
};
