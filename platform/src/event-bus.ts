import { EventEmitter, on } from 'node:events';

/**
 * Carries domain events (a person's state changed, a story was edited) from the service that
 * produced them to every subscriber. In-process by default; a Redis implementation of this
 * interface takes over when several instances run.
 */
export interface EventBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  /** Events published on `topic` after the call; ends when `signal` aborts. */
  subscribe<T>(topic: string, signal: AbortSignal): AsyncIterable<T>;
  close(): Promise<void>;
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Each live subscription is one listener; thousands per topic are normal here.
    this.emitter.setMaxListeners(0);
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  async *subscribe<T>(topic: string, signal: AbortSignal): AsyncIterable<T> {
    try {
      for await (const [payload] of on(this.emitter, topic, { signal })) {
        // `on` may hold events that arrived before the abort; they are not delivered.
        if (signal.aborted) return;
        yield payload as T;
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
