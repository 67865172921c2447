import { badUserInput, forbidden, requireIdentity, type Identity } from '@mindscape/platform';
import type { EmotionsContext } from '../context.js';
import { validateSample, type SampleInput } from '../ingest/validate-sample.js';
import type { SampleDoc } from '../models/index.js';

export const MAX_BATCH = 10_000;
/** Samples recorded by a signed-in person without naming a device (manual entry, web). */
const NO_DEVICE = 'direct';

interface BatchInput {
  deviceId?: string | null;
  samples: SampleInput[];
}

export const ingestResolvers = {
  Mutation: {
    /**
     * Stores every valid sample and reports the rest by index. Samples already stored count
     * as duplicates; the reply is sent only after the database acknowledged the writes.
     */
    async recordBiometrics(_: unknown, { input }: { input: BatchInput }, ctx: EmotionsContext) {
      const identity = requireIdentity(ctx.assertion);
      if (input.samples.length > MAX_BATCH) {
        throw badUserInput(
          'input.samples',
          `The batch has ${input.samples.length} samples.`,
          `at most ${MAX_BATCH} samples per batch`,
        );
      }
      const deviceId = await recordingDevice(ctx, identity, input.deviceId ?? undefined);
      const now = Date.now();
      const rejected: Array<{ index: number; reason: string }> = [];
      const docs: SampleDoc[] = [];
      input.samples.forEach((sample, index) => {
        const result = validateSample(sample, now);
        if (typeof result === 'string') rejected.push({ index, reason: result });
        else docs.push({ userId: identity.userId, deviceId, receivedAt: new Date(now), ...result });
      });

      // Indexes (into docs) of samples already stored: a retried batch. Written together with
      // other requests' samples that arrive meanwhile (ingest/sample-writer.ts).
      const stored = await ctx.samples.insert(docs);
      const duplicates = stored.size;
      const accepted = docs.length - duplicates;
      // Only new samples reach the live state: a replayed batch (even with other values) is
      // already in it, and must not replace what came since.
      const fresh = docs.filter((_, index) => !stored.has(index));
      if (fresh.length > 0) {
        ctx.engine.record(identity.userId, fresh);
        ctx.engine.notify(identity.userId);
      }
      return { accepted, duplicates, rejected };
    },
  },
};

/** The device the samples are recorded under; a device writes only for itself and its owner. */
async function recordingDevice(
  ctx: EmotionsContext,
  identity: Identity,
  deviceId: string | undefined,
): Promise<string> {
  if (identity.via === 'device') {
    if (deviceId !== undefined && deviceId !== identity.deviceId)
      throw forbidden('A device token can record only for its own device.');
    return identity.deviceId!;
  }
  if (deviceId === undefined) return NO_DEVICE;
  const { ownerId, revoked } = await ctx.users.post<{ ownerId: string | null; revoked: boolean }>(
    '/internal/devices/owner',
    { deviceId },
    // Only final answers are cached (revoked or unknown stays so), so a revocation applies at once.
    (answer) => answer.revoked || answer.ownerId === null,
  );
  if (ownerId !== identity.userId) throw forbidden('That device is not one of yours.');
  if (revoked)
    throw forbidden('That device has been revoked; register it again to record from it.');
  return deviceId;
}
