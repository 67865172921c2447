import { badUserInput, hasControlCharacters, requireSignedInPerson } from '@mindscape/platform';
import { personalStream, requireReader } from '../access.js';
import { checkRange } from '../input.js';
import type { EmotionsContext } from '../context.js';
import type { EmotionReadingDoc } from '../models/index.js';

export const TEXT_MAX = 5000;
export const emotionTopic = (userId: string) => `emotion:${userId}`;
const allowed = `1 to ${TEXT_MAX} characters of UTF-8 text`;

/** Journal text as people write it; anything else is refused before the model sees it. */
export function checkJournalText(raw: string): string {
  const text = raw.trim();
  if (text.length === 0) throw badUserInput('text', 'The text is empty.', allowed);
  if ([...text].length > TEXT_MAX)
    throw badUserInput('text', `The text is longer than ${TEXT_MAX} characters.`, allowed);
  // A lone surrogate, or U+FFFD where a decoder met bytes that were not UTF-8: not text.
  if (!text.isWellFormed() || text.includes('\uFFFD'))
    throw badUserInput('text', 'The text is not valid UTF-8.', allowed);
  if (hasControlCharacters(text, true))
    throw badUserInput('text', 'The text contains control characters.', allowed);
  return text;
}

export const emotionResolvers = {
  Mutation: {
    async recordEmotion(_: unknown, args: { text: string }, ctx: EmotionsContext) {
      // A wearable's token records biometrics only; journal and sessions are the person's own act.
      const { userId } = requireSignedInPerson(ctx.assertion);
      const text = checkJournalText(args.text);
      const reading = await ctx.reader.read(text);
      const doc = (
        await ctx.models.emotionReadings.create({ userId, text, ...reading, createdAt: new Date() })
      ).toObject();
      await ctx.bus.publish(emotionTopic(userId), doc);
      ctx.engine.moodChanged(userId);
      return doc;
    },
  },
  User: {
    async emotionReadings(
      user: { id: string },
      args: { from: Date; to: Date },
      ctx: EmotionsContext,
    ) {
      await requireReader(ctx, user.id, 'JOURNAL');
      checkRange(args, Number.POSITIVE_INFINITY, '`from` before `to`');
      return ctx.emotionReadings.load({ userId: user.id, from: args.from, to: args.to });
    },
  },
  EmotionReading: {
    // A reading that crossed Redis as an event carries its id as a string, not an ObjectId.
    id: (doc: EmotionReadingDoc) => String(doc._id),
    user: (doc: EmotionReadingDoc) => ({ id: doc.userId }),
  },
  Subscription: {
    emotionRecorded: {
      subscribe: (_: unknown, args: { userId?: string | null }, ctx: EmotionsContext) =>
        personalStream<EmotionReadingDoc>(
          ctx,
          args.userId,
          'JOURNAL',
          emotionTopic,
          'emotionRecorded',
        ),
    },
  },
};
