import { Redis } from 'ioredis';
import {
  EVENTS_GAP,
  topicSubscription,
  type EventBus,
  type TopicSubscription,
} from './event-bus.js';

/**
 * The event bus over Redis pub/sub, for more than one instance of a service: an event
 * published by any instance reaches every subscriber on every instance, once. One connection
 * publishes; one subscribes, to each channel once however many local subscribers share it.
 * Payloads travel as JSON, so dates arrive as ISO strings.
 */
export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  /** Per channel: its local listeners and the SUBSCRIBE that makes Redis send its messages. */
  private readonly local = new Map<
    string,
    { listeners: Set<(payload: unknown) => void>; subscribed: Promise<void> }
  >();

  constructor(
    url: string,
    private readonly prefix = 'mindscape:',
  ) {
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    // The subscriber connection came back (ioredis subscribes its channels again): whatever was
    // published meanwhile is gone, and every local subscriber is told so.
    let connectedBefore = false;
    this.subscriber.on('ready', () => {
      if (connectedBefore)
        for (const { listeners } of this.local.values())
          for (const listener of listeners) listener(EVENTS_GAP);
      connectedBefore = true;
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      const listeners = this.local.get(channel)?.listeners;
      if (!listeners) return;
      const payload = JSON.parse(message) as unknown;
      for (const listener of listeners) listener(payload);
    });
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload));
  }

  subscribe<T>(topic: string, signal: AbortSignal): TopicSubscription<T> {
    const channel = this.prefix + topic;
    let entry = this.local.get(channel);
    if (!entry) {
      // One SUBSCRIBE per channel: subscribers that join while it is in flight wait for it too.
      const subscribed = this.subscriber.subscribe(channel).then(() => undefined);
      const created = { listeners: new Set<(payload: unknown) => void>(), subscribed };
      // A refused SUBSCRIBE fails the subscriptions waiting on it; the next one tries again.
      subscribed.catch(() => {
        if (this.local.get(channel) === created) this.local.delete(channel);
      });
      this.local.set(channel, created);
      entry = created;
    }
    const { listeners, subscribed } = entry;
    return topicSubscription<T>(signal, subscribed, (push) => {
      const listener = (payload: unknown) => push(payload as T);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || this.local.get(channel) !== entry) return;
        this.local.delete(channel);
        void this.subscriber.unsubscribe(channel).catch(() => undefined);
      };
    });
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
