import type { ExecutionResult } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import { ClientQueue } from './client-queue.js';
import {
  SharedOperation,
  Upstream,
  type UpstreamCounters,
  type UpstreamEvent,
  type UpstreamRequest,
} from './upstream.js';

export interface HubJoin {
  /** Same primary fetch, variables and identity: one upstream subscription. */
  upstreamKey: string;
  upstream: () => UpstreamRequest;
  /** Same whole operation besides: one merge per event. */
  operationKey: string;
  merge: (event: UpstreamEvent) => Promise<ExecutionResult>;
}

/**
 * Every live federated subscription of this gateway: upstream subscriptions shared by key,
 * per-event work shared per operation, a bounded queue per client, and the metrics of it all.
 */
export class SubscriptionHub {
  private readonly upstreams = new Map<string, Upstream>();
  private readonly counters: UpstreamCounters;
  private readonly open: Gauge;
  private readonly upstreamGauge: Gauge;
  private readonly dropped: Counter;

  constructor(
    private readonly queueBound: number,
    metrics: Registry,
  ) {
    this.open = new Gauge({
      name: 'gateway_subscriptions_open',
      help: 'Client subscriptions open on this gateway',
      registers: [metrics],
    });
    this.upstreamGauge = new Gauge({
      name: 'gateway_subscription_upstreams',
      help: 'Upstream subscriptions to subgraphs (shared by identical client subscriptions)',
      registers: [metrics],
    });
    const delivered = new Counter({
      name: 'gateway_subscription_events_delivered_total',
      help: 'Events queued for clients (one per client per event)',
      registers: [metrics],
    });
    this.dropped = new Counter({
      name: 'gateway_subscription_events_dropped_total',
      help: 'Events dropped from full client queues (oldest first)',
      registers: [metrics],
    });
    const reconnects = new Counter({
      name: 'gateway_subscription_upstream_reconnects_total',
      help: 'Upstream subscriptions re-established after their socket dropped',
      registers: [metrics],
    });
    this.counters = {
      delivered: (count) => delivered.inc(count),
      reconnected: () => reconnects.inc(),
    };
  }

  /** The client's event stream, or the upstream's refusal. */
  async join(request: HubJoin): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let upstream = this.upstreams.get(request.upstreamKey);
    if (!upstream) {
      const created = new Upstream(request.upstream(), this.counters, () => {
        if (this.upstreams.get(request.upstreamKey) === created)
          this.upstreams.delete(request.upstreamKey);
        this.upstreamGauge.set(this.upstreams.size);
      });
      upstream = created;
      this.upstreams.set(request.upstreamKey, upstream);
      this.upstreamGauge.set(this.upstreams.size);
    }
    let operation = upstream.operations.get(request.operationKey);
    if (!operation) {
      operation = new SharedOperation(request.merge, this.counters);
      upstream.operations.set(request.operationKey, operation);
    }
    const joined = upstream;
    const shared = operation;
    const queue = new ClientQueue<ExecutionResult>(
      this.queueBound,
      () => this.dropped.inc(),
      () => {
        this.open.dec();
        shared.clients.delete(queue);
        if (shared.clients.size > 0) return;
        if (joined.operations.get(request.operationKey) === shared)
          joined.operations.delete(request.operationKey);
        if (joined.operations.size === 0) joined.close();
      },
    );
    shared.clients.add(queue);
    this.open.inc();
    const errors = await joined.ready;
    if (errors) {
      void queue.return();
      return { errors: [...errors] };
    }
    return queue;
  }

  get upstreamCount(): number {
    return this.upstreams.size;
  }

  /** Ends every upstream (shutdown, or a new supergraph). */
  closeAll(): void {
    for (const upstream of [...this.upstreams.values()]) {
      for (const operation of upstream.operations.values()) operation.finish();
      upstream.close();
    }
  }
}
