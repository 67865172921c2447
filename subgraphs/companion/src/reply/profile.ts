import type { CompanionModels, ProfileDoc, StoredEmotion } from '../conversations/models.js';

export const DEFAULT_PROFILE = { name: 'Mira', style: 'warm', warmth: 0.7, length: 0.5 } as const;
export const STYLES = ['warm', 'calm', 'direct', 'playful'] as const;

export async function profileOf(models: CompanionModels, owner: string) {
  const doc = await models.profiles.findById(owner).lean().exec();
  return doc
    ? { name: doc.name, style: doc.style, warmth: doc.warmth, length: doc.length }
    : { ...DEFAULT_PROFILE };
}

/**
 * Slow adaptation: warmth follows how the person feels after replies (more when they are
 * low or tense, less when they are bright), by a tenth of the gap per message, so one
 * message never swings the companion's manner.
 */
export async function adaptProfile(
  models: CompanionModels,
  owner: string,
  current: { name: string; style: string; warmth: number; length: number },
  emotion: StoredEmotion | null,
): Promise<void> {
  const target = emotion
    ? emotion.valence < -0.1
      ? 0.9
      : emotion.valence > 0.3
        ? 0.5
        : 0.7
    : current.warmth;
  const warmth = round(current.warmth + 0.1 * (target - current.warmth));
  const update: Partial<ProfileDoc> = { ...current, warmth, updatedAt: new Date() };
  await models.profiles.updateOne(
    { _id: owner },
    { $set: update, $inc: { turns: 1 } },
    { upsert: true },
  );
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
