export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
  extensions?: Record<string, unknown>;
}

/** One GraphQL request as a small test subgraph on plain node:http receives it. */
export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Reads and parses a GraphQL request's JSON body (test subgraphs on plain node:http). */
export async function readGraphQLRequest(
  request: AsyncIterable<Buffer | string>,
): Promise<GraphQLRequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return JSON.parse(Buffer.concat(chunks).toString()) as GraphQLRequestBody;
}

/** POSTs one operation, as a web or wearable client would. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as object) };
  } catch {
    return { status: response.status, errors: [{ message: text }] };
  }
}

/** The `extensions.code` values of a response's errors. */
export const errorCodes = (response: GraphQLResponse) =>
  (response.errors ?? []).map((e) => e.extensions?.code);

const SIGN_UP = `mutation SignUp($email: String!, $password: String!, $displayName: String!) {
  signUp(email: $email, password: $password, displayName: $displayName) { accessToken refreshToken user { id displayName } }
}`;

export interface SignedUp {
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  userId: string;
}

/** Signs a new person up through the gateway and returns their tokens. */
export async function signUp(url: string, name = 'Ana'): Promise<SignedUp> {
  const email = `${name.toLowerCase()}.${Math.random().toString(36).slice(2, 10)}@example.com`;
  const password = 'lavender-morning-42';
  const response = await graphql<{
    signUp: { accessToken: string; refreshToken: string; user: { id: string } };
  }>(url, SIGN_UP, {
    email,
    password,
    displayName: name,
  });
  if (!response.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(response.errors)}`);
  const { accessToken, refreshToken, user } = response.data.signUp;
  return { email, password, accessToken, refreshToken, userId: user.id };
}

/**
 * The value of a service's metric on its GET /metrics (first sample of `name`, labels
 * aside); `serviceUrl` is any URL of the service. NaN when it is not there.
 */
export async function metricValue(serviceUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', serviceUrl))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return Number(line?.split(' ').pop() ?? NaN);
}

/** The p-th percentile of `values` (nearest rank below; NaN when empty), for measured delays. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
