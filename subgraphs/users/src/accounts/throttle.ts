import { tooManyRequests } from '@mindscape/platform';
import type { Model } from 'mongoose';
import type { SignInFailureDoc } from '../models/index.js';

export interface ThrottleLimits {
  /** Failures per account before backoff starts. @default 5 */
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
 * Exponential backoff on failed sign-ins, per account and per IP, kept in the database so
 * every instance of the subgraph sees the same counts.
 */
export class SignInThrottle {
  private readonly limits: ThrottleLimits;

  constructor(
    private readonly failures: Model<SignInFailureDoc>,
    limits: Partial<ThrottleLimits> = {},
  ) {
    this.limits = { ...defaults, ...limits };
  }

  keys(email: string, ip: string | undefined) {
    return [
      { key: `account:${email}`, limit: this.limits.perAccount },
      { key: `ip:${ip ?? 'unknown'}`, limit: this.limits.perIp },
    ];
  }

  /** Throws TOO_MANY_REQUESTS while any key is blocked. */
  async check(email: string, ip: string | undefined): Promise<void> {
    const ids = this.keys(email, ip).map((k) => k.key);
    const blocked = await this.failures
      .find({ _id: { $in: ids }, blockedUntil: { $gt: new Date() } })
      .lean();
    if (blocked.length === 0) return;
    const until = Math.max(...blocked.map((b) => b.blockedUntil!.getTime()));
    const seconds = Math.ceil((until - Date.now()) / 1000);
    throw tooManyRequests(`Too many failed sign-ins; try again in ${seconds} s.`, seconds);
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const now = Date.now();
    for (const { key, limit } of this.keys(email, ip)) {
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

  /** A correct password clears the account's count; the IP's count stays. */
  async recordSuccess(email: string): Promise<void> {
    await this.failures.deleteOne({ _id: `account:${email}` });
  }
}
