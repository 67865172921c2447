import {
  astFromValue,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** One generated operation: a root field, its arguments for one variant, a full selection. */
export interface GeneratedOperation {
  kind: OperationKind;
  /** `Query.story`, `Mutation.updateStories`, `Query._entities(Story)`. */
  field: string;
  /** Which arguments and input path this variant sets, e.g. `update.scenes.create.node`. */
  variant: string;
  /** The operation text, values written inline so a failure reproduces from the report. */
  query: string;
}

/**
 * The owner's objects an operation can aim at, by type name (`Story` → [draft, published]),
 * and what their fields hold now (`expectedVersion` arguments read `version` from here).
 */
export interface Targets {
  ids: Record<string, string[]>;
  /** The owner's email, for arguments that name a person by email. */
  email: string;
  /** Current field values of the owner's objects, by id (refreshed after every write). */
  fields: Map<string, Record<string, unknown>>;
}

export interface WalkLimits {
  /** Object levels below the root field in a selection. @default 3 */
  selectionDepth: number;
  /** Input object levels an input path may descend. @default 7 */
  inputDepth: number;
  /** Variants of one root field, at most. @default 400 */
  variantsPerField: number;
}

const defaults: WalkLimits = { selectionDepth: 3, inputDepth: 7, variantsPerField: 400 };

/** Arguments of one variant: each root argument's value, already built. */
interface ArgumentSet {
  label: string;
  values: Map<string, unknown>;
}

/**
 * Every root field of `schema` (queries, mutations, subscriptions) as operations aimed at the
 * owner's objects: the required arguments (and any optional id) per target, then one variant
 * per input path (each nested create/connect/update/delete… of a generated input), each
 * selecting every field it can to a bounded depth. Nothing is listed by hand: a field added
 * to the schema is here on the next run.
 */
export function generateOperations(
  schema: GraphQLSchema,
  targets: Targets,
  limits: Partial<WalkLimits> = {},
): GeneratedOperation[] {
  const walk = new SchemaWalk(schema, targets, { ...defaults, ...limits });
  const operations: GeneratedOperation[] = [];
  const roots: Array<[OperationKind, GraphQLObjectType | null | undefined]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  for (const [kind, type] of roots) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue; // federation's _service and _entities: see entityOperations
      for (const args of walk.variants(field).slice(0, walk.limits.variantsPerField)) {
        const selection = walk.selection(field.type, 1);
        operations.push({
          kind,
          field: `${type.name}.${field.name}`,
          variant: args.label,
          query: `${kind} { ${field.name}${walk.printArguments(field.args, args.values)}${selection ? ` { ${selection} }` : ''} }`,
        });
      }
    }
  }
  return operations;
}

/**
 * `_entities` for every entity type of a subgraph (types with a `@key`), one representation
 * per target id of that type, selecting every field the subgraph resolves for it.
 */
export function entityOperations(
  schema: GraphQLSchema,
  entityKeys: Map<string, string[]>,
  targets: Targets,
  limits: Partial<WalkLimits> = {},
): GeneratedOperation[] {
  const walk = new SchemaWalk(schema, targets, { ...defaults, ...limits });
  const operations: GeneratedOperation[] = [];
  for (const [typeName, keyFields] of entityKeys) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const selection = walk.selection(type, 1);
    for (const id of targets.ids[typeName] ?? []) {
      // Simple keys only (`id`), which is all this graph uses; a compound key is skipped.
      if (keyFields.length !== 1) continue;
      const representation = `{ __typename: ${JSON.stringify(typeName)}, ${keyFields[0]}: ${JSON.stringify(id)} }`;
      operations.push({
        kind: 'query',
        field: `Query._entities(${typeName})`,
        variant: `${keyFields[0]}=${id}`,
        query: `query { _entities(representations: [${representation}]) { __typename ... on ${typeName} { ${selection} } } }`,
      });
    }
  }
  return operations;
}

class SchemaWalk {
  private counter = 0;
  /** The ids the variant being built aims at: `expected…` arguments read their fields. */
  private focus: string[] = [];
  /** The field whose arguments are being made: `forgetMemory(id)` aims at a memory. */
  private fieldName = '';
  constructor(
    readonly schema: GraphQLSchema,
    readonly targets: Targets,
    readonly limits: WalkLimits,
  ) {}

  /** Every field it can select under `type`, `depth` levels below the root. */
  selection(type: GraphQLOutputType | GraphQLNamedType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isAbstractType(named)) {
      const parts = this.schema
        .getPossibleTypes(named)
        .map((possible) => `... on ${possible.name} { ${this.selection(possible, depth)} }`);
      return ['__typename', ...parts].join(' ');
    }
    if (!isObjectType(named)) return '';
    const parts: string[] = ['__typename'];
    for (const field of Object.values(named.getFields())) {
      if (field.name.startsWith('_')) continue;
      const values = this.requiredArguments(field);
      if (!values) continue;
      const args = this.printArguments(field.args, values);
      if (isLeafType(getNamedType(field.type))) parts.push(`${field.name}${args}`);
      else if (depth < this.limits.selectionDepth) {
        const inner = this.selection(field.type, depth + 1);
        if (inner) parts.push(`${field.name}${args} { ${inner} }`);
      }
    }
    return parts.join(' ');
  }

  /** Values for a nested field's required arguments; undefined when one cannot be made. */
  private requiredArguments(
    field: GraphQLField<unknown, unknown>,
  ): Map<string, unknown> | undefined {
    const values = new Map<string, unknown>();
    this.fieldName = field.name;
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
      const value = this.value(arg.type, arg.name, 0, new Set(), 0);
      if (value === undefined) return undefined;
      values.set(arg.name, value);
    }
    return values;
  }

  /**
   * The argument sets of a root field: the base (required arguments and optional ids) once per
   * target of its id arguments, then one set per input path of each input-object argument.
   */
  variants(field: GraphQLField<unknown, unknown>): ArgumentSet[] {
    const returnType = getNamedType(field.type).name;
    this.fieldName = field.name;
    const idChoices: Array<{ arg: GraphQLArgument; ids: string[] }> = [];
    for (const arg of field.args) {
      const nullable = getNullableType(arg.type);
      if (isScalarType(nullable) && nullable.name === 'ID') {
        idChoices.push({ arg, ids: this.idsFor(arg.name, returnType) });
      } else if (isInputObjectType(nullable) && nullable.name.endsWith('Where')) {
        // A filter argument: every target of its type, and the unfiltered whole.
        idChoices.push({ arg, ids: ['', ...this.idsFor('', typeOfFilter(nullable))] });
      }
    }
    // Every combination of targets (a story's draft and published copy…), at most 8.
    let combos: ArgumentSet[] = [{ label: 'base', values: new Map() }];
    for (const { arg, ids } of idChoices) {
      const next: ArgumentSet[] = [];
      const nullable = getNullableType(arg.type);
      for (const combo of combos)
        for (const id of ids.length > 0 ? ids : ['']) {
          const values = new Map(combo.values);
          if (id === '' && !isNonNullType(arg.type)) {
            next.push({ label: `${combo.label} ${arg.name}=∅`, values });
            continue;
          }
          values.set(
            arg.name,
            isInputObjectType(nullable) ? this.filterFor(nullable, id) : id || 'missing-id',
          );
          next.push({ label: `${combo.label} ${arg.name}=${id || '∅'}`, values });
        }
      combos = next.slice(0, 8);
    }
    // The other required arguments, per combination: `expectedVersion` reads its target's.
    const required = field.args.filter(
      (arg) =>
        isNonNullType(arg.type) &&
        arg.defaultValue === undefined &&
        !idChoices.some((choice) => choice.arg === arg),
    );
    for (const combo of combos) {
      this.focus = [...combo.values.values()].filter((v): v is string => typeof v === 'string');
      for (const arg of required)
        combo.values.set(arg.name, this.value(arg.type, arg.name, 0, new Set(), 0));
    }
    const sets: ArgumentSet[] = [...combos];
    // Input paths: each optional argument, and each input object reached inside one.
    const targeted = combos.find((c) => !c.label.includes('∅')) ?? combos[0]!;
    this.focus = [...targeted.values.values()].filter((v): v is string => typeof v === 'string');
    for (const arg of field.args) {
      if (idChoices.some((choice) => choice.arg === arg)) continue;
      const nullable = getNullableType(arg.type);
      if (isInputObjectType(nullable)) {
        for (const path of this.inputPaths(nullable, [], new Set([nullable.name]))) {
          const values = new Map(targeted.values);
          values.set(arg.name, this.valueWithPath(nullable, arg.name, path));
          sets.push({ label: `${targeted.label} ${[arg.name, ...path].join('.')}`, values });
        }
      } else if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) {
        const values = new Map(targeted.values);
        values.set(arg.name, this.value(arg.type, arg.name, 0, new Set(), 0));
        sets.push({ label: `${targeted.label} +${arg.name}`, values });
      }
    }
    return sets;
  }

  /** Paths to every input object and every first-level leaf inside `type`, bounded. */
  private inputPaths(type: GraphQLInputObjectType, path: string[], seen: Set<string>): string[][] {
    if (path.length >= this.limits.inputDepth) return [];
    const paths: string[][] = [];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) {
        if (isFilterType(named) || seen.has(named.name)) continue;
        paths.push([...path, field.name]);
        paths.push(
          ...this.inputPaths(named, [...path, field.name], new Set([...seen, named.name])),
        );
      } else if (path.length === 0 && !isNonNullType(field.type)) {
        paths.push([field.name]);
      }
    }
    return paths;
  }

  /** The smallest valid value of `type` that also sets the field at `path`. */
  private valueWithPath(type: GraphQLInputObjectType, name: string, path: string[]): unknown {
    const value = (this.value(type, name, 0, new Set(), 0) ?? {}) as Record<string, unknown>;
    if (path.length === 0) return value;
    const [head, ...rest] = path as [string, ...string[]];
    const field = type.getFields()[head]!;
    const named = getNamedType(field.type);
    let inner: unknown;
    if (isInputObjectType(named)) inner = this.valueWithPath(named, head, rest);
    else inner = this.value(field.type, head, 0, new Set(), 0);
    if (isListType(getNullableType(field.type)) && isInputObjectType(named)) inner = [inner];
    return { ...value, [head]: inner };
  }

  /** A plausible value of `type`: an owner's id for ids, the required fields of an input. */
  value(
    type: GraphQLInputType,
    name: string,
    depth: number,
    seen: Set<string>,
    listDepth: number,
  ): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const item = getNullableType(nullable.ofType);
      // A list of people (co-authors…): the owner and the caller, who may try to add themself.
      if (isScalarType(item) && item.name === 'ID' && /ids$/i.test(name))
        return [this.idsFor(name, '')[0] ?? 'missing-id', ACTOR_ID];
      const inner = this.value(nullable.ofType, name, depth, seen, listDepth + 1);
      return inner === undefined ? undefined : [inner];
    }
    if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
    if (isScalarType(nullable)) return this.scalar(nullable.name, name);
    if (!isInputObjectType(nullable)) return undefined;
    if (nullable.name.endsWith('Where'))
      return this.filterFor(nullable, this.idsFor('', typeOfFilter(nullable))[0] ?? '');
    if (depth >= this.limits.inputDepth || seen.has(nullable.name)) return undefined;
    const out: Record<string, unknown> = {};
    const fields = Object.values(nullable.getFields());
    for (const field of fields) {
      if (!isNonNullType(field.type) || field.defaultValue !== undefined) continue;
      const inner = this.value(
        field.type,
        field.name,
        depth + 1,
        new Set([...seen, nullable.name]),
        0,
      );
      if (inner === undefined) return undefined;
      out[field.name] = inner;
    }
    // An input with nothing required (a "set" wrapper, an operation list) gets its first
    // plain field, so the value says something.
    if (Object.keys(out).length === 0) {
      const first = fields.find((f) => isLeafType(getNamedType(f.type)));
      if (first)
        out[first.name] = this.value(
          first.type,
          first.name === 'set' ? name : first.name,
          depth + 1,
          seen,
          0,
        );
    }
    return out;
  }

  private scalar(scalar: string, name: string): unknown {
    const lower = name.toLowerCase();
    const now = Date.now();
    switch (scalar) {
      case 'ID':
        return this.idsFor(name, '')[0] ?? 'missing-id';
      case 'Int':
        if (lower.startsWith('expected')) return this.currentField(name);
        if (lower === 'first' || lower === 'limit') return 50;
        if (lower === 'offset') return 0;
        if (lower === 'mood' || lower === 'energy') return 3;
        return 1;
      case 'Float':
        if (lower.includes('heart')) return 70;
        if (lower.includes('rr')) return 850;
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        if (lower === 'from' || lower === 'startedat')
          return new Date(now - 6 * 3_600_000).toISOString();
        if (lower === 'to') return new Date(now + 60_000).toISOString();
        if (lower === 'endedat') return new Date(now - 60_000).toISOString();
        return new Date(now).toISOString();
      case 'String':
        if (lower.includes('email')) return this.targets.email;
        if (lower.includes('password')) return 'not-the-password-42';
        if (lower.includes('token')) return 'rt_not-a-real-token';
        if (lower === 'source')
          return `:: StoryTitle\nprobe\n\n:: Start\nprobe ${++this.counter}\n`;
        if (lower === 'after') return undefined;
        return `probe-${++this.counter}`;
      default:
        return 'probe';
    }
  }

  /** The target's current value of the field an `expected…` argument names (`version`). */
  private currentField(name: string): number {
    const field = name.replace(/^expected/, '');
    const key = field.charAt(0).toLowerCase() + field.slice(1);
    for (const id of this.focus) {
      const value = this.targets.fields.get(id)?.[key];
      if (typeof value === 'number') return value;
    }
    return 1;
  }

  /** The owner's ids an argument most likely names: `storyId` → stories, `id` → the return type's. */
  idsFor(argName: string, returnType: string): string[] {
    const byName = argName.replace(/Ids?$/, '');
    const typeName = byName.charAt(0).toUpperCase() + byName.slice(1);
    if (argName !== 'id' && this.targets.ids[typeName]) return this.targets.ids[typeName];
    if (this.targets.ids[returnType]) return this.targets.ids[returnType];
    // `forgetMemory(id)`, `memory(id)`: the type the field is named after.
    const named = Object.keys(this.targets.ids)
      .filter((type) => this.fieldName.toLowerCase().includes(type.toLowerCase()))
      .sort((a, b) => b.length - a.length)[0];
    if (named) return this.targets.ids[named]!;
    return this.targets.ids.User ?? [];
  }

  /** A filter matching the object with this id (`{ id: { eq } }` or `{ id }`), or `{}`. */
  filterFor(type: GraphQLInputObjectType, id: string): Record<string, unknown> {
    const fields = type.getFields();
    const idField = fields.id;
    if (idField) {
      const named = getNamedType(idField.type);
      if (isInputObjectType(named)) {
        const op = named.getFields().eq ?? named.getFields().equals;
        return op ? { id: { [op.name]: id } } : {};
      }
      return { id };
    }
    const node = fields.node;
    if (node && isInputObjectType(getNamedType(node.type)))
      return { node: this.filterFor(getNamedType(node.type) as GraphQLInputObjectType, id) };
    return {};
  }

  printArguments(args: readonly GraphQLArgument[], values: Map<string, unknown>): string {
    const printed: string[] = [];
    for (const arg of args) {
      if (!values.has(arg.name)) continue;
      const ast = astFromValue(values.get(arg.name), arg.type);
      if (ast) printed.push(`${arg.name}: ${print(ast)}`);
    }
    return printed.length > 0 ? `(${printed.join(', ')})` : '';
  }
}

/** Stands for the acting person's own id in generated values; the runner substitutes it. */
export const ACTOR_ID = '__actor-id__';

/** Inputs that select rather than write: filters and sort orders get a target, not paths. */
function isFilterType(type: GraphQLInputObjectType): boolean {
  return /(Where|Sort|Filters?|Options)$/.test(type.name);
}

/** `SceneWhere` → `Scene`; a connection filter names its node's type. */
function typeOfFilter(type: GraphQLInputObjectType): string {
  const node = type.getFields().node;
  if (node) return typeOfFilter(getNamedType(node.type) as GraphQLInputObjectType);
  return type.name.replace(/(Where|Sort|Filters?|Options)$/, '');
}
