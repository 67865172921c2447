/** The gateway, as the web server reaches it (and tells browsers to). */
export const gatewayUrl = () => process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

export interface GatewayAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One operation from the web server to the gateway (sign-in and refresh, on a person's behalf). */
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
    },
    body: JSON.stringify({ query, variables }),
    cache: 'no-store',
  });
  return (await response.json()) as GatewayAnswer<T>;
}
