import { NextResponse, type NextRequest } from 'next/server';

/**
 * A content security policy per request: scripts only from this site or with this response's
 * nonce (Next puts it on its own inline scripts), connections only to this site and the
 * gateway (HTTP and WebSocket), no frames, no plugins.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const gateway = new URL(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql');
  const socket = `${gateway.protocol === 'https:' ? 'wss:' : 'ws:'}//${gateway.host}`;
  const development = process.env.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    // blob: for the worklet: standardized-audio-context loads the module through a blob URL
    // (only this page's own scripts can make one).
    `script-src 'self' blob: 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${gateway.origin} ${socket}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: static files and the worklet need no policy of their own.
  matcher: [{ source: '/((?!_next/static|_next/image|worklets|favicon.ico).*)' }],
};
