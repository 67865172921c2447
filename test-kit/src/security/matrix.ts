import type { GraphQLSchema } from 'graphql';
import { ACTOR_ID, entityOperations, generateOperations } from './operations.js';
import type { GeneratedOperation, Targets } from './operations.js';
import type { PlantedPerson } from './private-data.js';
import type { PrivateTokens } from './private-tokens.js';

/** Someone trying operations on a person's data, over HTTP at one endpoint. */
export interface Actor {
  /** e.g. "anonymous", "person B", "replayed assertion of A → stories". */
  name: string;
  /** The gateway's or a subgraph's /graphql. */
  url: string;
  /** Headers for the next request (a fresh replay, the current token). */
  headers(): Promise<Record<string, string>>;
  /** Their own user id, put where a generated value names "the caller" (co-authors…). */
  userId?: string;
  /** Gets new credentials when a case ended their own (signOut): false when not needed. */
  renewIfEnded?(): Promise<boolean>;
}

/** One way private data got out, or a write went through. */
export interface Leak {
  field: string;
  variant: string;
  actor: string;
  /** `read`: private values in the answer; `write`: the owner's data changed; `accepted`: a deleted account's token was honoured. */
  kind: 'read' | 'write' | 'accepted';
  /** What leaked (labels of private values) or what changed (owner-view fields). */
  what: string[];
  status: number;
  query: string;
}

export interface MatrixCase {
  operation: GeneratedOperation;
  actor: Actor;
}

interface Answer {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
  };
}

export async function post(
  url: string,
  query: string,
  headers: Record<string, string>,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, text, body };
}

/**
 * What the owner sees of their own data, as one document: every query root field aimed at
 * their objects, aliased. Fields that change between two reads with nothing written between
 * (random playtests, clocks) are left out, so any difference afterwards is a write.
 */
export class OwnerView {
  /** Paths (list indexes as `[]`) whose values changed with nothing written: clocks, random playtests. */
  private readonly unstable = new Set<string>();
  private last: Reading = { codes: new Map(), leaves: new Map() };
  latest: Record<string, unknown> = {};
  /** Reads left out because they fail for the owner too (nothing to compare). */
  leftOut = 0;
  private oneByOne = false;

  private constructor(
    private readonly url: string,
    private readonly owner: PlantedPerson,
    private readonly operations: GeneratedOperation[],
  ) {}

  static async open(
    url: string,
    owner: PlantedPerson,
    api: GraphQLSchema,
    targets: Targets,
  ): Promise<OwnerView> {
    const candidates = generateOperations(api, targets).filter(
      (op) => op.kind === 'query' && !op.variant.includes('∅') && !op.variant.includes('+'),
    );
    // One document of many fields is nulled whole by one failing non-null root field, so
    // only the reads that answer the owner on their own go in (errors inside them are fine).
    const operations: GeneratedOperation[] = [];
    const auth = { authorization: `Bearer ${owner.account.accessToken}` };
    for (const op of candidates) {
      const answer = await post(url, op.query, auth);
      const data = answer.body.data;
      if (answer.status === 200 && data && Object.values(data).some((value) => value !== null))
        operations.push(op);
    }
    const view = new OwnerView(url, owner, operations);
    view.leftOut = candidates.length - operations.length;
    const first = await view.read();
    if (first.leaves.size === 0)
      throw new Error('The owner view reads nothing: the matrix could not see a write.');
    const second = await view.read();
    for (const path of new Set([...first.leaves.keys(), ...second.leaves.keys()]))
      if (first.leaves.get(path) !== second.leaves.get(path)) view.unstable.add(shape(path));
    view.last = second;
    return view;
  }

  get documentText(): string {
    return `query { ${this.operations
      .map((op, i) => `v${i}: ${op.query.replace(/^query \{ /, '').replace(/ \}$/, '')}`)
      .join(' ')} }`;
  }

  /** Each read's error codes, and every value in the answers by path. */
  async read(): Promise<Reading> {
    const ask = (query: string) =>
      post(this.url, query, { authorization: `Bearer ${this.owner.account.accessToken}` });
    let answer = this.oneByOne ? undefined : await ask(this.documentText);
    if (answer?.status === 401) {
      await this.renew();
      answer = await ask(this.documentText);
    }
    if (!answer?.body.data) {
      // The reads together may pass a limit (cost, tokens) that each alone does not: ask
      // them one by one, side by side, from now on.
      this.oneByOne = true;
      const answers = await Promise.all(this.operations.map((op) => ask(op.query)));
      answer = {
        status: 200,
        text: '',
        body: {
          data: Object.fromEntries(
            answers.map((a, i) => [`v${i}`, Object.values(a.body.data ?? {})[0] ?? null]),
          ),
          errors: answers.flatMap((a, i) =>
            (a.body.errors ?? []).map((e) => ({ ...e, path: [`v${i}`] })),
          ),
        },
      };
    }
    const reading: Reading = { codes: new Map(), leaves: new Map() };
    this.operations.forEach((op, i) => {
      const name = `${op.field} ${op.variant.trim()}`;
      const codes = (answer.body.errors ?? [])
        .filter((e) => JSON.stringify(e).includes(`"v${i}"`))
        .map((e) => String(e.extensions?.code));
      reading.codes.set(name, codes.sort().join(','));
      flatten(answer.body.data?.[`v${i}`], `${name} ›`, reading.leaves);
    });
    this.latest = answer.body.data ?? {};
    return reading;
  }

  /**
   * The owner's values that changed since the last look, one line per read: values that
   * move by themselves are left out, and so are reads that failed differently each time
   * (a flaky read is no write).
   */
  async changes(): Promise<string[]> {
    const now = await this.read();
    const byRead = new Map<string, string[]>();
    for (const path of new Set([...this.last.leaves.keys(), ...now.leaves.keys()])) {
      const before = this.last.leaves.get(path);
      const after = now.leaves.get(path);
      if (before === after || this.unstable.has(shape(path))) continue;
      const read = path.slice(0, path.indexOf(' ›'));
      if (this.last.codes.get(read) !== now.codes.get(read)) continue;
      const lines = byRead.get(read) ?? [];
      lines.push(`${path.slice(read.length + 2)} ${before ?? '∅'} → ${after ?? '∅'}`);
      byRead.set(read, lines);
    }
    this.last = now;
    return [...byRead].map(
      ([read, lines]) =>
        `${read}: …${lines[0]!.slice(0, 160)}${lines.length > 1 ? ` (+${lines.length - 1} more)` : ''}`,
    );
  }

  /** How many values of the owner's are watched for writes. */
  get fieldCount(): number {
    return [...this.last.leaves.keys()].filter((path) => !this.unstable.has(shape(path))).length;
  }

  get readCount(): number {
    return this.operations.length;
  }

  /** A case ended the owner's session (a replayed signOut): sign in again. */
  private async renew(): Promise<void> {
    const answer = await post(
      this.url,
      `mutation { signIn(email: ${JSON.stringify(this.owner.account.email)}, password: ${JSON.stringify(this.owner.account.password)}) { accessToken } }`,
      {},
    );
    const token = (answer.body.data?.signIn as { accessToken?: string } | undefined)?.accessToken;
    if (!token) throw new Error(`The owner cannot sign in again: ${answer.text}`);
    this.owner.account.accessToken = token;
  }
}

interface Reading {
  /** Error codes per read, sorted. */
  codes: Map<string, string>;
  /** Every leaf value by path; lists in a fixed order, their lengths included. */
  leaves: Map<string, string>;
}

/** Leaf values by path; list items in canonical order, so the store's order does not matter. */
function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    out.set(`${path}.length`, String(value.length));
    [...value]
      .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1))
      .forEach((item, i) => flatten(item, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, `${path}.${key}`, out);
  } else out.set(path, JSON.stringify(value ?? null));
}

/** A path with its list indexes blanked: what "the same field" means across items. */
const shape = (path: string) => path.replace(/\[\d+\]/g, '[]');

/**
 * JSON with object keys and list items in a fixed order: lists the store returns in no set
 * order read the same each time, so only a real change shows as one.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Field values of the owner's objects by id, from what the owner view read. */
export function fieldsById(data: unknown, into = new Map<string, Record<string, unknown>>()) {
  if (Array.isArray(data)) for (const item of data) fieldsById(item, into);
  else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (typeof record.id === 'string') into.set(record.id, { ...into.get(record.id), ...record });
    for (const value of Object.values(record)) fieldsById(value, into);
  }
  return into;
}

/**
 * Type coordinates meant to be public, each with its reason. Values there are never harvested
 * as private; everything else of the owner's is.
 */
export const PUBLIC_BY_DESIGN: Record<string, string> = {
  'User.id': "people's ids are public: published stories name their authors",
  'User.displayName': 'the public profile (`user(id)`) shows it',
  'User.createdAt': 'the public profile (`user(id)`) shows it',
  'Story.*':
    'published stories are public; a draft is told apart by its secret markers and its id, registered when planted',
  'Scene.*': 'as Story: scenes of published stories are public',
  'Choice.*': 'as Story: choices of published stories are public',
  'StoryVersion.*': 'published versions are public',
  'PublishedStory.*': 'what readers read: the published version',
  'PublishedScene.*': 'what readers read: the published version',
  'PublishedChoice.*': 'what readers read: the published version',
};

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * The owner's private ids and timestamps from their own view (a live state's `updatedAt`, a
 * device's id…), so a read of them by anyone else shows up even without a planted marker.
 */
export function harvestPrivateValues(
  data: unknown,
  tokens: PrivateTokens,
  owner: string,
  /** `{}` for a deleted account: nothing of it is public any more. */
  publicCoordinates: Record<string, string> = PUBLIC_BY_DESIGN,
): void {
  const everything = Object.keys(publicCoordinates).length === 0;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const type = typeof record.__typename === 'string' ? record.__typename : '?';
    for (const [field, inner] of Object.entries(record)) {
      if (typeof inner === 'string') {
        if (publicCoordinates[`${type}.${field}`] || publicCoordinates[`${type}.*`]) continue;
        const midnight = inner.endsWith('T00:00:00.000Z');
        if (!everything && tokens.isPublic(inner)) continue;
        if (field === 'id' || (ISO_INSTANT.test(inner) && !midnight))
          if (!tokens.has(inner)) tokens.add(inner, `${owner}: ${type}.${field}`);
      } else visit(inner);
    }
  };
  visit(data);
}

export interface MatrixReport {
  cases: number;
  byActor: Map<string, number>;
  /** How the cases were answered, per actor: `200 ok`, `200 FORBIDDEN`, `400 GRAPHQL_VALIDATION_FAILED`… */
  outcomes: Map<string, Map<string, number>>;
  leaks: Leak[];
}

/**
 * Tries every operation as every actor and collects the leaks: private values in an answer
 * (not already in the request), a change in the owner's view after a mutation, or a mutation
 * a deleted account's token got through while an anonymous caller is refused.
 */
export async function runMatrix(
  cases: MatrixCase[],
  options: {
    tokens: PrivateTokens;
    /** Whose data writes are watched on; absent for a deleted owner. */
    ownerView?: OwnerView;
    /** Actors whose own account was deleted: any mutation anonymous cannot do is a leak. */
    deletedActors?: Set<string>;
    anonymousUrl?: string;
    onProgress?: (done: number, total: number, leaks: number) => void;
    /** Each leak as it is found (a long run keeps what it found if stopped). */
    onLeak?: (leak: Leak) => void;
  },
): Promise<MatrixReport> {
  const report: MatrixReport = { cases: 0, byActor: new Map(), outcomes: new Map(), leaks: [] };
  for (const { operation, actor } of cases) {
    const query = operation.query.replaceAll(ACTOR_ID, actor.userId ?? 'no-user');
    const answer = await post(actor.url, query, await actor.headers());
    report.cases++;
    report.byActor.set(actor.name, (report.byActor.get(actor.name) ?? 0) + 1);
    const outcomes = report.outcomes.get(actor.name) ?? new Map<string, number>();
    report.outcomes.set(actor.name, outcomes);
    const outcome = `${answer.status} ${String(answer.body.errors?.[0]?.extensions?.code ?? (answer.body.errors ? 'no code' : 'ok'))}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const record = (kind: Leak['kind'], what: string[]) => {
      const leak: Leak = {
        field: operation.field,
        variant: operation.variant,
        actor: actor.name,
        kind,
        what,
        status: answer.status,
        query,
      };
      report.leaks.push(leak);
      options.onLeak?.(leak);
    };
    const found = options.tokens.foundIn(
      answer.text,
      query + JSON.stringify(await actor.headers()),
    );
    if (found.length > 0) record('read', [...new Set(found.map((f) => f.label))]);
    if (operation.kind === 'mutation' && answer.status < 400) {
      if (options.ownerView && !refusedAtTheDoor(answer)) {
        const changed = await options.ownerView.changes();
        if (changed.length > 0) record('write', changed);
      }
      if (options.deletedActors?.has(actor.name) && succeeded(answer)) {
        const anonymous = await post(options.anonymousUrl ?? actor.url, query, {});
        if (!succeeded(anonymous)) record('accepted', [`${operation.field} went through`]);
      }
      await actor.renewIfEnded?.();
    }
    options.onProgress?.(report.cases, cases.length, report.leaks.length);
  }
  return report;
}

/** Refused for who the caller is, before anything ran: no need to look for a write. */
function refusedAtTheDoor(answer: Answer): boolean {
  const data = answer.body.data;
  const codes = (answer.body.errors ?? []).map((e) => e.extensions?.code);
  return (
    codes.length > 0 &&
    codes.every((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') &&
    (!data || Object.values(data).every((value) => value === null))
  );
}

function succeeded(answer: Answer): boolean {
  const data = answer.body.data;
  return (
    answer.status === 200 &&
    !answer.body.errors?.length &&
    !!data &&
    Object.values(data).every((v) => v !== null && v !== false)
  );
}

/** Operations for the gateway actors (HTTP: queries and mutations). */
export function gatewayOperations(api: GraphQLSchema, targets: Targets): GeneratedOperation[] {
  return generateOperations(api, targets).filter((op) => op.kind !== 'subscription');
}

/** Root fields and `_entities` of one subgraph, for callers that reach it directly. */
export function subgraphOperations(
  schema: GraphQLSchema,
  entityKeys: Map<string, string[]>,
  targets: Targets,
): GeneratedOperation[] {
  return [
    ...generateOperations(schema, targets).filter((op) => op.kind !== 'subscription'),
    ...entityOperations(schema, entityKeys, targets),
  ];
}

/** A readable leak list: grouped by actor, one line per field and variant. */
export function describeLeaks(leaks: Leak[]): string {
  const lines: string[] = [];
  const byActor = new Map<string, Leak[]>();
  for (const leak of leaks) byActor.set(leak.actor, [...(byActor.get(leak.actor) ?? []), leak]);
  for (const [actor, list] of byActor) {
    lines.push(`  as ${actor}: ${list.length}`);
    for (const leak of list) {
      // A write's diffs are in the JSON report; here, which of the owner's reads changed.
      const what = leak.kind === 'write' ? leak.what.map((w) => w.split(': …')[0]!) : leak.what;
      lines.push(
        `    ${leak.kind.padEnd(8)} ${leak.field} [${leak.variant.trim()}] → ${what.slice(0, 6).join('; ')}${what.length > 6 ? ` (+${what.length - 6})` : ''}`,
      );
    }
  }
  return lines.join('\n');
}
