import { tooManyRequests } from '@mindscape/platform';
import type { Model } from 'mongoose';
import type { SignInFailureDoc } from '../models/index.js';

export interface ThrottleLimits {
  /** Failures per account from one client address before that pair backs off. @default 5 */
  perAccount: number;
  /** Failures per client IP before backoff starts (many people may share one). @default 30 */
  perIp: number;
  /** Failures older than this are forgotten. @default 15 minutes */
  windowMs: number;
  /** The longest a key is blocked. @default 15 minutes */
  maxBlockMs: number;
}

const defaults: ThrottleLimits = {
  perAccount: 5,
  perIp: 30,
  windowMs: 15 * 60_000,
  maxBlockMs: 15 * 60_000,
};

/**
 * Exponential backoff on failed sign-ins, per (account, client address) and per address, kept
 * in the database so every instance of the subgraph sees the same counts. There is no lock of
 * the account as such: an attacker's failures must not lock its owner out from elsewhere.
 */
export class SignInThrottle {
  private readonly limits: ThrottleLimits;

  constructor(
    private readonly failures: Model<SignInFailureDoc>,
    limits: Partial<ThrottleLimits> = {},
  ) {
    this.limits = { ...defaults, ...limits };
  }

  keys(email: string | undefined, ip: string | undefined) {
    const address = { key: `ip:${ip ?? 'unknown'}`, limit: this.limits.perIp };
    if (email === undefined) return [address];
    return [
      { key: `account-ip:${email}|${ip ?? 'unknown'}`, limit: this.limits.perAccount },
      address,
    ];
  }

  /** Throws TOO_MANY_REQUESTS while the pair or the address is blocked. */
  check(email: string, ip: string | undefined): Promise<void> {
    return this.checkKeys(this.keys(email, ip).map((k) => k.key));
  }

  /** Throws TOO_MANY_REQUESTS while the address is blocked (sign-up, consent by email). */
  checkAddress(ip: string | undefined): Promise<void> {
    return this.checkKeys(this.keys(undefined, ip).map((k) => k.key));
  }

  private async checkKeys(ids: string[]): Promise<void> {
    const blocked = await this.failures
      .find({ _id: { $in: ids }, blockedUntil: { $gt: new Date() } })
      .lean();
    if (blocked.length === 0) return;
    const until = Math.max(...blocked.map((b) => b.blockedUntil!.getTime()));
    const seconds = Math.ceil((until - Date.now()) / 1000);
    throw tooManyRequests(`Too many failed sign-ins; try again in ${seconds} s.`, seconds);
  }

  recordFailure(email: string, ip: string | undefined): Promise<void> {
    return this.recordKeys(this.keys(email, ip));
  }

  /** An answer that told the asker something about an address (it has an account, or not). */
  recordAddressFailure(ip: string | undefined): Promise<void> {
    return this.recordKeys(this.keys(undefined, ip));
  }

  private async recordKeys(keys: Array<{ key: string; limit: number }>): Promise<void> {
    const now = Date.now();
    for (const { key, limit } of keys) {
      await this.failures.updateOne(
        { _id: key, lastFailureAt: { $lt: new Date(now - this.limits.windowMs) } },
        { $set: { failures: 0, blockedUntil: null } },
      );
      const row = await this.failures.findOneAndUpdate(
        { _id: key },
        { $inc: { failures: 1 }, $set: { lastFailureAt: new Date(now) } },
        { upsert: true, new: true },
      );
      if (row && row.failures >= limit) {
        const blockMs = Math.min(2 ** (row.failures - limit + 1) * 1000, this.limits.maxBlockMs);
        await this.failures.updateOne(
          { _id: key },
          { $set: { blockedUntil: new Date(now + blockMs) } },
        );
      }
    }
  }

  /** A correct password clears the pair's count; the address's count stays. */
  async recordSuccess(email: string, ip: string | undefined): Promise<void> {
    await this.failures.deleteOne({ _id: this.keys(email, ip)[0]!.key });
  }
}
