/**
 * The gateway's own WebSocket close codes, as the web app reacts to them. The registry is
 * gateway/src/subscriptions/close-codes.ts (not importable from the browser bundle);
 * web/test/registries.test.ts fails when this copy drifts from it.
 */
export const GatewayCloseCode = {
  /** The supergraph changed: reconnect and subscribe again. */
  SupergraphChanged: 1012,
  /** Too many connections from this address this minute. */
  RateLimited: 4901,
  /** The session, device or account was revoked. */
  AccessRevoked: 4902,
  /** The access token that opened the socket expired. */
  AccessExpired: 4903,
  /** graphql-ws's own: the token did not verify at connect. */
  Forbidden: 4403,
} as const;
export type GatewayCloseCode = (typeof GatewayCloseCode)[keyof typeof GatewayCloseCode];

/** What the client does after a socket closed. */
export type Reconnect =
  /** Do not reconnect: the sign-in has ended; ask the person to sign in again. */
  | 'sign-in-again'
  /** Get a new access token first, then reconnect. */
  | 'refresh-then-reconnect'
  /** Reconnect after a long, growing pause (the gateway asked for less). */
  | 'back-off'
  /** Reconnect after graphql-ws's usual short pause. */
  | 'reconnect';

export function reconnectAfter(code: number): Reconnect {
  switch (code) {
    case GatewayCloseCode.AccessRevoked:
      return 'sign-in-again';
    case GatewayCloseCode.AccessExpired:
    case GatewayCloseCode.Forbidden:
      return 'refresh-then-reconnect';
    case GatewayCloseCode.RateLimited:
      return 'back-off';
    default:
      return 'reconnect';
  }
}

/** Milliseconds before reconnection attempt `retries` (0, 1, …): doubling, capped, jittered. */
export function reconnectDelayMs(retries: number, after: Reconnect, random = Math.random): number {
  const base = after === 'back-off' ? 15_000 : 1_000;
  const cap = after === 'back-off' ? 300_000 : 30_000;
  return Math.min(cap, base * 2 ** retries) + Math.floor(random() * base);
}
