import {
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import WebSocket from 'ws';

/** A small seeded generator (mulberry32): a case and its seed always make the same input. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Sizes spread over orders of magnitude (1 … max), so huge ones come up too. */
  size(max: number): number {
    return Math.max(1, Math.floor(Math.exp(this.next() * Math.log(max))));
  }
}

/** The seed of case `index` of a run seeded with `seed`: any one case reruns alone. */
export const caseSeed = (seed: number, index: number) =>
  (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;

/** What one fuzz case sends. */
export type FuzzInput =
  | {
      channel: 'http';
      label: string;
      contentType?: string;
      body: string | Buffer;
      method?: 'POST' | 'GET';
      search?: string;
    }
  | { channel: 'ws'; label: string; protocol: string; frames: Array<string | Buffer> };

const STRANGE_STRINGS = [
  '',
  '\u0000',
  '\ud800', // a lone surrogate: not valid UTF-16, so not valid UTF-8 once encoded
  '\udfff\ud800',
  '😀'.repeat(50),
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  "'; DROP TABLE users; --",
  '{"$gt": ""}',
  'MATCH (n) DETACH DELETE n',
  '${jndi:ldap://127.0.0.1/x}',
  '../../../../etc/passwd',
  '%00%ff',
  '\\u0000',
  'null',
  'NaN',
];

/** A random JSON value, nested up to `depth`: wrong-typed variables and bodies. */
export function randomJson(random: Random, depth = 4): unknown {
  const kind = random.int(depth > 0 ? 9 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([
        0,
        -1,
        1.5,
        2 ** 31,
        -(2 ** 53),
        1e308,
        -0,
        Number('123456789012345678901234567890'),
      ]);
    case 3:
      return random.pick(STRANGE_STRINGS);
    case 4:
      return 'x'.repeat(random.size(300_000));
    case 5:
      return random.pick(['a', 'ID', '2026-13-45T99:99:99Z', 'PUBLISHED', '__typename']);
    case 6:
    case 7: {
      const out: Record<string, unknown> = {};
      for (let i = random.int(6); i > 0; i--)
        out[random.pick(['id', 'query', 'variables', '__proto__', 'constructor', 'x', ''])] =
          randomJson(random, depth - 1);
      return out;
    }
    default:
      return Array.from({ length: random.int(5) }, () => randomJson(random, depth - 1));
  }
}

/** Hostile but well-formed operations built from the schema. */
class OperationFuzzer {
  private readonly queryFields: Array<GraphQLField<unknown, unknown>>;
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
  ) {
    this.queryFields = Object.values(schema.getQueryType()?.getFields() ?? {}).filter(
      (f) => !f.name.startsWith('_'),
    );
  }

  /** A chain of object fields as deep as the schema allows, up to `depth` levels. */
  private deepSelection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields());
    if (depth <= 0 || fields.length === 0) return '__typename';
    const objects = fields.filter(
      (f) => isObjectType(getNamedType(f.type)) && f.args.every((a) => !isRequired(a)),
    );
    if (objects.length === 0) {
      const leaf = fields.find((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
      return leaf?.name ?? '__typename';
    }
    const next = this.random.pick(objects);
    return `${next.name} { ${this.deepSelection(getNamedType(next.type) as GraphQLObjectType, depth - 1)} }`;
  }

  private rootCall(field: GraphQLField<unknown, unknown>, argValue: () => string): string {
    const args = field.args
      .filter((a) => isRequired(a) || this.random.chance(0.3))
      .map((a) => `${a.name}: ${argValue()}`);
    return `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
  }

  private literal(): string {
    const r = this.random;
    switch (r.int(8)) {
      case 0:
        return JSON.stringify(r.pick(STRANGE_STRINGS));
      case 1:
        return JSON.stringify('y'.repeat(r.size(1_500_000)));
      case 2:
        return r.pick([
          '-1',
          '0',
          '2147483648',
          '-99999999999',
          '1e400',
          '123456789012345678901234567890',
        ]);
      case 3:
        return 'null';
      case 4:
        return `[${Array.from({ length: r.size(2000) }, () => '"a"').join(',')}]`;
      case 5:
        return '{ id: { eq: "x" }, AND: [{ OR: [{ NOT: {} }] }] }';
      case 6:
        return r.pick(['PUBLISHED', 'TWEE', 'WEARABLE', 'true']);
      default:
        return `"${r.pick(['00000000-0000-0000-0000-000000000000', 'x', '1'])}"`;
    }
  }

  private selectionFor(field: GraphQLField<unknown, unknown>, depth: number): string {
    const named = getNamedType(field.type);
    return isObjectType(named) ? ` { ${this.deepSelection(named, depth)} }` : '';
  }

  /** One hostile operation and its variables. */
  operation(): { label: string; query: string; variables?: unknown; operationName?: unknown } {
    const r = this.random;
    const field = r.pick(this.queryFields);
    switch (r.int(12)) {
      case 0: {
        const depth = r.size(80);
        return {
          label: `depth ${depth}`,
          query: `{ ${this.rootCall(field, () => this.literal())}${this.selectionFor(field, depth)} }`,
        };
      }
      case 1: {
        const n = r.size(6000);
        const body = Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
        return { label: `${n} aliases`, query: `{ ${body} }` };
      }
      case 2: {
        const n = r.size(500);
        const body = Array.from(
          { length: n },
          (_, i) =>
            `f${i}: ${this.rootCall(field, () => this.literal())}${this.selectionFor(field, 2)}`,
        ).join(' ');
        return { label: `${n} root fields`, query: `{ ${body} }` };
      }
      case 3: {
        // Fragment cycles, at the root and below it.
        const onType = r.chance(0.5) ? 'Query' : 'User';
        const spread = onType === 'Query' ? '...A' : 'me { ...A }';
        return {
          label: `fragment cycle on ${onType}`,
          query: `query { ${spread} } fragment A on ${onType} { __typename ...B } fragment B on ${onType} { ...A }`,
        };
      }
      case 4: {
        const n = r.size(300);
        return {
          label: `self-spread fragment ×${n}`,
          query: `query { ${'...F '.repeat(n)} } fragment F on Query { ...F __typename }`,
        };
      }
      case 5: {
        // Variables of the wrong type for the field's arguments.
        const args = field.args.map((a, i) => ({ a, name: `v${i}` }));
        const declared = args.map(({ a, name }) => `$${name}: ${a.type.toString()}`).join(', ');
        const used = args.map(({ a, name }) => `${a.name}: $${name}`).join(', ');
        const variables = Object.fromEntries(args.map(({ name }) => [name, randomJson(r)]));
        return {
          label: `wrong variables for ${field.name}`,
          query: `query${declared ? `(${declared})` : ''} { ${field.name}${used ? `(${used})` : ''}${this.selectionFor(field, 2)} }`,
          variables: r.chance(0.2) ? randomJson(r) : variables,
        };
      }
      case 6: {
        const n = r.size(200);
        return {
          label: `${n} directives`,
          query: `{ __typename ${'@skip(if: false) '.repeat(n)} me @include(if: $x) { id } }`,
          variables: { x: randomJson(r, 1) },
        };
      }
      case 7: {
        const depth = r.size(60);
        let inner = 'name';
        for (let i = 0; i < depth; i++) inner = `ofType { ${inner} }`;
        return {
          label: `introspection depth ${depth}`,
          query: `{ __schema { types { fields { type { ${inner} } } } } }`,
        };
      }
      case 8:
        return {
          label: 'unknown or ambiguous operationName',
          query: 'query A { __typename } query B { me { id } }',
          operationName: r.pick([undefined, 'C', '', 42, null, ['A'], { x: 1 }]),
        };
      case 9:
        return {
          ...(r.chance(0.5)
            ? {
                label: 'subscription over HTTP',
                query: 'subscription { stateChanged { heartRate } }',
              }
            : {
                label: 'null or odd literal for a required argument',
                query: `mutation { signIn(email: null, password: ${this.literal()}) { accessToken } }`,
              }),
        };
      case 10: {
        const text = `{ ${field.name} ${this.literal()} }`;
        const cut = r.int(text.length);
        return {
          label: 'truncated or broken document',
          query: text.slice(0, cut) + r.pick(['{', '}', '"', '\\', '', '#']),
        };
      }
      default: {
        const n = r.size(40);
        return {
          label: `${n} nested lists in an argument`,
          query: `{ ${field.name}(${field.args[0]?.name ?? 'x'}: ${'['.repeat(n)}1${']'.repeat(n)}) { __typename } }`,
        };
      }
    }
  }
}

function isRequired(arg: { type: { toString(): string } }): boolean {
  return arg.type.toString().endsWith('!');
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  undefined,
];

/** Input for case `index`, derived from its own seed. */
export function fuzzInput(schema: GraphQLSchema, seed: number): FuzzInput {
  const random = new Random(seed);
  const ops = new OperationFuzzer(schema, random);
  const roll = random.int(100);
  if (roll < 45) {
    const op = ops.operation();
    const body: Record<string, unknown> = { query: op.query };
    if (op.variables !== undefined) body.variables = op.variables;
    if (op.operationName !== undefined) body.operationName = op.operationName;
    if (random.chance(0.05))
      return {
        channel: 'http',
        label: `batched: ${op.label}`,
        contentType: 'application/json',
        body: JSON.stringify([body, body]),
      };
    if (random.chance(0.05))
      return {
        channel: 'http',
        label: `GET: ${op.label}`,
        method: 'GET',
        body: '',
        search: `?query=${encodeURIComponent(op.query.slice(0, 6000))}`,
      };
    return {
      channel: 'http',
      label: op.label,
      contentType: 'application/json',
      body: JSON.stringify(body),
    };
  }
  if (roll < 62) {
    const value = random.chance(0.1)
      ? '['.repeat(random.size(200_000)) + ']'.repeat(random.size(10))
      : JSON.stringify(randomJson(random, 5));
    return {
      channel: 'http',
      label: 'random JSON',
      contentType: random.pick(CONTENT_TYPES),
      body: value ?? 'undefined',
    };
  }
  if (roll < 77) {
    const bytes = Buffer.alloc(random.size(random.chance(0.1) ? 3_000_000 : 4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(256);
    // Often a JSON-looking start, so the bytes reach the parser's inner states.
    if (random.chance(0.5)) bytes.write('{"query":"{ me { id', 0, 'latin1');
    return {
      channel: 'http',
      label: `${bytes.length} random bytes`,
      contentType: random.pick(CONTENT_TYPES),
      body: bytes,
    };
  }
  return { channel: 'ws', ...wsFrames(random, ops) };
}

function wsFrames(
  random: Random,
  ops: OperationFuzzer,
): { label: string; protocol: string; frames: Array<string | Buffer> } {
  const protocol = random.chance(0.9)
    ? 'graphql-transport-ws'
    : random.pick(['graphql-ws', '', 'x'.repeat(300)]);
  const frames: Array<string | Buffer> = [];
  const labels: string[] = [];
  if (random.chance(0.5)) {
    // A well-behaved client with one hostile operation: what the server says reaches the judge.
    const op = ops.operation();
    const query = random.chance(0.7) ? op.query.replace(/^(query)?\s*/, 'subscription ') : op.query;
    frames.push(JSON.stringify({ type: 'connection_init', payload: {} }));
    frames.push(
      JSON.stringify({
        id: '1',
        type: random.pick([
          'subscribe',
          'subscribe',
          'subscribe',
          'next',
          'connection_ack',
          'error',
        ]),
        payload: { query, variables: op.variables, operationName: op.operationName },
      }),
    );
    return {
      label: `ws graphql-transport-ws: init, ${JSON.parse(String(frames[1])).type}(${op.label})`,
      protocol: 'graphql-transport-ws',
      frames,
    };
  }
  if (random.chance(0.8)) {
    frames.push(
      JSON.stringify({
        type: 'connection_init',
        payload: random.chance(0.7) ? {} : randomJson(random, 2),
      }),
    );
    labels.push('init');
  }
  for (let i = random.int(6) + 1; i > 0; i--) {
    const kind = random.int(7);
    if (kind <= 2) {
      const op = ops.operation();
      const subscription = random.chance(0.5)
        ? op.query.replace(/^(query)?\s*/, 'subscription ')
        : op.query;
      frames.push(
        JSON.stringify({
          id: random.pick(['1', '1', '', 'x'.repeat(random.size(10_000))]),
          type: 'subscribe',
          payload: {
            query: subscription,
            variables: op.variables,
            operationName: op.operationName,
          },
        }),
      );
      labels.push(`subscribe(${op.label})`);
    } else if (kind === 3) {
      frames.push(JSON.stringify(randomJson(random, 3)));
      labels.push('random JSON');
    } else if (kind === 4) {
      const bytes = Buffer.alloc(random.size(70_000));
      for (let j = 0; j < bytes.length; j++) bytes[j] = random.int(256);
      frames.push(random.chance(0.5) ? bytes : bytes.toString('latin1'));
      labels.push('bytes');
    } else if (kind === 5) {
      frames.push(
        JSON.stringify({
          type: random.pick([
            'ping',
            'pong',
            'complete',
            'connection_init',
            'next',
            'error',
            'connection_ack',
          ]),
          id: '1',
          payload: randomJson(random, 1),
        }),
      );
      labels.push('protocol message');
    } else {
      frames.push(
        JSON.stringify({
          id: '2',
          type: 'subscribe',
          payload: {
            query: 'subscription { stateChanged { heartRate } }',
            variables: randomJson(random, 2),
          },
        }),
      );
      labels.push('subscribe with odd variables');
    }
  }
  return {
    label: `ws ${protocol.slice(0, 24) || '(none)'}: ${labels.join(', ')}`,
    protocol,
    frames,
  };
}

/** What went wrong with one answer, or undefined when it was a proper answer or refusal. */
export interface FuzzFailure {
  index: number;
  seed: number;
  label: string;
  problem: string;
}

/**
 * Sends one input and judges the answer: never 5xx; a refusal (4xx) is GraphQL-shaped JSON
 * whose every error carries `extensions.code`, and so is every error of a 200. Over
 * WebSocket: the socket never closes as an internal error (4500, 1011) and every `error`
 * message carries codes.
 */
export async function sendAndJudge(
  url: string,
  input: FuzzInput,
  timeoutMs = 10_000,
): Promise<Judgement> {
  if (input.channel === 'http') {
    let response: Response;
    try {
      response = await fetch(url + (input.search ?? ''), {
        method: input.method ?? 'POST',
        headers: {
          ...(input.contentType ? { 'content-type': input.contentType } : {}),
          // Apollo's CSRF prevention wants this for non-JSON content types.
          ...(input.method === 'GET' ? { 'apollo-require-preflight': 'true' } : {}),
        },
        ...(input.method === 'GET'
          ? {}
          : { body: typeof input.body === 'string' ? input.body : new Uint8Array(input.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { outcome: 'no answer', problem: `no answer: ${(error as Error).message}` };
    }
    const text = await response.text();
    let body: { errors?: Array<{ extensions?: { code?: unknown } }> };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return {
        outcome: `HTTP ${response.status} not JSON`,
        problem: `HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
      };
    }
    const outcome = `HTTP ${response.status} ${String(body.errors?.[0]?.extensions?.code ?? (body.errors ? 'no code' : 'ok'))}`;
    const judged = (problem?: string): Judgement => (problem ? { outcome, problem } : { outcome });
    if (response.status >= 500)
      return judged(`HTTP ${response.status}: ${text.trim().slice(0, 300)}`);
    if (response.status >= 400 && !body.errors?.length)
      return judged(`HTTP ${response.status} without errors: ${text.slice(0, 200)}`);
    const uncoded = (body.errors ?? []).filter((e) => typeof e.extensions?.code !== 'string');
    if (uncoded.length > 0)
      return judged(
        `HTTP ${response.status}: an error without extensions.code: ${JSON.stringify(uncoded[0]).slice(0, 300)}`,
      );
    return judged();
  }
  return wsCase(url.replace(/^http/, 'ws'), input, timeoutMs);
}

/** How an input was answered (`HTTP 400 GRAPHQL_PARSE_FAILED`, `ws close 4400`…), and what was wrong. */
export interface Judgement {
  outcome: string;
  problem?: string;
}

function wsCase(
  url: string,
  input: Extract<FuzzInput, { channel: 'ws' }>,
  timeoutMs: number,
): Promise<Judgement> {
  return new Promise((resolve) => {
    const problems: string[] = [];
    let outcome = 'ws no close';
    let settled = false;
    let quiet: NodeJS.Timeout | undefined;
    const socket = new WebSocket(url, input.protocol ? [input.protocol] : [], {
      maxPayload: 10_000_000,
    });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (quiet) clearTimeout(quiet);
      socket.terminate();
      resolve(problems.length ? { outcome, problem: problems.join('; ') } : { outcome });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('unexpected-response', (_req, res) => {
      outcome = `ws upgrade ${res.statusCode}`;
      if ((res.statusCode ?? 0) >= 500)
        problems.push(`WebSocket upgrade answered ${res.statusCode}`);
      finish();
    });
    socket.on('error', (error) => {
      outcome = `ws error ${error.message.slice(0, 40)}`;
    });
    socket.on('open', () => {
      for (const frame of input.frames) socket.send(frame, () => {});
      // Nothing more arriving for a while after the last frame is a fine ending too.
      quiet = setTimeout(() => {
        outcome = 'ws open (quiet)';
        finish();
      }, 500);
    });
    socket.on('message', (data) => {
      quiet?.refresh();
      let message: { type?: string; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        problems.push(`a frame that is not JSON: ${String(data).slice(0, 100)}`);
        return;
      }
      const errors =
        message.type === 'error'
          ? (message.payload as Array<{ extensions?: { code?: unknown } }>)
          : message.type === 'next'
            ? ((message.payload as { errors?: Array<{ extensions?: { code?: unknown } }> })
                .errors ?? [])
            : [];
      const uncoded = (Array.isArray(errors) ? errors : []).filter(
        (e) => typeof e?.extensions?.code !== 'string',
      );
      if (uncoded.length > 0)
        problems.push(
          `${message.type} without extensions.code: ${JSON.stringify(uncoded[0]).slice(0, 200)}`,
        );
    });
    socket.on('close', (code, reason) => {
      outcome = `ws close ${code}`;
      if (code === 4500 || code === 1011)
        problems.push(`closed with ${code} (${String(reason).slice(0, 120)})`);
      finish();
    });
  });
}

export interface FuzzReport {
  cases: number;
  seconds: number;
  byChannel: Record<string, number>;
  /** How answers went, e.g. `{ "HTTP 400 GRAPHQL_VALIDATION_FAILED": 120, "ws close 4400": 30 }`. */
  outcomes: Record<string, number>;
  failures: FuzzFailure[];
}

/**
 * Runs cases 0…`cases`-1 of `seed` against `url` (loopback only), stopping early at
 * `seconds`; `only` reruns one case. Every failure carries what reproduces it.
 */
export async function fuzzGateway(
  url: string,
  schema: GraphQLSchema,
  options: {
    seed: number;
    cases: number;
    seconds: number;
    only?: number;
    onProgress?: (done: number, failures: number) => void;
    /** Every case as it is judged (FUZZ_VERBOSE). */
    onCase?: (index: number, input: FuzzInput, judgement: Judgement) => void;
  },
): Promise<FuzzReport> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
    throw new Error(`The fuzzer runs against loopback only, not ${host}.`);
  const started = Date.now();
  const report: FuzzReport = { cases: 0, seconds: 0, byChannel: {}, outcomes: {}, failures: [] };
  const indexes =
    options.only !== undefined
      ? [options.only]
      : Array.from({ length: options.cases }, (_, i) => i);
  for (const index of indexes) {
    if (Date.now() - started > options.seconds * 1000) break;
    const seed = caseSeed(options.seed, index);
    const input = fuzzInput(schema, seed);
    report.byChannel[input.channel] = (report.byChannel[input.channel] ?? 0) + 1;
    const judgement = await sendAndJudge(url, input);
    options.onCase?.(index, input, judgement);
    const { outcome, problem } = judgement;
    report.cases++;
    report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    if (problem) report.failures.push({ index, seed, label: input.label, problem });
    options.onProgress?.(report.cases, report.failures.length);
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
