import { setTimeout as sleep } from 'node:timers/promises';
import {
  ErrorCode,
  RevocationList,
  asRevocation,
  codedError,
  revocationKey,
  revokesIdentity,
  type InternalClient,
  type Identity,
  type Logger,
  type Revocation,
} from '@mindscape/platform';
import type { WebSocket } from 'ws';
import { CloseCode } from './subscriptions/close-codes.js';

/** How long one follow request is held open by the users subgraph (its limit is 4 s). */
const FOLLOW_WAIT_MS = 3_500;

/** No answer about revocations is ever cached. */
const never = () => false;

interface RevocationPage {
  revocations: Revocation[];
  cursor: string;
}

/**
 * The gateway's copy of the users subgraph's revocation list (docs/decisions/0022): loaded
 * once before the first request is served, then followed with held-open requests, so a
 * sign-out, a revoked device or a deleted account is refused on the next request and its
 * sockets close. Checking a request is a map lookup, not a round trip.
 */
export class RevocationFeed {
  private readonly list = new RevocationList();
  private readonly listeners = new Set<(revocation: Revocation) => void>();
  private readonly sockets = new Map<WebSocket, Identity>();
  /** Entries already applied (key and expiry): follow answers overlap a little. */
  private readonly seen = new Map<string, number>();
  private readonly stop = new AbortController();
  private loaded: Promise<void> | undefined;
  private cursor: string | undefined;

  constructor(
    private readonly users: InternalClient,
    private readonly logger?: Logger,
  ) {}

  /**
   * Resolves once the list has been loaded (the first call loads it and starts following).
   * SERVICE_UNAVAILABLE when the users subgraph cannot be reached for the first load: serving
   * without the list would let revoked tokens back in.
   */
  ready(): Promise<void> {
    this.loaded ??= this.load().then(
      () => {
        void this.follow();
      },
      (error: unknown) => {
        this.loaded = undefined;
        this.logger?.error({ err: error }, 'the revocation list could not be loaded');
        throw codedError(
          ErrorCode.SERVICE_UNAVAILABLE,
          'Sign-ins cannot be checked right now; try again shortly.',
          {},
          503,
        );
      },
    );
    return this.loaded;
  }

  /** True when the identity's session, device or account has been revoked. */
  revokes(identity: Identity): boolean {
    return this.list.revokes(identity);
  }

  /**
   * Applies revocations the users subgraph returned with an answer (`REVOCATIONS_EXTENSION`),
   * ahead of the follow that announces them too; anything not shaped as one is ignored.
   */
  hear(revocations: unknown): void {
    if (!Array.isArray(revocations)) return;
    for (const value of revocations.slice(0, 1_000)) {
      const revocation = asRevocation(value);
      if (revocation) this.take(revocation);
    }
  }

  /** Hears every revocation as it arrives (the hub re-authorizes a grantee's streams). */
  onRevocation(listener: (revocation: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Closes `socket` with `CloseCode.AccessRevoked` when its identity is revoked, and with
   * `CloseCode.AccessExpired` at `expiresAt` (epoch ms, the access token's expiry): a socket
   * lives no longer than the token that opened it.
   */
  watch(socket: WebSocket, identity: Identity, expiresAt?: number): void {
    if (this.list.revokes(identity)) {
      socket.close(CloseCode.AccessRevoked, 'Access revoked; sign in again');
      return;
    }
    this.sockets.set(socket, identity);
    const timer =
      expiresAt === undefined
        ? undefined
        : setTimeout(
            () => socket.close(CloseCode.AccessExpired, 'The access token expired; refresh it'),
            Math.max(0, expiresAt - Date.now()),
          );
    timer?.unref();
    socket.once('close', () => {
      if (timer) clearTimeout(timer);
      this.sockets.delete(socket);
    });
  }

  /** Stops following; a request still held open ends on its own (the users subgraph answers it within 4 s, or at once when it shuts down). */
  close(): Promise<void> {
    this.stop.abort();
    return Promise.resolve();
  }

  private async load(): Promise<void> {
    const page = await this.users.post<RevocationPage>('/internal/revocations', {}, never);
    this.apply(page);
  }

  /** Held-open requests, one after another; a failure backs off and retries. */
  private async follow(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        const page = await this.users.post<RevocationPage>(
          '/internal/revocations',
          { after: this.cursor, waitMs: FOLLOW_WAIT_MS },
          never,
        );
        if (this.stop.signal.aborted) return;
        this.apply(page);
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1)
          this.logger?.warn({ err: error }, 'following the revocation list failed; retrying');
        await sleep(Math.min(5_000, 100 * 2 ** failures), undefined, {
          signal: this.stop.signal,
        }).catch(() => undefined);
      }
    }
  }

  private apply(page: RevocationPage): void {
    this.cursor = page.cursor;
    const now = Date.now();
    this.list.prune(now);
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
    for (const revocation of page.revocations) this.take(revocation);
  }

  /** Applies one revocation once: the list, the sockets it ends, the listeners. */
  private take(revocation: Revocation): void {
    const id = `${revocationKey(revocation)}@${revocation.until}`;
    if (this.seen.has(id)) return;
    this.seen.set(id, Date.parse(revocation.until));
    this.list.add(revocation);
    for (const [socket, identity] of this.sockets) {
      if (revokesIdentity(revocation, identity))
        socket.close(CloseCode.AccessRevoked, 'Access revoked; sign in again');
    }
    for (const listener of this.listeners) {
      try {
        listener(revocation);
      } catch (error) {
        this.logger?.error({ err: error }, 'a revocation listener failed');
      }
    }
  }
}
