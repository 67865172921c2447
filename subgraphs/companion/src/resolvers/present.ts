import { badUserInput } from '@mindscape/platform';
import type { MessageDoc, SafetyEventDoc } from '../conversations/models.js';
import type { TextVault } from '../crypto/sealed-text.js';
import { CRISIS_LINES, type SafetyLocale } from '../safety/index.js';
import type { MemoryRecord } from '../memory/store.js';

/** Stored shapes opened for the person who owns them. */
export const presentMemory = (vault: TextVault, m: MemoryRecord) => ({
  id: m.id,
  kind: m.kind,
  predicate: m.predicate,
  text: vault.open(m.textSealed, m.ownerId),
  validFrom: new Date(m.validFrom),
  validTo: m.validTo === null ? null : new Date(m.validTo),
  recordedAt: new Date(m.recordedAt),
  expiredAt: m.expiredAt === null ? null : new Date(m.expiredAt),
  importance: m.importance,
  mentions: Number(m.mentions),
  conversationId: m.conversationId,
  messageId: m.messageId,
  arisenIn: m.arisenIn ?? [],
  entities: m.entities.map((e) => ({
    id: e.id,
    kind: e.kind,
    name: vault.open(e.nameSealed, m.ownerId),
  })),
});

export const presentMessage = (vault: TextVault, m: MessageDoc) => ({
  id: m._id,
  conversationId: m.conversationId,
  role: m.role,
  text: vault.open(m.textSealed, m.ownerId),
  createdAt: m.createdAt,
  emotion: m.emotion,
  memoriesUsed: m.memoriesUsed,
  safety: m.safety && {
    ...m.safety,
    lines: m.safety.level === 'none' ? [] : CRISIS_LINES[m.safety.locale as SafetyLocale],
    level: m.safety.level.toUpperCase(),
    subject: m.safety.subject.toUpperCase(),
  },
});

export const presentSafetyEvent = (e: SafetyEventDoc) => ({
  id: e._id,
  person: { id: e.ownerId },
  level: e.level.toUpperCase(),
  subject: e.subject.toUpperCase(),
  locale: e.locale,
  conversationId: e.conversationId,
  createdAt: e.createdAt,
});

/** Page sizes: 1..max, BAD_USER_INPUT naming the argument otherwise. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw badUserInput('first', `first must be between 1 and ${max}.`, `1–${max}`);
  }
  return n;
}

export interface Cursor {
  at: number;
  id: string;
}

export const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeCursor(after: string | null | undefined): Cursor | undefined {
  if (after === null || after === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString()) as [unknown, unknown];
    if (typeof at === 'number' && typeof id === 'string' && id.length <= 100) return { at, id };
  } catch {
    // falls through to the error below
  }
  throw badUserInput(
    'after',
    'The cursor is not one this graph gave out.',
    'a `next` value from an earlier page',
  );
}
