import { CloseCode as GraphqlWsCloseCode } from 'graphql-ws';

/**
 * Every code the gateway closes a subscription socket with, in one place. graphql-ws owns
 * 4000 + HTTP status (4400, 4401, 4403, 4429, 4500, …) and closes with those itself; the
 * gateway's own reasons live at 4900 and above, so a client never reads one of graphql-ws's
 * numbers in another meaning.
 */
export const CloseCode = {
  /** Standard "service restart": the supergraph changed; reconnect and subscribe again. */
  SupergraphChanged: 1012,
  /** Too many connections from this address this minute; reconnect after a pause. */
  RateLimited: 4901,
  /** The person's session, device or consent was revoked; sign in again before reconnecting. */
  AccessRevoked: 4902,
  /** The access token that opened the socket expired: refresh it and reconnect. */
  AccessExpired: 4903,
  /** Sent by graphql-ws when `onConnect` refuses: the token did not verify. */
  Forbidden: GraphqlWsCloseCode.Forbidden,
  /** Sent by graphql-ws for a malformed frame. */
  BadRequest: GraphqlWsCloseCode.BadRequest,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
