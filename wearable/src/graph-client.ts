/** The few operations the streamer needs, over the gateway's HTTP endpoint. */
export class GraphClient {
  constructor(
    readonly url: string,
    private token?: string,
  ) {}

  async request<T>(query: string, variables: object = {}): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new GraphError(
        `${first!.extensions?.code ?? 'ERROR'}: ${first!.message}`,
        first!.extensions?.code,
      );
    }
    return body.data as T;
  }

  /** Signs in and registers a device, then acts as that device. */
  async becomeDevice(email: string, password: string, name: string): Promise<string> {
    const { signIn } = await this.request<{ signIn: { accessToken: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      { e: email, p: password },
    );
    this.token = signIn.accessToken;
    const { registerDevice } = await this.request<{ registerDevice: { token: string } }>(
      'mutation($n: String!) { registerDevice(kind: WEARABLE, name: $n) { token } }',
      { n: name },
    );
    this.token = registerDevice.token;
    return registerDevice.token;
  }
}

export class GraphError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
