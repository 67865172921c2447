import { GraphQLError } from 'graphql';

/**
 * The error codes clients can rely on, carried in `extensions.code`: the one registry (as
 * graphql-ws's `CloseCode`). Throw through the constructors below, or name a code from here;
 * never spell a code as a string literal beside the code that throws it.
 */
export const ErrorCode = {
  /** An argument or input value is out of range or malformed; `field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The request itself is malformed (not the operation's values): wrong transport, bad body. */
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** Someone changed the thing first (an expected version no longer matches). */
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  /** Too many subscriptions open on one WebSocket connection. */
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The operation breaks the schema or a query limit (depth, aliases, cost, root fields). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** The document does not parse (or has too many tokens). */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** `operationName` names no operation in the document, or is missing where it must be given. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** The deployment serves only the operations of its allow-list. */
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  /** A subgraph did not answer; its fields are missing from the answer. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A live stream fell behind or was interrupted: resynchronise from a read. */
  EVENTS_MAY_HAVE_BEEN_MISSED: 'EVENTS_MAY_HAVE_BEEN_MISSED',
  /** Undo or redo with no step left to replay. */
  NOTHING_TO_REPLAY: 'NOTHING_TO_REPLAY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error with a registered code; `http` sets the status Apollo Server answers with. */
export function codedError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  http?: number,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(http ? { http: { status: http } } : {}) },
  });
}

/** Bad input: names the field at fault and, where useful, what is allowed. */
export function badUserInput(field: string, message: string, allowed?: string): GraphQLError {
  return codedError(ErrorCode.BAD_USER_INPUT, message, {
    field,
    ...(allowed ? { allowed } : {}),
  });
}

export function badRequest(message: string, http?: number) {
  return codedError(ErrorCode.BAD_REQUEST, message, {}, http);
}

export function unauthenticated(message = 'Sign in first: this needs a valid access token.') {
  return codedError(ErrorCode.UNAUTHENTICATED, message);
}

export function forbidden(message: string) {
  return codedError(ErrorCode.FORBIDDEN, message);
}

export function notFound(what: string) {
  return codedError(ErrorCode.NOT_FOUND, `${what} was not found.`);
}

export function conflict(message: string, extensions: Record<string, unknown> = {}) {
  return codedError(ErrorCode.CONFLICT, message, extensions);
}

export function tooManyRequests(message: string, retryAfterSeconds: number) {
  return codedError(ErrorCode.TOO_MANY_REQUESTS, message, { retryAfterSeconds });
}

export function tooManySubscriptions(limit: number) {
  return codedError(
    ErrorCode.TOO_MANY_SUBSCRIPTIONS,
    `At most ${limit} subscriptions per connection.`,
  );
}

export function payloadTooLarge(message: string) {
  return codedError(ErrorCode.PAYLOAD_TOO_LARGE, message, {}, 413);
}

/** A query limit or schema rule broken: the client must change the operation (HTTP 400). */
export function validationFailed(message: string) {
  return codedError(ErrorCode.GRAPHQL_VALIDATION_FAILED, message, {}, 400);
}

export function operationResolutionFailure(message: string) {
  return codedError(ErrorCode.OPERATION_RESOLUTION_FAILURE, message, {}, 400);
}

export function operationNotAllowed(
  message = 'This operation is not in the allow-list of this deployment.',
) {
  return codedError(ErrorCode.OPERATION_NOT_ALLOWED, message, {}, 403);
}

export function serviceUnavailable(message: string, extensions: Record<string, unknown> = {}) {
  return codedError(ErrorCode.SERVICE_UNAVAILABLE, message, extensions);
}

/** The same error with a registered code (graphql-js's own validation and syntax errors have none). */
export function withErrorCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    extensions: { ...error.extensions, code },
  });
}

/** Names of the drivers' errors that mean "the database is not answering right now". */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoWaitQueueTimeoutError',
]);

/**
 * A database outage or a transient refusal, as the drivers report it: MongoDB's network and
 * server-selection errors (and mongoose's buffering timeout), FerretDB's "database is locked"
 * (SQLite busy), Neo4j's ServiceUnavailable, SessionExpired and transient errors. A client may
 * try again: these answer SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR.
 */
export function isEngineUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE_ERROR_NAMES.has(error.name)) return true;
  const code = (error as { code?: unknown }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return true;
  if (typeof code === 'string' && code.startsWith('Neo.TransientError.')) return true;
  // A connection that closed or was refused mid-operation (a killed server), however wrapped.
  if (error.cause instanceof Error && isEngineUnavailable(error.cause)) return true;
  return /database is locked|SQLITE_BUSY|buffering timed out|ECONNRESET|ECONNREFUSED|connection \S+ to \S+ closed|Topology is closed|socket hang up/i.test(
    error.message,
  );
}
