/**
 * The error codes the gateway sends in `extensions.code` that the web app acts on: the
 * registry is platform/src/errors.ts (a Node package the browser bundle cannot import), and
 * web/test/registries.test.ts fails when this copy drifts from it.
 */
export const GraphErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  EVENTS_MAY_HAVE_BEEN_MISSED: 'EVENTS_MAY_HAVE_BEEN_MISSED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type GraphErrorCode = (typeof GraphErrorCode)[keyof typeof GraphErrorCode];

/** "Please wait 30 seconds", "1 minute and 5 seconds": a wait a person reads at a glance. */
export function waitInWords(seconds: number | undefined): string {
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) return 'a moment';
  const whole = Math.ceil(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0
    ? part(minutes, 'minute')
    : `${part(minutes, 'minute')} and ${part(rest, 'second')}`;
}

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

/** The words for a refusal to go on: too many attempts (sign-ins, messages) too quickly. */
export const tooManyTries = (retryAfterSeconds?: number) =>
  `Too many attempts in a short time. For your safety, please wait ${waitInWords(retryAfterSeconds)} and try again.`;

/** What each error code means for the person in front of the screen. */
export function inPlainWords(error: GraphErrorPayload): string {
  const { code, field, allowed, retryAfterSeconds } = error.extensions ?? {};
  switch (code) {
    case GraphErrorCode.BAD_USER_INPUT:
      return `${error.message}${allowed ? ` (allowed: ${allowed})` : ''}${field ? ` [${field}]` : ''}`;
    case GraphErrorCode.UNAUTHENTICATED:
      return 'Your sign-in has ended. Please sign in again.';
    case GraphErrorCode.FORBIDDEN:
      return "You don't have access to this. Ask its owner to share it with you.";
    case GraphErrorCode.CONFLICT:
      return 'Someone changed this at the same time. Reload and try again.';
    case GraphErrorCode.TOO_MANY_REQUESTS:
      return tooManyTries(retryAfterSeconds);
    case GraphErrorCode.SERVICE_UNAVAILABLE:
      return 'Part of MindScape is not answering right now. Try again in a moment.';
    case GraphErrorCode.EVENTS_MAY_HAVE_BEEN_MISSED:
      return 'The live connection was interrupted; some updates may be missing.';
    case GraphErrorCode.INTERNAL_SERVER_ERROR:
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
