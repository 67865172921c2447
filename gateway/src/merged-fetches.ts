import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLFormattedError,
  OperationTypeNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/** One subgraph answer, as a data source hands it to the gateway. */
export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<GraphQLFormattedError>;
  extensions?: Record<string, unknown>;
}

/** One read the plan sends to a subgraph: the planner's operation text and its variables. */
export interface SubgraphRead {
  query: string;
  variables: Record<string, unknown> | undefined;
}

/**
 * Several reads to one subgraph as one operation: each read's root fields under the alias
 * `_<i>_<response key>`, its variables as `$_<i>_<name>`, its fragments as `_<i>_<name>`.
 * The prefix ends at the first `_` after the digits, so no two reads' names can meet.
 */
export interface MergedOperation {
  query: string;
  operationName: string;
  /** Per read, in order: the merged response key of each of its root response keys. */
  readonly keys: ReadonlyArray<ReadonlyArray<readonly [merged: string, own: string]>>;
}

/** The most reads merged into one request: a subgraph's body limit is sized for one. */
export const MAX_MERGED_READS = 16;

const prefixOf = (index: number) => `_${index}_`;
const MERGED_KEY = /^_(\d+)_(.+)$/s;

/**
 * The operations the planner writes for a stage repeat with every request: each combination
 * is merged (parsed, renamed, printed) once. Bounded: an endless variety only costs merging.
 */
const merged = new Map<string, MergedOperation | null>();
const MAX_KNOWN = 2_000;

/**
 * One query operation that asks what `queries` ask, or undefined when one of them is not a
 * plain query whose root selections are fields (nothing the planner writes for reads today,
 * but then each is sent as it is).
 */
export function mergeOperations(queries: readonly string[]): MergedOperation | undefined {
  const cacheKey = queries.join('\0');
  let known = merged.get(cacheKey);
  if (known === undefined) {
    known = build(queries) ?? null;
    if (merged.size >= MAX_KNOWN) merged.clear();
    merged.set(cacheKey, known);
  }
  return known ?? undefined;
}

function build(queries: readonly string[]): MergedOperation | undefined {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: FieldNode[] = [];
  const fragments: DefinitionNode[] = [];
  const keys: Array<Array<readonly [string, string]>> = [];
  const names: string[] = [];
  for (const [index, query] of queries.entries()) {
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return undefined;
    }
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operations[0];
    if (
      operations.length !== 1 ||
      !operation ||
      operation.operation !== 'query' ||
      operation.directives?.length ||
      !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD)
    )
      return undefined;
    const prefix = prefixOf(index);
    const rename = <T extends { name: { value: string } }>(node: T): T => ({
      ...node,
      name: { ...node.name, value: prefix + node.name.value },
    });
    const renamed = visit(document, {
      Variable: rename,
      FragmentSpread: rename,
      FragmentDefinition: rename,
    });
    const own = new Map<string, string>();
    for (const definition of renamed.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) {
        fragments.push(definition);
        continue;
      }
      variableDefinitions.push(...(definition.variableDefinitions ?? []));
      for (const field of definition.selectionSet.selections as readonly FieldNode[]) {
        const key = field.alias?.value ?? field.name.value;
        own.set(key, prefix + key);
        selections.push({ ...field, alias: { kind: Kind.NAME, value: prefix + key } });
      }
    }
    keys.push([...own].map(([key, mergedKey]) => [mergedKey, key] as const));
    names.push(operation.name?.value ?? 'anonymous');
  }
  const operationName = `${names[0]}__merged_${queries.length}`.replace(/[^_0-9A-Za-z]/g, '_');
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  return {
    query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }),
    operationName,
    keys,
  };
}

/** The merged operation's variables: each read's, under its prefix. */
export function mergeVariables(reads: readonly SubgraphRead[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const [index, read] of reads.entries())
    for (const [name, value] of Object.entries(read.variables ?? {}))
      variables[prefixOf(index) + name] = value;
  return variables;
}

/**
 * Each read's answer out of the merged one: its root fields under their own keys, and the
 * errors whose path starts in them, with that path. An error with no such path (none is
 * expected when data came back) goes to the first read, so it is reported once. The merged
 * answer's extensions go with every read.
 */
export function splitAnswer(
  operation: MergedOperation,
  answer: SubgraphAnswer & { data: Record<string, unknown> },
): SubgraphAnswer[] {
  const parts: SubgraphAnswer[] = operation.keys.map((keys) => {
    const data: Record<string, unknown> = {};
    for (const [mergedKey, key] of keys)
      if (Object.hasOwn(answer.data, mergedKey)) data[key] = answer.data[mergedKey];
    return { data, ...(answer.extensions ? { extensions: answer.extensions } : {}) };
  });
  for (const error of answer.errors ?? []) {
    const [head, ...rest] = error.path ?? [];
    const match = typeof head === 'string' ? MERGED_KEY.exec(head) : null;
    const index = match ? Number(match[1]) : 0;
    const part = parts[index] ?? parts[0]!;
    const own = match && parts[index] ? { ...error, path: [match[2]!, ...rest] } : error;
    part.errors = [...(part.errors ?? []), own];
  }
  return parts;
}

/**
 * Whether every error of a merged answer names the read it belongs to (its path starts at one
 * of the merged aliases). An error without one (a whole-request error beside partial data) could
 * belong to any read: such an answer is not split, each read is sent again on its own.
 */
export function errorsAttributable(answer: SubgraphAnswer): boolean {
  return (answer.errors ?? []).every((error) => {
    const head = error.path?.[0];
    return typeof head === 'string' && MERGED_KEY.test(head);
  });
}

/** Something waiting in a batch, with how to answer it. */
export interface Queued<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers what is joined under one key during one turn of the event loop and hands it over
 * together at the turn's end (`setImmediate`, after the I/O callbacks of the turn have run).
 * The executor hands every fetch of a `Parallel` node to its data source without waiting in
 * between; waiting for the turn's end also gathers the next fetches of branches whose answers
 * arrived in the same turn (the nested benchmark query: 8 requests, against 13 when handed
 * over as soon as the current callback's promises have settled).
 * A batch closes at `max` items; later ones start the next.
 */
export class SameTurnBatches<Key, Item, Result> {
  private readonly open = new Map<Key, Array<Queued<Item, Result>>>();

  constructor(
    private readonly send: (batch: ReadonlyArray<Queued<Item, Result>>) => void,
    private readonly max: number = MAX_MERGED_READS,
  ) {}

  join(key: Key, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      let batch = this.open.get(key);
      if (!batch) {
        const fresh: Array<Queued<Item, Result>> = [];
        batch = fresh;
        this.open.set(key, fresh);
        setImmediate(() => {
          if (this.open.get(key) === fresh) this.open.delete(key);
          try {
            this.send(fresh);
          } catch (error) {
            for (const queued of fresh) queued.reject(error);
          }
        });
      }
      batch.push({ item, resolve, reject });
      if (batch.length >= this.max) this.open.delete(key);
    });
  }
}
