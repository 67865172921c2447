import { createHash } from 'node:crypto';
import { badUserInput, hasControlCharacters, notFound, type Identity } from '@mindscape/platform';
import type { CompanionContext } from '../context.js';
import { extractMemories, isQuestion } from '../memory/extract.js';
import { retrieve } from '../memory/retrieve.js';
import { prepareMemories } from '../memory/prepare.js';
import { adaptProfile, profileOf } from '../reply/profile.js';
import type { ReplyInput } from '../reply/generator.js';
import { replyTopic, safetyTopic } from './topics.js';
import type { MessageDoc, SafetyEventDoc, StoredEmotion } from './models.js';

export interface SendMessageInput {
  conversationId?: string | null;
  text: string;
  clientMessageId: string;
  /** Where the message arose: a listening session, a story playthrough, a check-in. */
  context?: {
    listeningSessionId?: string | null;
    playthroughId?: string | null;
    checkInId?: string | null;
  } | null;
}

export interface TurnResult {
  turnId: string;
  conversationId: string;
  message: MessageDoc;
  reply: MessageDoc;
  safetyEvent: SafetyEventDoc | null;
  memoriesSaved: string[];
}

const CLIENT_ID = /^[A-Za-z0-9_.:-]{8,100}$/;
const ID = /^[A-Za-z0-9_-]{8,64}$/;
const sha = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\0')).digest('base64url').slice(0, 27);

/**
 * One exchange: the safety guard first, then emotion, recall, the reply (streamed as it is
 * produced), and the memories the message yields. The memories are written in one Neo4j
 * transaction and the messages after them, so a retry with the same client id completes a
 * turn that was cut short and changes nothing in one that was not.
 */
export async function sendMessage(
  ctx: CompanionContext,
  person: Identity,
  input: SendMessageInput,
): Promise<TurnResult> {
  const owner = person.userId;
  const text = checkText(input.text, ctx.limits.maxMessageChars);
  if (!CLIENT_ID.test(input.clientMessageId)) {
    throw badUserInput(
      'clientMessageId',
      'The client message id is malformed.',
      '8–100 characters: letters, digits, _ . : -',
    );
  }
  const turnId = sha(owner, input.clientMessageId);
  const digest = sha(text, input.conversationId ?? '');
  const existing = await ctx.models.turns.findById(turnId).lean().exec();
  if (existing && existing.textDigest !== digest) {
    throw badUserInput(
      'clientMessageId',
      'This client message id was already used for another message.',
      'a new id per message',
    );
  }
  if (existing?.status === 'complete') return replayed(ctx, owner, turnId);

  const conversationId = await openConversation(
    ctx,
    owner,
    input.conversationId,
    turnId,
    existing?.conversationId,
  );
  if (!existing) {
    await ctx.models.turns.updateOne(
      { _id: turnId },
      {
        $setOnInsert: {
          ownerId: owner,
          clientMessageId: input.clientMessageId,
          textDigest: digest,
          conversationId,
          status: 'pending',
          createdAt: new Date(ctx.now()),
        },
      },
      { upsert: true },
    );
  }

  // Before anything else: a message at risk gets the fixed crisis text first, never a model's.
  const safety = ctx.safety.check(text);
  const at = ctx.now();
  const [reading, state, profile] = await Promise.all([
    ctx.reader.read(text).catch(() => null),
    ctx.liveState(owner),
    profileOf(ctx.models, owner),
  ]);
  const language = reading?.language === 'ko' ? 'ko' : 'en';
  const top = reading?.labels[0];
  const emotion: StoredEmotion | null =
    reading && top
      ? {
          language,
          label: top.label,
          score: top.score,
          valence: reading.valence,
          arousal: reading.arousal,
        }
      : null;
  const hits = await retrieve(ctx, owner, text, { limit: 5, now: at });
  const extracted = extractMemories(text);

  const messageId = `${turnId}-p`;
  const replyId = `${turnId}-c`;
  const replyInput: ReplyInput = {
    text,
    language,
    isQuestion: isQuestion(text),
    emotion: emotion && {
      label: emotion.label,
      valence: emotion.valence,
      arousal: emotion.arousal,
    },
    state,
    memories: hits.map((h) => ({
      text: ctx.vault.open(h.memory.textSealed, owner),
      kind: h.memory.kind,
      score: h.score,
      via: h.via,
    })),
    learned: extracted.filter((m) => m.kind !== 'EVENT').length,
    profile,
  };
  const crisis = safety.level === 'none' ? '' : safety.responseText;
  const replyText = await streamReply(
    ctx,
    owner,
    conversationId,
    replyId,
    crisis,
    replyInput,
    safety.level,
  );

  const prepared = await prepareMemories(ctx, owner, turnId, extracted);
  const arisenIn = Object.entries(input.context ?? {})
    .filter(([, id]) => typeof id === 'string' && ID.test(id))
    .map(([kind, id]) => `${kind}:${id}`);
  const written = await ctx.store.writeTurn({
    ownerId: owner,
    turnId,
    conversationId,
    messageId,
    at,
    arisenIn,
    memories: prepared,
  });

  const safetyEvent: SafetyEventDoc | null =
    safety.level === 'none'
      ? null
      : {
          _id: `${turnId}-s`,
          ownerId: owner,
          conversationId,
          messageId,
          level: safety.level,
          subject: safety.subject,
          locale: safety.locale,
          reasons: safety.reasons,
          createdAt: new Date(at),
        };
  const safetyAction = safetyEvent && {
    level: safetyEvent.level,
    subject: safetyEvent.subject,
    locale: safetyEvent.locale,
    eventId: safetyEvent._id,
  };
  const message: MessageDoc = {
    _id: messageId,
    ownerId: owner,
    conversationId,
    turnId,
    role: 'PERSON',
    textSealed: ctx.vault.seal(text, owner),
    createdAt: new Date(at),
    emotion,
    memoriesUsed: [],
    safety: safetyAction,
  };
  const reply: MessageDoc = {
    _id: replyId,
    ownerId: owner,
    conversationId,
    turnId,
    role: 'COMPANION',
    textSealed: ctx.vault.seal(replyText, owner),
    createdAt: new Date(at + 1),
    emotion: null,
    memoriesUsed: hits.map((h) => ({ memoryId: h.memory.id, score: h.score, via: h.via })),
    safety: safetyAction,
  };
  // Upserts by the turn's ids: writing them again after a cut-short attempt is harmless.
  await ctx.models.messages.bulkWrite(
    [message, reply].map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    })),
  );
  if (safetyEvent) {
    await ctx.models.safetyEvents.replaceOne({ _id: safetyEvent._id }, safetyEvent, {
      upsert: true,
    });
    await ctx.bus.publish(safetyTopic(owner), safetyEvent);
  }
  await ctx.models.conversations.updateOne(
    { _id: conversationId, ownerId: owner },
    { $max: { lastMessageAt: new Date(at + 1) } },
  );
  await adaptProfile(ctx.models, owner, profile, emotion);
  await ctx.models.turns.updateOne({ _id: turnId }, { $set: { status: 'complete' } });
  return {
    turnId,
    conversationId,
    message,
    reply,
    safetyEvent,
    memoriesSaved: written === 'already-written' ? [] : written.map((w) => w.id),
  };
}

function checkText(raw: string, max: number): string {
  const allowed = `1–${max} characters of text`;
  if (!raw.isWellFormed())
    throw badUserInput('text', 'The message is not valid text (broken Unicode).', allowed);
  const text = raw.normalize('NFC').trim();
  if (text.length === 0) throw badUserInput('text', 'The message is empty.', allowed);
  if (text.length > max)
    throw badUserInput('text', `The message is longer than ${max} characters.`, allowed);
  if (hasControlCharacters(text, true) || text.includes('\uFFFD')) {
    throw badUserInput(
      'text',
      'The message holds control characters or undecodable bytes.',
      allowed,
    );
  }
  return text;
}

async function openConversation(
  ctx: CompanionContext,
  owner: string,
  requested: string | null | undefined,
  turnId: string,
  earlier: string | undefined,
): Promise<string> {
  if (requested) {
    // Another person's conversation and no conversation at all answer the same.
    const found = ID.test(requested)
      ? await ctx.models.conversations.exists({ _id: requested, ownerId: owner })
      : null;
    if (!found) throw notFound('The conversation');
    return requested;
  }
  const id = earlier ?? `c${turnId.slice(0, 20)}`;
  const at = new Date(ctx.now());
  await ctx.models.conversations.updateOne(
    { _id: id },
    { $setOnInsert: { ownerId: owner, titleSealed: null, startedAt: at, lastMessageAt: at } },
    { upsert: true },
  );
  return id;
}

/**
 * The reply, published piece by piece as it is produced. At elevated risk no generator is
 * asked at all: the fixed, human-written crisis text is the whole reply.
 */
async function streamReply(
  ctx: CompanionContext,
  owner: string,
  conversationId: string,
  replyId: string,
  crisis: string,
  input: ReplyInput,
  level: string,
): Promise<string> {
  const topic = replyTopic(conversationId);
  let index = 0;
  const publish = (delta: string, done = false) =>
    ctx.bus.publish(topic, {
      ownerId: owner,
      conversationId,
      messageId: replyId,
      index: index++,
      delta,
      done,
    });
  const pieces: string[] = [];
  if (crisis) {
    pieces.push(`${crisis}\n\n`);
    await publish(pieces[0]!);
  }
  // At elevated risk and above the fixed crisis text is the whole reply: no generator speaks.
  const generators = level === 'none' || level === 'concern' ? ctx.generators : [];
  for (const generator of generators) {
    const produced: string[] = [];
    try {
      for await (const piece of generator.generate(input)) {
        produced.push(piece);
        await publish(piece);
      }
    } catch (error) {
      ctx.logger.warn(
        { generator: generator.name, err: error },
        'reply generator failed; falling back',
      );
    }
    if (produced.join('').trim().length > 0) {
      pieces.push(...produced);
      break;
    }
  }
  await publish('', true);
  return pieces.join('').trim();
}

/** A completed turn asked again: the stored answer, nothing written. */
async function replayed(ctx: CompanionContext, owner: string, turnId: string): Promise<TurnResult> {
  const [message, reply, safetyEvent] = await Promise.all([
    ctx.models.messages
      .findOne({ _id: `${turnId}-p`, ownerId: owner })
      .lean()
      .exec(),
    ctx.models.messages
      .findOne({ _id: `${turnId}-c`, ownerId: owner })
      .lean()
      .exec(),
    ctx.models.safetyEvents
      .findOne({ _id: `${turnId}-s`, ownerId: owner })
      .lean()
      .exec(),
  ]);
  if (!message || !reply) throw notFound('The earlier message');
  return {
    turnId,
    conversationId: message.conversationId,
    message,
    reply,
    safetyEvent,
    memoriesSaved: [],
  };
}
