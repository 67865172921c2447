import {
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import {
  GraphQLError,
  Kind,
  parse,
  type FieldNode,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '@mindscape/platform';

export interface ResilienceOptions {
  /** Consecutive failures that open a subgraph's circuit. */
  breakAfter: number;
  /** How long an open circuit fails fast before one request may try the subgraph again. */
  halfOpenAfterMs: number;
  /** Extra attempts for a read that failed for lack of an answer (never for mutations). */
  readRetries: number;
}

/**
 * A failure that says nothing about the request itself: the subgraph did not answer, answered
 * 5xx or timed out. Such failures count towards the circuit and may be retried; a subgraph's
 * 4xx (it understood and refused) does neither.
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return true;
  return error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE;
}

/**
 * Per subgraph: a circuit breaker shared by every request, and for reads a retry with
 * jittered exponential backoff inside it. Mutations are sent at most once: a timed-out
 * mutation may have been applied.
 */
export class SubgraphPolicies {
  readonly breaker: CircuitBreakerPolicy;
  private readonly reads: IPolicy;

  constructor(options: ResilienceOptions) {
    const unavailable = handleWhen(isUnavailable);
    this.breaker = circuitBreaker(unavailable, {
      halfOpenAfter: options.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breakAfter),
    });
    this.reads =
      options.readRetries > 0
        ? wrap(
            this.breaker,
            retry(unavailable, {
              maxAttempts: options.readRetries,
              backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 250 }),
            }),
          )
        : this.breaker;
  }

  run<T>(operationText: string, fetch: () => Promise<T>): Promise<T> {
    return (isRead(operationText) ? this.reads : this.breaker).execute(fetch);
  }
}

/** Subgraph operations the query planner writes start with `query`, `mutation` or `{`. */
export function isRead(operationText: string): boolean {
  return /^\s*(query\b|\{)/.test(operationText);
}

/**
 * The answer the gateway merges when a subgraph is unavailable: nulls where its fields would
 * be, and one error per missing field with the path a client can find in `data`. Entity
 * fetches (`_entities`) carry the entity's index, which the gateway maps to the client's path.
 */
export function unavailableAnswer(
  operationText: string,
  variables: Record<string, unknown> | undefined,
  serviceName: string,
): { data: Record<string, unknown> | null; errors: GraphQLFormattedError[] } {
  const message = `The ${serviceName} service is unavailable; its fields are missing from this answer.`;
  const extensions = { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName };
  const root = rootSelection(operationText);
  if (!root) return { data: null, errors: [{ message, extensions }] };
  const entities = root.find((f) => f.name.value === '_entities');
  const representations = variables?.representations;
  if (entities && Array.isArray(representations)) {
    const fields = responseNames(entities.selectionSet);
    const errors = representations.flatMap((_, i) =>
      (fields.length ? fields : [undefined]).map((field) => ({
        message,
        path: field === undefined ? ['_entities', i] : ['_entities', i, field],
        extensions,
      })),
    );
    return { data: { _entities: representations.map(() => null) }, errors };
  }
  const names = root.map((f) => f.alias?.value ?? f.name.value);
  return {
    data: Object.fromEntries(names.map((name) => [name, null])),
    errors: names.map((name) => ({ message, path: [name], extensions })),
  };
}

function rootSelection(operationText: string): FieldNode[] | undefined {
  try {
    const operation = parse(operationText).definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION,
    );
    return operation?.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  } catch {
    return undefined;
  }
}

/** Field names under a selection, looking through the inline fragments `_entities` uses. */
function responseNames(selectionSet: SelectionSetNode | undefined): string[] {
  const names = new Set<string>();
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename')
        names.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      for (const name of responseNames(selection.selectionSet)) names.add(name);
    }
  }
  return [...names];
}
