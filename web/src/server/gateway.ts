/** The gateway, as the web server reaches it (and tells browsers to). */
export const gatewayUrl = () => process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

export interface GatewayAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * One operation from the web server to the gateway (sign-in and refresh, on a person's behalf).
 * `clientIp` is the browser's address as the web server saw it (scripts/http-server.ts): sent
 * as X-Forwarded-For so that a gateway trusting this server (TRUST_PROXY=loopback in
 * `npm start`) throttles sign-ins per person's address, not per web server.
 */
export async function callGateway<T>(
  query: string,
  variables: Record<string, unknown>,
  init: { token?: string; clientIp?: string } = {},
): Promise<GatewayAnswer<T>> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.clientIp ? { 'x-forwarded-for': init.clientIp } : {}),
    },
    body: JSON.stringify({ query, variables }),
    cache: 'no-store',
  });
  return (await response.json()) as GatewayAnswer<T>;
}
