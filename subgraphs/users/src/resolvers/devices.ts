import { badUserInput, notFound, requireSignedInPerson } from '@mindscape/platform';
import { Types } from 'mongoose';
import { formatToken, newSecret, parseToken, secretMatches } from '../accounts/opaque-token.js';
import { DEVICE_NAME_MAX, normalizeName } from '../accounts/validation.js';
import { requireAccountOwner, type UsersContext, type UsersServices } from '../context.js';
import { parseId } from '../ids.js';
import type { DeviceDoc, DeviceKind, UserDoc } from '../models/index.js';

export const MAX_ACTIVE_DEVICES = 20;
const PREFIX = 'dt';
/** lastSeenAt is a hint for the person, not an audit log: one write a minute is plenty. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export const deviceResolvers = {
  User: {
    async devices(user: UserDoc, _: unknown, ctx: UsersContext) {
      requireAccountOwner(ctx, user._id.toHexString(), 'the devices of an account');
      return ctx.models.devices
        .find({ userId: user._id, revokedAt: null })
        .sort({ createdAt: 1 })
        .lean()
        .exec();
    },
  },
  Device: { id: (device: DeviceDoc) => device._id.toHexString() },
  Mutation: {
    async registerDevice(_: unknown, args: { kind: DeviceKind; name: string }, ctx: UsersContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const name = normalizeName(args.name, 'name', DEVICE_NAME_MAX);
      const active = await ctx.models.devices.countDocuments({ userId, revokedAt: null });
      if (active >= MAX_ACTIVE_DEVICES) {
        throw badUserInput(
          'kind',
          `You already have ${active} devices; revoke one first.`,
          `at most ${MAX_ACTIVE_DEVICES} active devices`,
        );
      }
      const { secret, secretHash } = newSecret();
      const device = await ctx.models.devices.create({
        userId: new Types.ObjectId(userId),
        kind: args.kind,
        name,
        secretHash,
      });
      return { device: device.toObject(), token: formatToken(PREFIX, device._id, secret) };
    },

    async revokeDevice(_: unknown, args: { id: string }, ctx: UsersContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const id = parseId(args.id, 'id');
      // Revoking twice is harmless: the second call returns the device as it already is.
      const device =
        (await ctx.models.devices
          .findOneAndUpdate(
            { _id: id, userId, revokedAt: null },
            { $set: { revokedAt: new Date() } },
            { new: true },
          )
          .lean()) ?? (await ctx.models.devices.findOne({ _id: id, userId }).lean());
      // Someone else's device looks exactly like a missing one, so ids reveal nothing.
      if (!device) throw notFound('That device');
      // Also when it was revoked already: announcing again is harmless and heals a lost event.
      await ctx.revocations.revoke({ kind: 'device', id: device._id.toHexString() });
      return device;
    },
  },
};

/** Resolves a device token to its owner, for the gateway; undefined when invalid or revoked. */
export async function verifyDeviceToken(
  services: UsersServices,
  token: string,
): Promise<{ userId: string; deviceId: string } | undefined> {
  const parsed = parseToken(PREFIX, token);
  if (!parsed) return undefined;
  const device = await services.models.devices.findById(parsed.id).lean();
  if (!device || device.revokedAt || !secretMatches(parsed.secret, device.secretHash))
    return undefined;
  const now = Date.now();
  if (!device.lastSeenAt || now - device.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await services.models.devices.updateOne(
      { _id: device._id },
      { $set: { lastSeenAt: new Date(now) } },
    );
  }
  return { userId: device.userId.toHexString(), deviceId: device._id.toHexString() };
}
