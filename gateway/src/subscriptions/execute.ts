import { buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { IDENTITY_HEADER, signAssertion, type RequestAssertion } from '@mindscape/platform';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { SupergraphPlans } from './plans.js';

/** The service name the event of a subscription is served under, for its plan's first fetch. */
const EVENT_SOURCE = '__subscription_event__';

export interface FederatedSubscriptionDeps {
  plans: () => SupergraphPlans;
  apiSchema: () => GraphQLSchema;
  serviceMap: ServiceMap;
  subgraphUrls: Record<string, string>;
  assertionSecret: string;
  /** Applied to subscriptions as to HTTP operations (limits.ts). */
  validationRules: ValidationRule[];
  maxTokens: number;
}

/**
 * Runs a subscription from its query plan: the `primary` fetch as a graphql-ws subscription to
 * the owning subgraph; for each event, the plan `[primary answered by the event, rest]` through
 * executeQueryPlan, so fields from any subgraph are fetched and merged as for queries.
 */
export async function federatedSubscribe(
  deps: FederatedSubscriptionDeps,
  args: ExecutionArgs,
  assertion: RequestAssertion,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const plans = deps.plans();
  const plan = plans.plan(args.document, args.operationName);
  if (plan.node?.kind !== 'Subscription') {
    return {
      errors: [
        new GraphQLError(
          'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
        ),
      ],
    };
  }
  const { primary, rest } = plan.node;
  const url = deps.subgraphUrls[primary.serviceName];
  if (!url) return { errors: [new GraphQLError(`No subgraph serves ${primary.serviceName}.`)] };

  const variables = Object.fromEntries(
    (primary.variableUsages ?? []).map((name) => [name, args.variableValues?.[name]]),
  );
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { [IDENTITY_HEADER]: await signAssertion(assertion, deps.assertionSecret) },
    retryAttempts: 0,
    lazy: true,
  });
  const upstream = client.iterate<Record<string, unknown>>({
    query: primary.operation,
    variables,
    ...(primary.operationName ? { operationName: primary.operationName } : {}),
  });

  // The first upstream answer decides: an immediate refusal (FORBIDDEN, bad input) goes back
  // to the client as a plain result rather than as a stream.
  let first: IteratorResult<FormattedExecutionResult<Record<string, unknown>, unknown>>;
  try {
    first = await upstream.next();
  } catch (error) {
    await client.dispose();
    return { errors: upstreamErrors(error) };
  }
  const context = { assertion };
  const operationContext = buildOperationContext({
    schema: deps.apiSchema(),
    operationDocument: args.document,
    ...(args.operationName ? { operationName: args.operationName } : {}),
  });

  async function merged(
    event: FormattedExecutionResult<Record<string, unknown>, unknown>,
  ): Promise<ExecutionResult> {
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
      context,
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

  return (async function* stream() {
    try {
      if (first.done) return;
      yield await merged(first.value);
      for await (const event of { [Symbol.asyncIterator]: () => upstream })
        yield await merged(event);
    } finally {
      await upstream.return?.(undefined);
      await client.dispose();
    }
  })();
}

/** graphql-ws rejects an iterate() with the server's GraphQL errors, or with a close event. */
function upstreamErrors(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) {
    return error.map(
      (e: {
        message?: string;
        extensions?: Record<string, unknown>;
        path?: ReadonlyArray<string | number>;
      }) =>
        new GraphQLError(e.message ?? 'Subscription refused', {
          extensions: e.extensions ?? {},
          ...(e.path ? { path: e.path } : {}),
        }),
    );
  }
  return [
    new GraphQLError('The subscription source is unavailable; try again shortly.', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    }),
  ];
}
