import { ErrorCode, maskUnexpected } from '@mindscape/platform';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';

/**
 * The error extensions a client may see, each with the type it must have: `code` (the
 * registry in platform/src/errors.ts), `field` and `allowed` (bad input: the value at fault and
 * what is accepted), `retryAfterSeconds` (rate limits), `currentVersion` (a stale edit's
 * CONFLICT) and `serviceName` (which subgraph an error came from, as its message says). Every
 * other extension stays inside the graph, however a subgraph came to send it: a `stacktrace`,
 * an `exception`, a `detail` naming an internal address, an `http` status for the gateway to
 * answer with. A value of another type goes too (an object smuggled in as `field`).
 */
const CLIENT_EXTENSIONS: Readonly<Record<string, 'string' | 'number'>> = {
  code: 'string',
  field: 'string',
  allowed: 'string',
  retryAfterSeconds: 'number',
  currentVersion: 'number',
  serviceName: 'string',
};

function allowed(key: string, value: unknown): boolean {
  const type = Object.hasOwn(CLIENT_EXTENSIONS, key) ? CLIENT_EXTENSIONS[key] : undefined;
  if (type === 'string') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return false;
}

/** The allow-listed extensions; the same object when nothing goes (no copy in the usual case). */
export function clientExtensions<T extends Readonly<Record<string, unknown>>>(extensions: T): T {
  const keys = Object.keys(extensions);
  if (keys.every((key) => allowed(key, extensions[key]))) return extensions;
  return Object.fromEntries(
    keys.filter((key) => allowed(key, extensions[key])).map((key) => [key, extensions[key]]),
  ) as T;
}

/**
 * An error as a subgraph sent it, as the gateway takes it in: with only its allow-listed
 * extensions, so nothing else reaches a client nor steers the gateway (Apollo Server answers
 * with the status an `http` extension names). The same error when nothing goes.
 */
export function fromSubgraph<T extends GraphQLFormattedError>(error: T): T {
  if (!error.extensions) return error;
  const extensions = clientExtensions(error.extensions);
  return extensions === error.extensions ? error : { ...error, extensions };
}

/** A subgraph answer with each error as `fromSubgraph` takes it in; the same answer when clean. */
export function answerFromSubgraph<T extends { errors?: ReadonlyArray<GraphQLFormattedError> }>(
  answer: T,
): T {
  const sent = answer.errors;
  if (!sent) return answer;
  const errors = sent.map(fromSubgraph);
  return errors.every((error, i) => error === sent[i]) ? answer : { ...answer, errors };
}

/**
 * An error as every client reads it, over HTTP (Apollo Server's `formatError`) and WebSocket
 * (`resultsForClients`): an unexpected one's message masked, only allow-listed extensions.
 */
export function forClient(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return fromSubgraph(maskUnexpected(formatted));
}

/**
 * The WebSocket path's `formatError` (graphql-ws has none): each result's errors as `forClient`
 * formats them, made once per result (an event goes to its subscribers as one object, encoded
 * once: serialize-once.ts) and the very same result when nothing changes. `unexpected` hears
 * each error whose message is masked, before it is.
 */
export function resultsForClients(
  unexpected: (error: unknown) => void,
): <T extends ExecutionResult>(result: T) => T {
  const formatted = new WeakMap<ExecutionResult, ExecutionResult>();
  return <T extends ExecutionResult>(result: T): T => {
    if (!result.errors?.length) return result;
    let known = formatted.get(result);
    if (!known) {
      const errors = result.errors.map((error) => errorForClient(error, unexpected));
      known = errors.every((error, i) => error === result.errors![i])
        ? result
        : { ...result, errors };
      formatted.set(result, known);
    }
    return known as T;
  };
}

/** One error as `forClient` formats it, still a GraphQLError (graphql-ws calls its toJSON). */
export function errorForClient(
  error: unknown,
  unexpected: (error: unknown) => void = () => {},
): GraphQLError {
  const internal = { code: ErrorCode.INTERNAL_SERVER_ERROR };
  if (!(error instanceof GraphQLError)) {
    unexpected(error);
    return new GraphQLError(maskUnexpected({ message: '', extensions: internal }).message, {
      extensions: internal,
    });
  }
  // Over HTTP, Apollo codes an uncoded error INTERNAL_SERVER_ERROR before formatting; over
  // WebSocket nothing does, so an uncoded error (graphql-js's own, say) is taken as internal here.
  const extensions =
    typeof error.extensions.code === 'string'
      ? error.extensions
      : { ...error.extensions, ...internal };
  const formatted = forClient({ message: error.message, extensions });
  if (formatted.message === error.message && formatted.extensions === error.extensions)
    return error;
  if (formatted.message !== error.message) unexpected(error);
  return new GraphQLError(formatted.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: formatted.extensions ?? {},
  });
}
