import { Redis } from 'ioredis';
import type { EventBus } from './event-bus.js';

/**
 * The event bus over Redis pub/sub, for more than one instance of a service: an event
 * published by any instance reaches every subscriber on every instance, once. One connection
 * publishes; one subscribes, to each channel once however many local subscribers share it.
 * Payloads travel as JSON, so dates arrive as ISO strings.
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly local = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    url: string,
    private readonly prefix = 'mindscape:',
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    this.subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.local.get(channel);
      if (!listeners) return;
      const payload = JSON.parse(message) as unknown;
      for (const listener of listeners) listener(payload);
    });
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload));
  }

  async *subscribe<T>(topic: string, signal: AbortSignal): AsyncIterable<T> {
    const channel = this.prefix + topic;
    const queue: T[] = [];
    let wake: (() => void) | undefined;
    const listener = (payload: unknown) => {
      queue.push(payload as T);
      wake?.();
    };
    let listeners = this.local.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.local.set(channel, listeners);
      await this.subscriber.subscribe(channel);
    }
    listeners.add(listener);
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        while (queue.length > 0 && !signal.aborted) yield queue.shift()!;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      listeners.delete(listener);
      if (listeners.size === 0) {
        this.local.delete(channel);
        await this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    }
  }

  /** Resolves once both connections are up (start-up readiness). */
  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.ping()]);
  }

  async close(): Promise<void> {
    this.local.clear();
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}

/** Redis when a URL is configured, otherwise in-process. */
export async function eventBusFor(redisUrl: string | undefined): Promise<EventBus> {
  if (!redisUrl) {
    const { InProcessEventBus } = await import('./event-bus.js');
    return new InProcessEventBus();
  }
  const bus = new RedisEventBus(redisUrl);
  await bus.ready();
  return bus;
}
