import { randomUUID } from 'node:crypto';
import {
  DateTimeScalar,
  authorizedStream,
  badUserInput,
  notFound,
  requireSignedInPerson,
} from '@mindscape/platform';
import type { CompanionContext } from '../context.js';
import type { MessageDoc } from '../conversations/models.js';
import { replyTopic, safetyTopic, type ReplyPiece } from '../conversations/topics.js';
import { sendMessage, type SendMessageInput } from '../conversations/turn.js';
import { retrieve } from '../memory/retrieve.js';
import { DEFAULT_PROFILE, STYLES, profileOf } from '../reply/profile.js';
import { requireCrisisWatcher, requireSelf } from './access.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  presentMemory,
  presentMessage,
  presentSafetyEvent,
} from './present.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_QUERY_CHARS = 500;

/** The memories a reply used, each looked up for its owner (a stale id gives null). */
async function memoryUses(ctx: CompanionContext, message: MessageDoc) {
  const memories = await ctx.store.byIds(
    message.ownerId,
    message.memoriesUsed.map((u) => u.memoryId),
  );
  const byId = new Map(memories.map((m) => [m.id, m]));
  return message.memoriesUsed.map((u) => {
    const memory = byId.get(u.memoryId);
    return { memory: memory ? presentMemory(ctx.vault, memory) : null, score: u.score, via: u.via };
  });
}

const presentTurnMessage = async (ctx: CompanionContext, m: MessageDoc) => ({
  ...presentMessage(ctx.vault, m),
  memoriesUsed: await memoryUses(ctx, m),
});

export const resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    async exportMyMemories(_: unknown, __: unknown, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const [memories, conversations, messages] = await Promise.all([
        ctx.store.all(userId),
        ctx.models.conversations.find({ ownerId: userId }).lean().exec(),
        ctx.models.messages.find({ ownerId: userId }).sort({ createdAt: 1 }).lean().exec(),
      ]);
      return JSON.stringify({
        exportedAt: new Date(ctx.now()).toISOString(),
        memories: memories.map((m) => presentMemory(ctx.vault, m)),
        conversations: conversations.map((c) => ({ id: c._id, startedAt: c.startedAt })),
        messages: messages.map((m) => {
          const { memoriesUsed, ...rest } = presentMessage(ctx.vault, m);
          return { ...rest, memoriesUsed };
        }),
      });
    },
  },
  Mutation: {
    async startConversation(_: unknown, __: unknown, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const at = new Date(ctx.now());
      const doc = await ctx.models.conversations.create({
        _id: `c${randomUUID().replaceAll('-', '').slice(0, 20)}`,
        ownerId: userId,
        titleSealed: null,
        startedAt: at,
        lastMessageAt: at,
      });
      return { ...doc.toObject(), id: doc._id };
    },
    async sendCompanionMessage(_: unknown, args: SendMessageInput, ctx: CompanionContext) {
      const person = requireSignedInPerson(ctx.assertion);
      const turn = await sendMessage(ctx, person, args);
      const conversation = await ctx.models.conversations
        .findOne({ _id: turn.conversationId, ownerId: person.userId })
        .lean()
        .exec();
      const message = await presentTurnMessage(ctx, turn.message);
      return {
        conversation: conversation && { ...conversation, id: conversation._id },
        message,
        reply: await presentTurnMessage(ctx, turn.reply),
        memoriesSaved: turn.memoriesSaved,
        safety: message.safety,
      };
    },
    async forgetMemory(_: unknown, { id }: { id: string }, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      if (!ID.test(id) || !(await ctx.store.forget(userId, id))) throw notFound('The memory');
      return true;
    },
    async forgetEverything(_: unknown, { confirm }: { confirm: boolean }, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      if (!confirm)
        throw badUserInput('confirm', 'Nothing was forgotten: confirm must be true.', 'true');
      return forgetPerson(ctx, userId);
    },
    async setCompanionProfile(
      _: unknown,
      args: { name?: string | null; style?: string | null },
      ctx: CompanionContext,
    ) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      const set: Record<string, string> = {};
      if (args.name !== undefined && args.name !== null) {
        const name = args.name.trim();
        if (name.length < 1 || name.length > 40 || /\p{Cc}/u.test(name)) {
          throw badUserInput('name', 'The name must be 1–40 characters.', '1–40 characters');
        }
        set.name = name;
      }
      if (args.style !== undefined && args.style !== null) {
        if (!(STYLES as readonly string[]).includes(args.style)) {
          throw badUserInput('style', 'Unknown style.', STYLES.join(', '));
        }
        set.style = args.style;
      }
      const current = await profileOf(ctx.models, userId);
      await ctx.models.profiles.updateOne(
        { _id: userId },
        { $set: { ...current, ...set, updatedAt: new Date() }, $setOnInsert: { turns: 0 } },
        { upsert: true },
      );
      return ctx.models.profiles.findById(userId).lean().exec();
    },
    async resetCompanionProfile(_: unknown, __: unknown, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      await ctx.models.profiles.deleteOne({ _id: userId });
      return { ...DEFAULT_PROFILE, turns: 0 };
    },
  },
  Subscription: {
    companionReply: {
      subscribe: (
        _: unknown,
        { conversationId }: { conversationId: string },
        ctx: CompanionContext,
      ) =>
        authorizedStream(ctx.bus, 'companionReply', async () => {
          const { userId } = requireSignedInPerson(ctx.assertion);
          const mine =
            ID.test(conversationId) &&
            (await ctx.models.conversations.exists({ _id: conversationId, ownerId: userId }));
          if (!mine) throw notFound('The conversation');
          return {
            topic: replyTopic(conversationId),
            present: (piece: ReplyPiece) =>
              piece.ownerId === userId ? { ...piece, person: { id: piece.ownerId } } : undefined,
          };
        }),
    },
    crisisAlerts: {
      subscribe: (_: unknown, { userId }: { userId?: string | null }, ctx: CompanionContext) =>
        authorizedStream(ctx.bus, 'crisisAlerts', async () => {
          const self = requireSignedInPerson(ctx.assertion).userId;
          const target = userId ?? self;
          await requireCrisisWatcher(ctx, target);
          return {
            topic: safetyTopic(target),
            present: async (event: Parameters<typeof presentSafetyEvent>[0]) => {
              // Consent is asked again for each alert: a revoked one ends the stream.
              if (target !== self) await requireCrisisWatcher(ctx, target);
              return presentSafetyEvent({ ...event, createdAt: new Date(event.createdAt) });
            },
          };
        }),
    },
  },
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    async conversations(
      user: { id: string },
      args: { first?: number | null; after?: string | null },
      ctx: CompanionContext,
    ) {
      requireSelf(ctx, user.id);
      const first = pageSize(args.first, 20, 100);
      const after = decodeCursor(args.after);
      const docs = await ctx.models.conversations
        .find({
          ownerId: user.id,
          ...(after
            ? {
                $or: [
                  { lastMessageAt: { $lt: new Date(after.at) } },
                  { lastMessageAt: new Date(after.at), _id: { $lt: after.id } },
                ],
              }
            : {}),
        })
        .sort({ lastMessageAt: -1, _id: -1 })
        .limit(first + 1)
        .lean()
        .exec();
      const items = docs.slice(0, first).map((c) => ({ ...c, id: c._id }));
      const last = items.at(-1);
      return {
        items,
        next:
          docs.length > first && last
            ? encodeCursor({ at: last.lastMessageAt.getTime(), id: last._id })
            : null,
      };
    },
    async memories(
      user: { id: string },
      args: {
        query?: string | null;
        asOf?: Date | null;
        first?: number | null;
        after?: string | null;
      },
      ctx: CompanionContext,
    ) {
      requireSelf(ctx, user.id);
      const first = pageSize(args.first, 10, 50);
      const asOf = args.asOf?.getTime() ?? ctx.now();
      if (args.query !== undefined && args.query !== null) {
        const query = args.query.trim();
        if (query.length === 0 || query.length > MAX_QUERY_CHARS || !query.isWellFormed()) {
          throw badUserInput(
            'query',
            'The search must be 1–500 characters of text.',
            `1–${MAX_QUERY_CHARS} characters`,
          );
        }
        if (args.after)
          throw badUserInput('after', 'Search results come in one page.', 'no cursor with query');
        const hits = await retrieve(ctx, user.id, query, { asOf, limit: first, now: ctx.now() });
        return {
          items: hits.map((h) => ({
            memory: presentMemory(ctx.vault, h.memory),
            score: h.score,
            via: h.via,
          })),
          next: null,
        };
      }
      const page = await ctx.store.list(user.id, asOf, first + 1, decodeCursor(args.after));
      const items = page.slice(0, first);
      const last = items.at(-1);
      return {
        items: items.map((m) => ({
          memory: presentMemory(ctx.vault, m),
          score: m.importance,
          via: [],
        })),
        next:
          page.length > first && last ? encodeCursor({ at: last.recordedAt, id: last.id }) : null,
      };
    },
    async memory(user: { id: string }, { id }: { id: string }, ctx: CompanionContext) {
      requireSelf(ctx, user.id);
      if (!ID.test(id)) return null;
      const [found] = await ctx.store.byIds(user.id, [id]);
      return found ? presentMemory(ctx.vault, found) : null;
    },
    async companionProfile(user: { id: string }, _: unknown, ctx: CompanionContext) {
      requireSelf(ctx, user.id);
      const doc = await ctx.models.profiles.findById(user.id).lean().exec();
      return doc ?? { ...DEFAULT_PROFILE, turns: 0 };
    },
    async safetyEvents(
      user: { id: string },
      args: { first?: number | null },
      ctx: CompanionContext,
    ) {
      await requireCrisisWatcher(ctx, user.id);
      const first = pageSize(args.first, 20, 100);
      const events = await ctx.models.safetyEvents
        .find({ ownerId: user.id })
        .sort({ createdAt: -1 })
        .limit(first)
        .lean()
        .exec();
      return events.map(presentSafetyEvent);
    },
  },
  Conversation: {
    /** Through `_entities`: the caller's own conversation, or nothing. */
    async __resolveReference(reference: { id: string }, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      if (!ID.test(reference.id)) return null;
      const doc = await ctx.models.conversations
        .findOne({ _id: reference.id, ownerId: userId })
        .lean()
        .exec();
      return doc && { ...doc, id: doc._id };
    },
    async messages(
      conversation: { id: string; ownerId: string },
      args: { first?: number | null; after?: string | null },
      ctx: CompanionContext,
    ) {
      requireSelf(ctx, conversation.ownerId);
      const first = pageSize(args.first, 50, 200);
      const after = decodeCursor(args.after);
      const docs = await ctx.models.messages
        .find({
          ownerId: conversation.ownerId,
          conversationId: conversation.id,
          ...(after
            ? {
                $or: [
                  { createdAt: { $lt: new Date(after.at) } },
                  { createdAt: new Date(after.at), _id: { $lt: after.id } },
                ],
              }
            : {}),
        })
        .sort({ createdAt: -1, _id: -1 })
        .limit(first + 1)
        .lean()
        .exec();
      const items = await Promise.all(docs.slice(0, first).map((m) => presentTurnMessage(ctx, m)));
      const last = docs[Math.min(first, docs.length) - 1];
      return {
        items,
        next:
          docs.length > first && last
            ? encodeCursor({ at: last.createdAt.getTime(), id: last._id })
            : null,
      };
    },
  },
  Memory: {
    /** Through `_entities`: only the caller's own memory resolves. */
    async __resolveReference(reference: { id: string }, ctx: CompanionContext) {
      const { userId } = requireSignedInPerson(ctx.assertion);
      if (!ID.test(reference.id)) return null;
      const [found] = await ctx.store.byIds(userId, [reference.id]);
      return found ? presentMemory(ctx.vault, found) : null;
    },
  },
  SafetyEvent: {
    async __resolveReference(reference: { id: string }, ctx: CompanionContext) {
      requireSignedInPerson(ctx.assertion);
      if (!ID.test(reference.id)) return null;
      const event = await ctx.models.safetyEvents.findById(reference.id).lean().exec();
      if (!event) return null;
      await requireCrisisWatcher(ctx, event.ownerId);
      return presentSafetyEvent(event);
    },
  },
};

/** Everything the companion holds about a person: graph memory, then documents. */
export async function forgetPerson(
  ctx: Pick<CompanionContext, 'store' | 'models'>,
  userId: string,
) {
  const forgotten = await ctx.store.forgetEverything(userId);
  await Promise.all([
    ctx.models.messages.deleteMany({ ownerId: userId }),
    ctx.models.conversations.deleteMany({ ownerId: userId }),
    ctx.models.turns.deleteMany({ ownerId: userId }),
    ctx.models.profiles.deleteOne({ _id: userId }),
    ctx.models.safetyEvents.deleteMany({ ownerId: userId }),
  ]);
  return forgotten;
}
