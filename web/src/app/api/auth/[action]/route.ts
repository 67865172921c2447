import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { GraphErrorCode, tooManyTries } from '../../../../lib/graph/errors';
import { callGateway, type GatewayAnswer } from '../../../../server/gateway';

/**
 * Sign-up, sign-in, silent refresh and sign-out. The refresh token never reaches page
 * scripts: it lives in an httpOnly, SameSite=Strict cookie scoped to /api/auth, and the
 * browser gets only the short-lived access token (kept in memory).
 */
const COOKIE = 'mindscape_refresh';
const PAYLOAD = 'accessToken refreshToken user { id displayName email }';
const OPERATIONS = {
  'sign-up': `mutation($email: String!, $password: String!, $displayName: String!) {
    signUp(email: $email, password: $password, displayName: $displayName) { ${PAYLOAD} } }`,
  'sign-in': `mutation($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { ${PAYLOAD} } }`,
  refresh: `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${PAYLOAD} } }`,
} as const;

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string; displayName: string; email: string | null };
}

/** Every answer here may carry a token or set the refresh cookie: no cache may keep it. */
const NO_STORE = { 'cache-control': 'no-store' };

const reply = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  NextResponse.json(body, { status, headers: { ...NO_STORE, ...headers } });

const fail = (
  status: number,
  code: string,
  message: string,
  extra: { field?: string; retryAfterSeconds?: number } = {},
) =>
  reply(
    { error: { code, message, ...extra } },
    status,
    extra.retryAfterSeconds ? { 'retry-after': String(extra.retryAfterSeconds) } : {},
  );

/** The HTTP status a gateway error code becomes in the web app's answer. */
const STATUS_OF: Partial<Record<string, number>> = {
  [GraphErrorCode.UNAUTHENTICATED]: 401,
  [GraphErrorCode.BAD_USER_INPUT]: 400,
};

/**
 * The browser's address, as scripts/http-server.ts wrote it into X-Forwarded-For from the
 * socket (a client-sent value is replaced unless TRUST_PROXY trusts the hop that sent it).
 */
const clientIpOf = (request: NextRequest) =>
  request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || undefined;

/** Same-origin requests only: a page on another site cannot sign anyone in or out here. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  if (!origin || !host) return false;
  // The Host the browser asked for (Next's own URL may name another spelling of this server).
  return origin === `${request.nextUrl.protocol}//${host}`;
}

function stringField(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new InputError(name, `${name} is required (at most ${max} characters).`);
  return value;
}

class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

async function answer(result: GatewayAnswer<Record<string, AuthPayload>>, secure: boolean) {
  const payload = result.data ? Object.values(result.data)[0] : undefined;
  const jar = await cookies();
  if (!payload) {
    const error = result.errors?.[0];
    const code = String(error?.extensions?.code ?? 'UNKNOWN');
    if (code === GraphErrorCode.UNAUTHENTICATED) jar.delete({ name: COOKIE, path: '/api/auth' });
    const field = error?.extensions?.field;
    if (code === GraphErrorCode.TOO_MANY_REQUESTS) {
      const seconds = Number(error?.extensions?.retryAfterSeconds);
      const retryAfterSeconds = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
      return fail(429, code, tooManyTries(retryAfterSeconds), { retryAfterSeconds });
    }
    return fail(STATUS_OF[code] ?? 502, code, error?.message ?? 'The graph gave no answer.', {
      ...(typeof field === 'string' ? { field } : {}),
    });
  }
  jar.set(COOKIE, payload.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/api/auth',
    // Refresh tokens last 30 days in the users subgraph; the cookie no longer.
    maxAge: 30 * 24 * 3600,
  });
  return reply({ accessToken: payload.accessToken, user: payload.user });
}

export async function POST(
  request: NextRequest,
  { params }: { params: Promise<{ action: string }> },
) {
  if (!sameOrigin(request))
    return fail(403, GraphErrorCode.FORBIDDEN, 'Cross-site request refused.');
  const { action } = await params;
  const secure = request.nextUrl.protocol === 'https:';
  const jar = await cookies();
  const clientIp = clientIpOf(request);
  const on = { ...(clientIp ? { clientIp } : {}) };
  try {
    if (action === 'refresh') {
      const refreshToken = jar.get(COOKIE)?.value;
      if (!refreshToken) return fail(401, GraphErrorCode.UNAUTHENTICATED, 'Not signed in.');
      return await answer(await callGateway(OPERATIONS.refresh, { refreshToken }, on), secure);
    }
    if (action === 'sign-out') {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (token) await callGateway('mutation { signOut }', {}, { ...on, token });
      jar.delete({ name: COOKIE, path: '/api/auth' });
      return reply({ signedOut: true });
    }
    if (action !== 'sign-in' && action !== 'sign-up')
      return fail(404, GraphErrorCode.NOT_FOUND, 'No such action.');
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object')
      return fail(400, GraphErrorCode.BAD_USER_INPUT, 'Send a JSON object.');
    const variables: Record<string, string> = {
      email: stringField(body, 'email', 320),
      password: stringField(body, 'password', 1024),
    };
    if (action === 'sign-up') variables.displayName = stringField(body, 'displayName', 100);
    return await answer(await callGateway(OPERATIONS[action], variables, on), secure);
  } catch (error) {
    if (error instanceof InputError)
      return fail(400, GraphErrorCode.BAD_USER_INPUT, error.message, { field: error.field });
    return fail(502, GraphErrorCode.SERVICE_UNAVAILABLE, "MindScape's graph is not answering.");
  }
}
