import { isDuplicateKey, unauthenticated } from '@mindscape/platform';
import { Types } from 'mongoose';
import type { UsersModels } from '../models/index.js';
import type { AccessTokenIssuer } from './access-tokens.js';
import type { Revoker } from './revocations.js';
import { formatToken, newSecret, parseToken, secretMatches } from './opaque-token.js';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
const PREFIX = 'rt';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/** Sign-in sessions: a short-lived access JWT plus a rotating, single-use refresh token. */
export class Sessions {
  constructor(
    private readonly models: UsersModels,
    private readonly issuer: AccessTokenIssuer,
    private readonly revocations: Revoker,
  ) {}

  /** The same sessions, revoking through `revocations` (one request's reporting revoker). */
  revokingWith(revocations: Revoker): Sessions {
    return new Sessions(this.models, this.issuer, revocations);
  }

  /** Starts a new session (a new rotation family) for a person who just proved who they are. */
  start(userId: Types.ObjectId): Promise<SessionTokens> {
    return this.issue(userId, new Types.ObjectId());
  }

  /**
   * Trades a refresh token for a new pair. The token is claimed by inserting its use (keyed by
   * its id), so two concurrent uses cannot both win; the loser is treated as reuse.
   */
  async rotate(refreshToken: string): Promise<{ userId: Types.ObjectId; tokens: SessionTokens }> {
    const parsed = parseToken(PREFIX, refreshToken);
    const stored = parsed && (await this.models.refreshTokens.findById(parsed.id).lean());
    if (!parsed || !stored || !secretMatches(parsed.secret, stored.secretHash)) {
      throw unauthenticated('The refresh token is not valid; sign in again.');
    }
    if (stored.revokedAt) throw unauthenticated('This session has ended; sign in again.');
    if (stored.expiresAt.getTime() <= Date.now())
      throw unauthenticated('The refresh token has expired; sign in again.');

    if (stored.usedAt || !(await this.claim(stored._id))) {
      await this.end(stored.sessionId);
      throw unauthenticated(
        'This refresh token was already used, so the session has been ended to protect the account. Sign in again.',
      );
    }
    await this.models.refreshTokens.updateOne(
      { _id: stored._id },
      { $set: { usedAt: new Date() } },
    );
    return { userId: stored.userId, tokens: await this.issue(stored.userId, stored.sessionId) };
  }

  /** True for the one caller whose insert of the token's use went in first. */
  private async claim(tokenId: Types.ObjectId): Promise<boolean> {
    try {
      await this.models.refreshTokenUses.create({ _id: tokenId, at: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Revokes every token of a session: its refresh tokens here, and its access tokens at the
   * gateway (the revocation list), so they stop working on the next request, not in 15 minutes.
   */
  async end(sessionId: Types.ObjectId | string): Promise<void> {
    await this.models.refreshTokens.updateMany(
      { sessionId: new Types.ObjectId(sessionId), revokedAt: null },
      { $set: { revokedAt: new Date() } },
    );
    await this.revocations.revoke({ kind: 'session', id: String(sessionId) });
  }

  private async issue(userId: Types.ObjectId, sessionId: Types.ObjectId): Promise<SessionTokens> {
    const { secret, secretHash } = newSecret();
    const { _id } = await this.models.refreshTokens.create({
      sessionId,
      userId,
      secretHash,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    return {
      accessToken: await this.issuer.issue(userId.toHexString(), sessionId.toHexString()),
      refreshToken: formatToken(PREFIX, _id, secret),
    };
  }
}
