import { buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import {
  ErrorCode,
  IDENTITY_HEADER,
  signAssertion,
  type RequestAssertion,
} from '@mindscape/platform';
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  print,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { DeliverNow } from './client-queue.js';
import type { SubscriptionHub } from './hub.js';
import type { SupergraphPlans } from './plans.js';
import { upstreamErrors, type UpstreamEvent } from './upstream.js';

/** The service name the event of a subscription is served under, for its plan's first fetch. */
const EVENT_SOURCE = '__subscription_event__';

export interface FederatedSubscriptionDeps {
  plans: () => SupergraphPlans;
  apiSchema: () => GraphQLSchema;
  serviceMap: ServiceMap;
  subgraphUrls: Record<string, string>;
  /**
   * Signs each upstream connection's assertion; without it (an anonymous gateway) none is
   * sent, and MindScape's subgraphs refuse the connection.
   */
  assertionSecret?: string;
  /** Applied to subscriptions as to HTTP operations (limits.ts). */
  validationRules: ValidationRule[];
  maxTokens: number;
  hub: SubscriptionHub;
}

const printedDocuments = new WeakMap<DocumentNode, string>();

/** The document's text, printed once per document (clients of one operation share it). */
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

/**
 * Runs a subscription from its query plan: the `primary` fetch as a graphql-ws subscription to
 * the owning subgraph (shared through the hub); for each event, the plan `[primary answered by
 * the event, rest]` through executeQueryPlan, so fields from any subgraph are fetched and
 * merged as for queries.
 */
export async function federatedSubscribe(
  deps: FederatedSubscriptionDeps,
  args: ExecutionArgs,
  assertion: RequestAssertion,
  /** Writes an event to the client at once while its socket is idle (serialize-once.ts). */
  deliverNow?: DeliverNow<ExecutionResult>,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const plans = deps.plans();
  const plan = plans.plan(args.document, args.operationName);
  if (plan.node?.kind !== 'Subscription') {
    return {
      errors: [
        new GraphQLError(
          'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
          { extensions: { code: ErrorCode.BAD_REQUEST } },
        ),
      ],
    };
  }
  const { primary, rest } = plan.node;
  const url = deps.subgraphUrls[primary.serviceName];
  if (!url) {
    const unserved = `No subgraph serves ${primary.serviceName}.`;
    return {
      errors: [new GraphQLError(unserved, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } })],
    };
  }

  const variables = Object.fromEntries(
    (primary.variableUsages ?? []).map((name) => [name, args.variableValues?.[name]]),
  );
  // Shared upstreams carry who is asking, not which request: no request id or client address.
  const shared: RequestAssertion = assertion.identity
    ? {
        identity: {
          userId: assertion.identity.userId,
          via: assertion.identity.via,
          ...(assertion.identity.deviceId ? { deviceId: assertion.identity.deviceId } : {}),
        },
      }
    : {};
  const who = JSON.stringify(shared);
  const upstreamKey = JSON.stringify([primary.serviceName, primary.operation, variables, who]);
  const operationKey = JSON.stringify([
    printed(args.document),
    args.operationName ?? null,
    args.variableValues ?? {},
  ]);
  const operationContext = buildOperationContext({
    schema: deps.apiSchema(),
    operationDocument: args.document,
    ...(args.operationName ? { operationName: args.operationName } : {}),
  });

  /** The event answers the plan's first fetch; the rest runs as for a query. */
  async function merge(event: UpstreamEvent): Promise<ExecutionResult> {
    const eventErrors = event.errors ? upstreamErrors(event.errors) : [];
    if (!event.data) return { errors: eventErrors };
    const eventFetch: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
    const node: PlanNode = rest ? { kind: 'Sequence', nodes: [eventFetch, rest] } : eventFetch;
    const queryPlan: QueryPlan = { kind: 'QueryPlan', node };
    const serviceMap: ServiceMap = {
      ...deps.serviceMap,
      [EVENT_SOURCE]: { process: async () => ({ data: event.data }) },
    };
    const requestContext = {
      request: {
        variables: args.variableValues ?? {},
        operationName: args.operationName ?? undefined,
      },
      context: { assertion: shared },
      cache: undefined,
      logger: console,
      metrics: {},
      overallCachePolicy: {},
    } as unknown as Parameters<typeof executeQueryPlan>[2];
    const result = await executeQueryPlan(
      queryPlan,
      serviceMap,
      requestContext,
      operationContext,
      plans.supergraphSchema,
      plans.apiSchema,
    );
    const errors = [...eventErrors, ...(result.errors ?? [])];
    return { data: result.data ?? null, ...(errors.length ? { errors } : {}) } as ExecutionResult;
  }

  return deps.hub.join({
    upstreamKey,
    upstream: () => ({
      url,
      query: primary.operation,
      variables,
      ...(primary.operationName ? { operationName: primary.operationName } : {}),
      // A fresh assertion per (re)connection, good for this subgraph and this operation only.
      connectionParams: async () => {
        const secret = deps.assertionSecret;
        if (secret === undefined) return {};
        return {
          [IDENTITY_HEADER]: await signAssertion(shared, secret, {
            service: primary.serviceName,
            operation: { query: primary.operation, variables },
          }),
        };
      },
    }),
    operationKey,
    merge,
    ...(deliverNow ? { deliverNow } : {}),
  });
}
