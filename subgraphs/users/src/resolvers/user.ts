import { DateTimeScalar } from '@mindscape/platform';
import { requireAccountOwner, type UsersContext } from '../context.js';
import { parseId } from '../ids.js';
import type { UserDoc } from '../models/index.js';

export const userResolvers = {
  DateTime: DateTimeScalar,
  Query: {
    user: (_: unknown, args: { id: string }, ctx: UsersContext) =>
      ctx.usersById.load(parseId(args.id, 'id').toHexString()),
  },
  User: {
    /** Other subgraphs reference people by id; DataLoader makes N references one query. */
    __resolveReference: (reference: { id: string }, ctx: UsersContext) =>
      /^[0-9a-f]{24}$/i.test(reference.id) ? ctx.usersById.load(reference.id.toLowerCase()) : null,
    id: (user: UserDoc) => user._id.toHexString(),
    email(user: UserDoc, _: unknown, ctx: UsersContext) {
      requireAccountOwner(ctx, user._id.toHexString(), "an account's email");
      return user.email;
    },
  },
};
