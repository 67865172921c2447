import { setTimeout as sleep } from 'node:timers/promises';
import {
  REVOCATIONS_TOPIC,
  revocationKey,
  type EventBus,
  type Revocation,
} from '@mindscape/platform';
import type { Model } from 'mongoose';
import type { RevocationDoc } from '../models/index.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.js';

/**
 * How long an entry matters: until the last access token issued before it has expired, plus
 * a minute of clock skew between the services.
 */
export const REVOCATION_TTL_MS = (ACCESS_TOKEN_TTL_SECONDS + 60) * 1000;
/** Rows written by another instance a moment before a read may commit after it. */
const CURSOR_OVERLAP_MS = 2_000;
/** Longest a follower's request is held open waiting for the next revocation. */
export const MAX_WAIT_MS = 4_000;

type Subject =
  | { kind: 'session' | 'user' | 'device'; id: string }
  | { kind: 'consent'; ownerId: string; granteeId: string; scope: string };

/** What revokes: the stored list itself, or one request's view of it that notes what it revoked. */
export interface Revoker {
  revoke(...subjects: Subject[]): Promise<void>;
}

export interface RevocationPage {
  revocations: Revocation[];
  /** Pass back as `after` to hear only what came since. */
  cursor: string;
}

/**
 * The revocation list: stored (every instance and the gateway read the same rows) and
 * announced on the event bus, so followers hear of it at once.
 */
export class Revocations implements Revoker {
  /** Ends held-open follows at shutdown, so the server can close at once. */
  private readonly closing = new AbortController();

  constructor(
    private readonly model: Model<RevocationDoc>,
    private readonly bus: EventBus,
  ) {}

  revoke(...subjects: Subject[]): Promise<void> {
    return this.record(subjects);
  }

  /**
   * A revoker for one request that also notes each revocation in `heard`, which the users
   * subgraph returns with its answer: the gateway that carried the request applies them before
   * answering the client, so the client's next request is refused even when the announcement
   * to followers arrives later (it usually does not, but nothing orders the two).
   */
  reportingTo(heard: Revocation[]): Revoker {
    return { revoke: (...subjects) => this.record(subjects, heard) };
  }

  private async record(subjects: Subject[], heard?: Revocation[]): Promise<void> {
    const now = new Date();
    const until = new Date(now.getTime() + REVOCATION_TTL_MS);
    for (const subject of subjects) {
      const revocation = { ...subject, until: until.toISOString() } as Revocation;
      await this.model.updateOne(
        { _id: revocationKey(revocation) },
        { $set: { revocation, revokedAt: now, expiresAt: until } },
        { upsert: true },
      );
      heard?.push(revocation);
      await this.bus.publish(REVOCATIONS_TOPIC, revocation);
    }
    // Rows nobody needs any more go with the next write (FerretDB v1 has no TTL indexes).
    await this.model.deleteMany({ expiresAt: { $lte: now } });
  }

  /** Entries still in force; with `after`, only those revoked since (a little overlap). */
  async since(after?: Date): Promise<RevocationPage> {
    const now = new Date();
    const docs = await this.model
      .find({
        expiresAt: { $gt: now },
        ...(after ? { revokedAt: { $gt: new Date(after.getTime() - CURSOR_OVERLAP_MS) } } : {}),
      })
      .sort({ revokedAt: 1 })
      .lean()
      .exec();
    return { revocations: docs.map((d) => d.revocation), cursor: now.toISOString() };
  }

  /**
   * `since(after)`, but when nothing is new, held open until a revocation is announced or
   * `waitMs` passes: a follower hears of a revocation within a round trip, without polling.
   */
  async follow(after: Date, waitMs: number): Promise<RevocationPage> {
    const stop = new AbortController();
    // Listening starts before the read, so a revocation between the two is not missed.
    const announcements = this.bus.subscribe(REVOCATIONS_TOPIC, stop.signal);
    await announcements.ready.catch((error: unknown) => {
      stop.abort();
      throw error;
    });
    const heard = (async () => {
      for await (const _ of announcements) return;
    })();
    try {
      const page = await this.since(after);
      if (page.revocations.length > 0 || waitMs <= 0) return page;
      const closing = new Promise((resolve) =>
        this.closing.signal.addEventListener('abort', resolve, { once: true, signal: stop.signal }),
      );
      await Promise.race([
        heard,
        closing,
        sleep(Math.min(waitMs, MAX_WAIT_MS), undefined, { signal: stop.signal }).catch(
          () => undefined,
        ),
      ]);
      return await this.since(after);
    } finally {
      stop.abort();
      await heard.catch(() => undefined);
    }
  }

  /** Answers every held-open follow now (shutdown). */
  close(): void {
    this.closing.abort();
  }
}
