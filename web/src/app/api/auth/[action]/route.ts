import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
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

const fail = (status: number, code: string, message: string, field?: string) =>
  NextResponse.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });

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
    if (code === 'UNAUTHENTICATED') jar.delete({ name: COOKIE, path: '/api/auth' });
    const status = code === 'UNAUTHENTICATED' ? 401 : code === 'BAD_USER_INPUT' ? 400 : 502;
    return fail(
      code === 'RATE_LIMITED' ? 429 : status,
      code,
      error?.message ?? 'The graph gave no answer.',
      typeof error?.extensions?.field === 'string' ? error.extensions.field : undefined,
    );
  }
  jar.set(COOKIE, payload.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/api/auth',
    // Refresh tokens last 30 days in the users subgraph; the cookie no longer.
    maxAge: 30 * 24 * 3600,
  });
  return NextResponse.json({ accessToken: payload.accessToken, user: payload.user });
}

export async function POST(
  request: NextRequest,
  { params }: { params: Promise<{ action: string }> },
) {
  if (!sameOrigin(request)) return fail(403, 'FORBIDDEN', 'Cross-site request refused.');
  const { action } = await params;
  const secure = request.nextUrl.protocol === 'https:';
  const jar = await cookies();
  try {
    if (action === 'refresh') {
      const refreshToken = jar.get(COOKIE)?.value;
      if (!refreshToken) return fail(401, 'UNAUTHENTICATED', 'Not signed in.');
      return await answer(await callGateway(OPERATIONS.refresh, { refreshToken }), secure);
    }
    if (action === 'sign-out') {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (token) await callGateway('mutation { signOut }', {}, { token });
      jar.delete({ name: COOKIE, path: '/api/auth' });
      return NextResponse.json({ signedOut: true });
    }
    if (action !== 'sign-in' && action !== 'sign-up')
      return fail(404, 'NOT_FOUND', 'No such action.');
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object')
      return fail(400, 'BAD_USER_INPUT', 'Send a JSON object.');
    const variables: Record<string, string> = {
      email: stringField(body, 'email', 320),
      password: stringField(body, 'password', 1024),
    };
    if (action === 'sign-up') variables.displayName = stringField(body, 'displayName', 100);
    return await answer(await callGateway(OPERATIONS[action], variables), secure);
  } catch (error) {
    if (error instanceof InputError) return fail(400, 'BAD_USER_INPUT', error.message, error.field);
    return fail(502, 'SERVICE_UNAVAILABLE', "MindScape's graph is not answering.");
  }
}
