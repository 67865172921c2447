import { InternalClient, type Logger } from '@mindscape/platform';
import type { Model } from 'mongoose';
import type { AccountDeletionDoc } from '../models/index.js';

/** Every subgraph that keeps personal data exposes this route (docs/decisions/0022). */
export const ACCOUNT_DELETION_ROUTE = '/internal/accounts/delete';

export interface AccountDataService {
  name: string;
  /** Origin of the service (`http://host:port`). */
  origin: string;
}

/**
 * Carries an account's deletion to every other service that keeps the person's data. The
 * request is stored before the account's own rows go; each service's confirmation removes it
 * from `pending`; what is still pending is retried every `retryMs` (and at start) until it is
 * done, so a service that was down when the person left still forgets them.
 */
export class AccountDeletions {
  private readonly clients: Map<string, InternalClient>;
  private readonly timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly model: Model<AccountDeletionDoc>,
    private readonly services: AccountDataService[],
    secret: string,
    private readonly logger: Logger,
    retryMs = 30_000,
  ) {
    this.clients = new Map(services.map((s) => [s.name, new InternalClient(s.origin, secret)]));
    if (services.length > 0 && retryMs > 0) {
      this.timer = setInterval(() => void this.sweep(), retryMs);
      this.timer.unref();
    }
  }

  /** Records that `userId`'s data must go from every service (before anything is deleted). */
  async request(userId: string): Promise<void> {
    await this.model.updateOne(
      { _id: userId },
      {
        // Deleting twice is harmless, so asking again asks every service again.
        $set: {
          requestedAt: new Date(),
          pending: this.services.map((s) => s.name),
          lastError: null,
        },
      },
      { upsert: true },
    );
  }

  /** Asks each pending service to delete; true when none is left pending. */
  async carryOut(userId: string): Promise<boolean> {
    const doc = await this.model.findById(userId).lean().exec();
    if (!doc) return true;
    const failures: string[] = [];
    for (const name of doc.pending) {
      const client = this.clients.get(name);
      if (!client) {
        failures.push(`${name}: not configured (ACCOUNT_DATA_SERVICES)`);
        continue;
      }
      try {
        await client.post<{ deleted: boolean }>(ACCOUNT_DELETION_ROUTE, { userId }, () => false);
        await this.model.updateOne({ _id: userId }, { $pull: { pending: name } });
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    if (failures.length === 0) {
      await this.model.deleteOne({ _id: userId });
      return true;
    }
    await this.model.updateOne(
      { _id: userId },
      { $inc: { attempts: 1 }, $set: { lastError: failures.join('; ') } },
    );
    this.logger.warn(
      { userId, failures },
      'account deletion not confirmed by every service yet; it will be retried',
    );
    return false;
  }

  /** Retries every deletion still pending. */
  sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        const open = await this.model.find({}, { _id: 1 }).lean().exec();
        for (const { _id } of open) await this.carryOut(_id);
      } catch (error) {
        this.logger.error({ err: error }, 'retrying pending account deletions failed');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }
}

/** Parses ACCOUNT_DATA_SERVICES: `name=http://host:port` pairs, comma-separated. */
export function parseAccountDataServices(text: string): AccountDataService[] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [name = '', url = ''] = pair.split('=', 2).map((part) => part.trim());
      return { name, origin: new URL(url).origin };
    });
}
