import { GraphQLError } from 'graphql';

/** The error codes clients can rely on, carried in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

/** Bad input: names the field at fault and, where useful, what is allowed. */
export function badUserInput(field: string, message: string, allowed?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field, ...(allowed ? { allowed } : {}) },
  });
}

export function unauthenticated(message = 'Sign in first: this needs a valid access token.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string) {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function notFound(what: string) {
  return new GraphQLError(`${what} was not found.`, { extensions: { code: 'NOT_FOUND' } });
}

export function tooManyRequests(message: string, retryAfterSeconds: number) {
  return new GraphQLError(message, {
    extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds },
  });
}
