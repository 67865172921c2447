import { badUserInput, hasControlCharacters, requireSignedInPerson } from '@mindscape/platform';
import type { EmotionsContext } from '../context.js';

const NOTE_MAX = 1000;

export const checkInResolvers = {
  Mutation: {
    async recordCheckIn(
      _: unknown,
      args: { mood: number; energy: number; note?: string | null },
      ctx: EmotionsContext,
    ) {
      // A wearable's token records biometrics only; journal and sessions are the person's own act.
      const { userId } = requireSignedInPerson(ctx.assertion);
      for (const field of ['mood', 'energy'] as const) {
        if (args[field] < 1 || args[field] > 5)
          throw badUserInput(
            field,
            `${field} ${args[field]} is out of range.`,
            'an integer from 1 to 5',
          );
      }
      const note = args.note?.trim();
      if (note && ([...note].length > NOTE_MAX || hasControlCharacters(note, true))) {
        throw badUserInput(
          'note',
          'The note is too long or contains control characters.',
          `at most ${NOTE_MAX} characters of text`,
        );
      }
      const checkIn = await ctx.models.checkIns.create({
        userId,
        mood: args.mood,
        energy: args.energy,
        ...(note ? { note } : {}),
        createdAt: new Date(),
      });
      ctx.engine.moodChanged(userId);
      return checkIn.toObject();
    },
  },
};
