import {
  badUserInput,
  isDuplicateKey,
  requireIdentity,
  requireSignedInPerson,
  unauthenticated,
} from '@mindscape/platform';
import { Types } from 'mongoose';
import { hashPassword, verifyPassword } from '../accounts/passwords.js';
import {
  DISPLAY_NAME_MAX,
  checkGivenPassword,
  checkNewPassword,
  normalizeEmail,
  normalizeName,
} from '../accounts/validation.js';
import type { UsersContext } from '../context.js';
import type { UserDoc } from '../models/index.js';

export const accountResolvers = {
  Query: {
    async me(_: unknown, __: unknown, ctx: UsersContext) {
      const { userId } = requireIdentity(ctx.assertion);
      const user = await ctx.usersById.load(userId);
      if (!user) throw unauthenticated('This account no longer exists.');
      return user;
    },
  },
  Mutation: {
    async signUp(
      _: unknown,
      args: { email: string; password: string; displayName: string },
      ctx: UsersContext,
    ) {
      const email = normalizeEmail(args.email);
      checkNewPassword(args.password);
      const displayName = normalizeName(args.displayName, 'displayName', DISPLAY_NAME_MAX);
      const ip = ctx.assertion.clientIp;
      await ctx.throttle.checkAddress(ip);
      let user: UserDoc;
      try {
        const created = await ctx.models.users.create({
          email,
          displayName,
          passwordHash: await hashPassword(args.password),
        });
        user = created.toObject() as UserDoc;
      } catch (error) {
        if (isDuplicateKey(error)) {
          // Asking about addresses costs the asker: their address is throttled like sign-ins.
          await ctx.throttle.recordAddressFailure(ip);
          throw badUserInput(
            'email',
            'An account with this email already exists; sign in instead.',
          );
        }
        throw error;
      }
      ctx.authenticatedNow = user._id.toHexString();
      return { ...(await ctx.sessions.start(user._id)), user };
    },

    async signIn(_: unknown, args: { email: string; password: string }, ctx: UsersContext) {
      const email = normalizeEmail(args.email);
      checkGivenPassword(args.password);
      const ip = ctx.assertion.clientIp;
      await ctx.throttle.check(email, ip);
      const user = await ctx.models.users.findOne({ email }).lean<UserDoc>();
      if (!(await verifyPassword(user?.passwordHash, args.password)) || !user) {
        await ctx.throttle.recordFailure(email, ip);
        throw unauthenticated('The email or the password is wrong.');
      }
      await ctx.throttle.recordSuccess(email, ip);
      ctx.authenticatedNow = user._id.toHexString();
      return { ...(await ctx.sessions.start(user._id)), user };
    },

    async refreshSession(_: unknown, args: { refreshToken: string }, ctx: UsersContext) {
      const { userId, tokens } = await ctx.sessions.rotate(args.refreshToken);
      const user = await ctx.usersById.load(userId.toHexString());
      if (!user) throw unauthenticated('This account no longer exists.');
      ctx.authenticatedNow = user._id.toHexString();
      return { ...tokens, user };
    },

    async signOut(_: unknown, __: unknown, ctx: UsersContext) {
      const { sessionId } = requireSignedInPerson(ctx.assertion);
      if (sessionId) await ctx.sessions.end(sessionId);
      return true;
    },

    async updateProfile(_: unknown, args: { displayName: string }, ctx: UsersContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const displayName = normalizeName(args.displayName, 'displayName', DISPLAY_NAME_MAX);
      const user = await ctx.models.users
        .findByIdAndUpdate(userId, { $set: { displayName } }, { new: true })
        .lean<UserDoc>();
      if (!user) throw unauthenticated('This account no longer exists.');
      return user;
    },

    /**
     * The deletion is recorded first (so it is carried out even if this request dies), then
     * the person's tokens are revoked at the gateway, then their rows here go, then every other
     * service is asked to forget them; one that cannot answer now is asked again until it does
     * (accounts/deletion.ts).
     */
    async deleteAccount(_: unknown, args: { password: string }, ctx: UsersContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      checkGivenPassword(args.password);
      const user = await ctx.usersById.load(userId);
      if (!user) throw unauthenticated('This account no longer exists.');
      if (!(await verifyPassword(user.passwordHash, args.password))) {
        throw badUserInput('password', 'The password is wrong; the account was not deleted.');
      }
      const id = new Types.ObjectId(userId);
      const now = new Date();
      await ctx.deletions.request(userId);
      const active = await ctx.models.consents.find({ ownerId: id, revokedAt: null }).lean();
      await ctx.revocations.revoke(
        { kind: 'user', id: userId },
        ...active.map((c) => ({
          kind: 'consent' as const,
          ownerId: userId,
          granteeId: c.granteeId.toHexString(),
          scope: c.scope,
        })),
      );
      await ctx.models.users.deleteOne({ _id: id });
      if (active.length > 0) {
        await ctx.models.consentAudit.insertMany(
          active.map((c) => ({
            ownerId: id,
            granteeId: c.granteeId,
            consentId: c._id,
            scope: c.scope,
            action: 'REVOKED',
            at: now,
          })),
        );
      }
      await ctx.models.consents.deleteMany({ $or: [{ ownerId: id }, { granteeId: id }] });
      await ctx.models.devices.deleteMany({ userId: id });
      const tokens = await ctx.models.refreshTokens.find({ userId: id }, { _id: 1 }).lean().exec();
      await ctx.models.refreshTokenUses.deleteMany({ _id: { $in: tokens.map((t) => t._id) } });
      await ctx.models.refreshTokens.deleteMany({ userId: id });
      await ctx.deletions.carryOut(userId);
      return true;
    },
  },
};
