/** A GraphQL error as the gateway sends it. */
export interface GraphErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; allowed?: string; retryAfterSeconds?: number };
}

/** A failed request, with the message a person should read. */
export class GraphFailure extends Error {
  override name = 'GraphFailure';
  constructor(
    readonly code: string,
    readonly plain: string,
    readonly errors: readonly GraphErrorPayload[] = [],
  ) {
    super(plain);
  }
}

/** What each error code means for the person in front of the screen. */
export function inPlainWords(error: GraphErrorPayload): string {
  const { code, field, allowed, retryAfterSeconds } = error.extensions ?? {};
  switch (code) {
    case 'BAD_USER_INPUT':
      return `${error.message}${allowed ? ` (allowed: ${allowed})` : ''}${field ? ` [${field}]` : ''}`;
    case 'UNAUTHENTICATED':
      return 'Your sign-in has ended. Please sign in again.';
    case 'FORBIDDEN':
      return "You don't have access to this. Ask its owner to share it with you.";
    case 'CONFLICT':
      return 'Someone changed this at the same time. Reload and try again.';
    case 'RATE_LIMITED':
      return `Too many requests; please wait${retryAfterSeconds ? ` ${retryAfterSeconds} s` : ' a moment'}.`;
    case 'SERVICE_UNAVAILABLE':
      return 'Part of MindScape is not answering right now. Try again in a moment.';
    case 'EVENTS_MAY_HAVE_BEEN_MISSED':
      return 'The live connection was interrupted; some updates may be missing.';
    case 'INTERNAL_SERVER_ERROR':
      return 'Something went wrong on our side. Try again in a moment.';
    default:
      return error.message || 'Something went wrong.';
  }
}

export function failureOf(errors: readonly GraphErrorPayload[]): GraphFailure {
  const first = errors[0] ?? { message: 'The graph gave no answer.' };
  return new GraphFailure(first.extensions?.code ?? 'UNKNOWN', inPlainWords(first), errors);
}

export const networkFailure = () =>
  new GraphFailure('NETWORK', "Can't reach MindScape. Check your connection; we'll keep trying.");

/** The plain words for anything thrown. */
export function plainMessage(error: unknown): string {
  if (error instanceof GraphFailure) return error.plain;
  if (error instanceof Error) return error.message;
  return String(error);
}
