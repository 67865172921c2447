import type { EventBus, Logger, RequestAssertion } from '@mindscape/platform';
import type { TextEmotionReader } from '@mindscape/ml';
import type { CompanionModels } from './conversations/models.js';
import type { TextVault } from './crypto/sealed-text.js';
import type { Embedder } from './memory/retrieve.js';
import type { MemoryStore } from './memory/store.js';
import type { VectorCache } from './memory/vector-cache.js';
import type { ReplyGenerator } from './reply/generator.js';

/** What the safety guard tells the turn: the tier, whose risk, and the fixed text to show first. */
export interface SafetyCheck {
  level: 'none' | 'concern' | 'elevated' | 'imminent';
  subject: 'self' | 'other' | 'unknown';
  locale: 'en' | 'ko';
  reasons: string[];
  /** Human-written crisis resources for the tier and locale; empty at level none. */
  responseText: string;
}

export interface CompanionServices {
  models: CompanionModels;
  store: MemoryStore;
  /** The person's vectors held in this process, kept current by version. */
  vectors: VectorCache;
  vault: TextVault;
  embedder: Embedder;
  reader: TextEmotionReader;
  bus: EventBus;
  logger: Logger;
  safety: { check(text: string): SafetyCheck };
  /** Tried in order; the last is the offline responder, which always answers. */
  generators: ReplyGenerator[];
  /** The person's live state from the emotions subgraph; null when none or unreachable. */
  liveState(owner: string): Promise<{ stress: number; label: string } | null>;
  /** Whether `granteeId` holds `ownerId`'s consent for crisis alerts. */
  mayWatchCrisis(ownerId: string, granteeId: string): Promise<boolean>;
  limits: { maxMessageChars: number };
  now(): number;
}

export interface CompanionContext extends CompanionServices {
  assertion: RequestAssertion;
}

export const companionContext = (
  services: CompanionServices,
  assertion: RequestAssertion,
): CompanionContext => ({ ...services, assertion });
