import { Schema, type Connection, type Model } from 'mongoose';

/** A conversation belongs to one person; ids are strings so retries can choose them. */
export interface ConversationDoc {
  _id: string;
  ownerId: string;
  titleSealed: string | null;
  startedAt: Date;
  lastMessageAt: Date;
}

export interface StoredEmotion {
  language: string;
  label: string;
  score: number;
  valence: number;
  arousal: number;
}

export interface MemoryUseDoc {
  memoryId: string;
  score: number;
  via: string[];
}

export interface SafetyActionDoc {
  level: string;
  subject: string;
  locale: string;
  eventId: string | null;
}

export interface MessageDoc {
  _id: string;
  ownerId: string;
  conversationId: string;
  turnId: string;
  role: 'PERSON' | 'COMPANION';
  textSealed: string;
  createdAt: Date;
  emotion: StoredEmotion | null;
  memoriesUsed: MemoryUseDoc[];
  safety: SafetyActionDoc | null;
}

/** One sendCompanionMessage, keyed by the client's id: a retry finds it and changes nothing. */
export interface TurnDoc {
  _id: string;
  ownerId: string;
  clientMessageId: string;
  textDigest: string;
  conversationId: string;
  status: 'pending' | 'complete';
  createdAt: Date;
}

export interface ProfileDoc {
  _id: string;
  name: string;
  style: string;
  /** 0..1: how much warmth and reflection replies carry; follows what the person responds to. */
  warmth: number;
  /** 0..1: how long replies run. */
  length: number;
  turns: number;
  updatedAt: Date;
}

export interface SafetyEventDoc {
  _id: string;
  ownerId: string;
  conversationId: string;
  messageId: string;
  level: string;
  subject: string;
  locale: string;
  reasons: string[];
  createdAt: Date;
}

export interface CompanionModels {
  conversations: Model<ConversationDoc>;
  messages: Model<MessageDoc>;
  turns: Model<TurnDoc>;
  profiles: Model<ProfileDoc>;
  safetyEvents: Model<SafetyEventDoc>;
}

const options = { versionKey: false as const };

export function companionModels(db: Connection): CompanionModels {
  const conversation = new Schema<ConversationDoc>(
    {
      _id: String,
      ownerId: { type: String, required: true },
      titleSealed: { type: String, default: null },
      startedAt: { type: Date, required: true },
      lastMessageAt: { type: Date, required: true },
    },
    options,
  );
  conversation.index({ ownerId: 1, lastMessageAt: -1, _id: -1 });
  const message = new Schema<MessageDoc>(
    {
      _id: String,
      ownerId: { type: String, required: true },
      conversationId: { type: String, required: true },
      turnId: { type: String, required: true },
      role: { type: String, required: true },
      textSealed: { type: String, required: true },
      createdAt: { type: Date, required: true },
      emotion: { type: Schema.Types.Mixed, default: null },
      memoriesUsed: { type: Schema.Types.Mixed, default: [] },
      safety: { type: Schema.Types.Mixed, default: null },
    },
    options,
  );
  message.index({ ownerId: 1, conversationId: 1, createdAt: -1, _id: -1 });
  const turn = new Schema<TurnDoc>(
    {
      _id: String,
      ownerId: { type: String, required: true },
      clientMessageId: { type: String, required: true },
      textDigest: { type: String, required: true },
      conversationId: { type: String, required: true },
      status: { type: String, required: true },
      createdAt: { type: Date, required: true },
    },
    options,
  );
  const profile = new Schema<ProfileDoc>(
    {
      _id: String,
      name: String,
      style: String,
      warmth: Number,
      length: Number,
      turns: Number,
      updatedAt: Date,
    },
    options,
  );
  const safetyEvent = new Schema<SafetyEventDoc>(
    {
      _id: String,
      ownerId: { type: String, required: true },
      conversationId: String,
      messageId: String,
      level: String,
      subject: String,
      locale: String,
      reasons: [String],
      createdAt: { type: Date, required: true },
    },
    options,
  );
  safetyEvent.index({ ownerId: 1, createdAt: -1 });
  return {
    conversations: db.model('Conversation', conversation),
    messages: db.model('CompanionMessage', message),
    turns: db.model('Turn', turn),
    profiles: db.model('CompanionProfile', profile),
    safetyEvents: db.model('SafetyEvent', safetyEvent),
  };
}
