import type { Revocation } from '@mindscape/platform';
import type { ExecutionResult } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import { ClientQueue, type DeliverNow } from './client-queue.js';
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
  /** Writes an event to this client at once while its socket is idle (client-queue.ts). */
  deliverNow?: DeliverNow<ExecutionResult>;
}

/**
 * Every live federated subscription of this gateway: upstream subscriptions shared by key,
 * per-event work shared per operation, a bounded queue per client, and the metrics of it all.
 */
export class SubscriptionHub {
  private readonly upstreams = new Map<string, Upstream>();
  /** How each upstream was opened, to open it again when its authorization must be re-checked. */
  private readonly requests = new Map<Upstream, () => UpstreamRequest>();
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
    const { upstreamKey, operationKey } = request;
    const joined =
      this.upstreams.get(upstreamKey) ?? this.startUpstream(upstreamKey, request.upstream);
    let operation = joined.operations.get(operationKey);
    if (!operation) {
      operation = new SharedOperation(request.merge, this.counters);
      joined.operations.set(operationKey, operation);
    }
    const shared = operation;
    const queue = new ClientQueue<ExecutionResult>(
      this.queueBound,
      () => this.dropped.inc(),
      () => {
        this.open.dec();
        shared.clients.delete(queue);
        if (shared.clients.size > 0) return;
        // The operation may have moved to a re-authorized upstream since the client joined.
        for (const upstream of new Set([joined, this.upstreams.get(upstreamKey)])) {
          if (upstream?.operations.get(operationKey) !== shared) continue;
          upstream.operations.delete(operationKey);
          if (upstream.operations.size === 0) upstream.close();
        }
      },
      request.deliverNow,
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

  /**
   * A revoked consent: every upstream acting for the grantee subscribes to its subgraph again,
   * which authorizes it afresh. Streams still allowed carry on; the others end with the
   * subgraph's refusal (FORBIDDEN). A client joining later joins the re-authorized upstream.
   * (Sessions, devices and accounts end at the socket: revocation.ts closes those.)
   */
  revoked(revocation: Revocation): void {
    if (revocation.kind !== 'consent') return;
    // Upstream keys name the identity they act for; naming the grantee elsewhere too (as a
    // variable) only costs a needless re-subscription.
    for (const key of [...this.upstreams.keys()])
      if (key.includes(revocation.granteeId)) this.reauthorize(key);
  }

  private reauthorize(key: string): void {
    const stale = this.upstreams.get(key);
    const request = stale && this.requests.get(stale);
    if (!stale || !request) return;
    const operations = [...stale.operations];
    stale.operations.clear();
    const fresh = this.startUpstream(key, request);
    for (const [operationKey, operation] of operations)
      fresh.operations.set(operationKey, operation);
    // Between the old upstream's end and the new one's start events can pass unseen: streams
    // still allowed are told so before their next event (refused ones just end FORBIDDEN).
    fresh.announceGapAtFirstEvent();
    stale.close();
  }

  private startUpstream(key: string, request: () => UpstreamRequest): Upstream {
    const created = new Upstream(request(), this.counters, () => {
      if (this.upstreams.get(key) === created) this.upstreams.delete(key);
      this.requests.delete(created);
      this.upstreamGauge.set(this.upstreams.size);
    });
    this.upstreams.set(key, created);
    this.requests.set(created, request);
    this.upstreamGauge.set(this.upstreams.size);
    return created;
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
