import { badUserInput, notFound, requireSignedInPerson } from '@mindscape/platform';
import { Types } from 'mongoose';
import { normalizeEmail } from '../accounts/validation.js';
import { requireAccountOwner, type UsersContext } from '../context.js';
import { parseId } from '../ids.js';
import type { ConsentAuditDoc, ConsentDoc, ConsentScope, UserDoc } from '../models/index.js';

export const consentResolvers = {
  User: {
    consents(user: UserDoc, _: unknown, ctx: UsersContext) {
      requireAccountOwner(ctx, user._id.toHexString(), 'the consents an account has granted');
      return ctx.models.consents
        .find({ ownerId: user._id, revokedAt: null })
        .sort({ grantedAt: 1 })
        .lean()
        .exec();
    },
    consentsReceived(user: UserDoc, _: unknown, ctx: UsersContext) {
      requireAccountOwner(ctx, user._id.toHexString(), 'the consents an account has received');
      return ctx.models.consents
        .find({ granteeId: user._id, revokedAt: null })
        .sort({ grantedAt: 1 })
        .lean()
        .exec();
    },
    consentAudit(user: UserDoc, _: unknown, ctx: UsersContext) {
      requireAccountOwner(ctx, user._id.toHexString(), "an account's consent history");
      return ctx.models.consentAudit
        .find({ ownerId: user._id })
        .sort({ at: 1, _id: 1 })
        .lean()
        .exec();
    },
  },
  Consent: {
    id: (consent: ConsentDoc) => consent._id.toHexString(),
    owner: (consent: ConsentDoc, _: unknown, ctx: UsersContext) => loadUser(ctx, consent.ownerId),
    grantee: (consent: ConsentDoc, _: unknown, ctx: UsersContext) =>
      loadUser(ctx, consent.granteeId),
  },
  ConsentAuditEntry: { granteeId: (entry: ConsentAuditDoc) => entry.granteeId.toHexString() },
  Mutation: {
    /** Granting what is already granted returns the standing consent (no second audit row). */
    async grantConsent(
      _: unknown,
      args: { scope: ConsentScope; granteeEmail: string },
      ctx: UsersContext,
    ) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const email = normalizeEmail(args.granteeEmail, 'granteeEmail');
      await ctx.throttle.checkAddress(ctx.assertion.clientIp);
      const grantee = await ctx.models.users.findOne({ email }).lean<UserDoc>();
      if (!grantee) {
        // Asking about addresses costs the asker: their address is throttled like sign-ins.
        await ctx.throttle.recordAddressFailure(ctx.assertion.clientIp);
        throw badUserInput('granteeEmail', 'No MindScape account uses that email.');
      }
      if (grantee._id.toHexString() === userId)
        throw badUserInput('granteeEmail', 'You cannot grant consent to yourself.');
      const ownerId = new Types.ObjectId(userId);
      const standing = await ctx.models.consents
        .findOne({ ownerId, granteeId: grantee._id, scope: args.scope, revokedAt: null })
        .lean();
      if (standing) return standing;
      const consent = await ctx.models.consents.create({
        ownerId,
        granteeId: grantee._id,
        scope: args.scope,
        grantedAt: new Date(),
      });
      await audit(ctx, consent.toObject(), 'GRANTED');
      return consent.toObject();
    },

    async revokeConsent(_: unknown, args: { id: string }, ctx: UsersContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const id = parseId(args.id, 'id');
      const revoked = await ctx.models.consents
        .findOneAndUpdate(
          { _id: id, ownerId: userId, revokedAt: null },
          { $set: { revokedAt: new Date() } },
          { new: true },
        )
        .lean();
      if (revoked) {
        await audit(ctx, revoked, 'REVOKED');
        // The grantee's open streams re-authorize at once (gateway hub), not at their next event.
        await ctx.revocations.revoke({
          kind: 'consent',
          ownerId: userId,
          granteeId: revoked.granteeId.toHexString(),
          scope: revoked.scope,
        });
        return revoked;
      }
      const already = await ctx.models.consents.findOne({ _id: id, ownerId: userId }).lean();
      if (!already) throw notFound('That consent');
      return already;
    },
  },
};

async function loadUser(ctx: UsersContext, id: Types.ObjectId) {
  return (
    (await ctx.usersById.load(id.toHexString())) ?? {
      _id: id,
      displayName: '(deleted account)',
      createdAt: new Date(0),
    }
  );
}

async function audit(ctx: UsersContext, consent: ConsentDoc, action: 'GRANTED' | 'REVOKED') {
  await ctx.models.consentAudit.create({
    ownerId: consent.ownerId,
    granteeId: consent.granteeId,
    consentId: consent._id,
    scope: consent.scope,
    action,
    at: action === 'GRANTED' ? consent.grantedAt : (consent.revokedAt ?? new Date()),
  });
}
