/** The signed-in person, as the web app shows them. */
export interface Person {
  id: string;
  displayName: string;
  email: string | null;
}

export interface SignedIn {
  accessToken: string;
  user: Person;
}

export class AuthError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function post(action: string, body?: unknown, token?: string): Promise<SignedIn> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${action}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new AuthError('NETWORK', "Can't reach MindScape. Check your connection.");
  }
  const json = (await response.json().catch(() => ({}))) as Partial<SignedIn> & {
    error?: { code: string; message: string; field?: string };
  };
  if (!response.ok || !json.accessToken || !json.user) {
    const error = json.error ?? { code: 'UNKNOWN', message: 'Something went wrong.' };
    throw new AuthError(error.code, error.message, error.field);
  }
  return { accessToken: json.accessToken, user: json.user };
}

export const signInRequest = (email: string, password: string) =>
  post('sign-in', { email, password });
export const signUpRequest = (email: string, password: string, displayName: string) =>
  post('sign-up', { email, password, displayName });
export const signOutRequest = (token: string | null) =>
  post('sign-out', {}, token ?? undefined).catch(() => undefined);

let refreshing: Promise<SignedIn | null> | null = null;

/**
 * A new access token from the refresh cookie. Refresh tokens work once (a reused one ends the
 * session), so one refresh runs at a time: in this tab (one promise) and across tabs (a Web
 * Lock, where the browser has them).
 */
export function refreshRequest(): Promise<SignedIn | null> {
  refreshing ??= (async () => {
    const run = () =>
      post('refresh').catch((error: unknown) => {
        if (error instanceof AuthError && error.code === 'UNAUTHENTICATED') return null;
        throw error;
      });
    try {
      return typeof navigator !== 'undefined' && navigator.locks
        ? await navigator.locks.request('mindscape-refresh', run)
        : await run();
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Seconds until a JWT expires (0 if it cannot be read). */
export function secondsLeft(token: string, now = Date.now()): number {
  try {
    const payload = JSON.parse(
      atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
    ) as { exp?: number };
    return payload.exp ? payload.exp - now / 1000 : 0;
  } catch {
    return 0;
  }
}
